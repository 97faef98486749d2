"""What a komunitas e-certificate says (KB-09, ``portal_certificate_context``)."""

from __future__ import annotations

from portal.sdk import CertificateContext, db
from portal_komunitas.jp import FORMS, MODEL, ROLE_LABELS, SLUG
from portal_komunitas.models import Material, Meeting


def _id(reference: str, prefix: str) -> int | None:
    tail = reference[len(prefix):] if reference.startswith(prefix) else ""
    return int(tail) if tail.isdigit() else None


def context_for(entry) -> CertificateContext | None:
    if entry.mechanism != SLUG:
        return None
    role = ROLE_LABELS.get(entry.role, entry.role)
    meeting_id = _id(entry.reference, "komunitas:meeting:")
    if meeting_id is not None and (meeting := db.session.get(Meeting, meeting_id)):
        proposal = meeting.proposal
        where = meeting.tempat if meeting.moda == "luring" else "daring"
        return CertificateContext(
            programme_title=meeting.judul, mechanism_title="Komunitas Belajar", role_label=role,
            start_date=meeting.tanggal, end_date=meeting.tanggal, jp=entry.jp_counted,
            model=MODEL,
            extra_lines=(f"Bentuk: {FORMS[proposal.bentuk]} — topik {proposal.topik}",
                         f"Penyelenggara: {proposal.unit.nama} ({where})",
                         "Surat keterangan pembelajaran (Lamp. F.2.e, KB-09)"))
    material_id = _id(entry.reference, "komunitas:bahan:")
    if material_id is not None and (material := db.session.get(Material, material_id)):
        return CertificateContext(
            programme_title=material.judul, mechanism_title="Komunitas Belajar",
            role_label=role, start_date=entry.activity_date, end_date=entry.activity_date,
            jp=entry.jp_counted, model=MODEL,
            extra_lines=(f"Bentuk: {FORMS['berbagi_bahan']} — topik {material.topik}",
                         "Surat keterangan pembelajaran (KB-09)"))
    return None
