"""What a patok banding e-certificate says (G-06, ``portal_certificate_context``)."""

from __future__ import annotations

from portal.sdk import CertificateContext, db
from portal_patok_banding.jp import MODEL, SLUG, TITLE
from portal_patok_banding.models import PBParticipant

PREFIX = "patok_banding:peserta:"


def context_for(entry) -> CertificateContext | None:
    if entry.mechanism != SLUG or not entry.reference.startswith(PREFIX):
        return None
    tail = entry.reference[len(PREFIX):]
    person = db.session.get(PBParticipant, int(tail)) if tail.isdigit() else None
    if person is None:
        return None
    program = person.program
    return CertificateContext(
        programme_title=program.judul, mechanism_title=TITLE, role_label="Peserta",
        start_date=program.tanggal_mulai, end_date=program.tanggal_selesai, jp=entry.jp_counted,
        model=MODEL,
        extra_lines=(f"Lembaga tujuan: {program.lembaga_tujuan}"[:200],
                     f"Unit organisasi peserta: {program.unit.nama}"[:200],
                     f"Surat penugasan nomor {program.nomor_surat_penugasan}"[:200]))
