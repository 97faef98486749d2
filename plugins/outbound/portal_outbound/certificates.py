"""What an outbound e-certificate says (G-06, ``portal_certificate_context``)."""

from __future__ import annotations

from portal.sdk import CertificateContext, db
from portal_outbound.jp import MODEL, SLUG, TITLE, programme_id_of
from portal_outbound.models import OutboundProgramme


def context_for(entry) -> CertificateContext | None:
    """The programme's dates, place and OB-01 design; None for another mechanism or for an
    imported row without a programme in the portal (the core then states the ledger row)."""
    if entry.mechanism != SLUG:
        return None
    programme_id = programme_id_of(entry.reference)
    programme = db.session.get(OutboundProgramme, programme_id) if programme_id else None
    if programme is None:
        return None
    return CertificateContext(
        programme_title=programme.judul, mechanism_title=TITLE, role_label="Peserta",
        start_date=programme.tanggal_mulai, end_date=programme.tanggal_selesai,
        jp=entry.jp_counted, model=MODEL,
        extra_lines=(f"Penyelenggara: {programme.unit.nama} — {programme.tempat}",
                     f"Metode: {', '.join(programme.activity_labels)} (Lamp. E, OB-01)",
                     f"Tujuan: {'; '.join(programme.goal_labels)}"[:300]))
