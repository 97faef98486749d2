"""What a belajar mandiri e-certificate says (G-06, ``portal_certificate_context``)."""

from __future__ import annotations

from portal.sdk import CertificateContext, db
from portal_belajar_mandiri.jp import MODEL, SLUG, TITLE
from portal_belajar_mandiri.models import MandiriAssignment

PREFIX = f"{SLUG}:"


def context_for(entry) -> CertificateContext | None:
    if entry.mechanism != SLUG or not entry.reference.startswith(PREFIX):
        return None
    tail = entry.reference[len(PREFIX):]
    a = db.session.get(MandiriAssignment, int(tail)) if tail.isdigit() else None
    if a is None:
        return None
    end = max(a.tanggal_mulai, min(a.tanggal_selesai, entry.activity_date))
    return CertificateContext(
        programme_title=f"Belajar Mandiri: {a.kompetensi}", mechanism_title=TITLE,
        role_label="Peserta", start_date=a.tanggal_mulai, end_date=end, jp=entry.jp_counted,
        model=MODEL,
        extra_lines=(f"Surat penugasan nomor {a.nomor_surat}",
                     f"Kegiatan terealisasi {a.done_count} dari {len(a.activities)} (Lamp. G)"))
