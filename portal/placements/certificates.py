"""What the e-certificate of a passed placement states; a placement plugin's
``portal_certificate_context`` delegates here: ``return context_for(participation, "magang")``."""

from __future__ import annotations

from portal.extensions import db
from portal.i18n import tanggal
from portal.models import LedgerEntry
from portal.placements.kinds import choice_label, kind_of
from portal.placements.models import Placement
from portal.types import CertificateContext

PREFIX = "placement:"


def context_for(participation: LedgerEntry, slug: str) -> CertificateContext | None:
    if participation.mechanism != slug or not participation.reference.startswith(PREFIX):
        return None
    kind = kind_of(slug)
    raw = participation.reference.removeprefix(PREFIX)
    placement = db.session.get(Placement, int(raw)) if raw.isdigit() else None
    if kind is None or placement is None or placement.start_date is None:
        return None
    lines = [f"Instansi penerima: {placement.host_name} ({choice_label(kind.host_types, placement.host_type)})",
             f"Kompetensi: {placement.need.kompetensi}",
             f"Evaluasi akhir: {choice_label(kind.final_methods, placement.final_method)}, "
             f"{tanggal(placement.final_on)}"]
    return CertificateContext(
        programme_title=f"{kind.title} — {placement.need.kompetensi}"[:300], mechanism_title=kind.title,
        role_label=kind.participant_label, start_date=placement.start_date,
        end_date=max(placement.start_date, placement.final_on or placement.end_date),
        jp=participation.jp_counted, model=70, extra_lines=tuple(line[:200] for line in lines))
