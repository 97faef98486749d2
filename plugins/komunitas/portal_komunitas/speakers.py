"""Speakers from outside the ministry (Lamp. F term 8: "Pakar adalah pegawai atau pihak luar";
KB-12, a rule the catalogue lacked): an external pakar or moderator is recorded by name,
institution and expertise, without an employee record; attendance earns no JP and no
certificate (the ledger holds employees only). The caller commits."""

from __future__ import annotations

from portal.sdk import Account, db, record
from portal_komunitas.jp import FORMS, ROLE_LABELS, SPEAKER_ROLES
from portal_komunitas.models import Meeting, MeetingPerson
from portal_komunitas.workflow import WorkflowError

KB_12 = "KB-12"
# Pemateri share what they learnt in their own development (F.3.a.b): employees only.
EXTERNAL_ROLES = ("pakar", "moderator")


def external_roles(bentuk: str) -> tuple[str, ...]:
    return tuple(role for role in SPEAKER_ROLES.get(bentuk, ()) if role in EXTERNAL_ROLES)


def add_external(meeting: Meeting, *, nama: str, instansi: str, keahlian: str, role: str,
                 actor: Account) -> MeetingPerson:
    bentuk = meeting.proposal.bentuk
    allowed = external_roles(bentuk)
    if role not in allowed:
        raise WorkflowError(f"Pihak luar dapat menjadi {', '.join(ROLE_LABELS[r].lower() for r in allowed) or '—'} "
                            f"pada {FORMS[bentuk]}; pemateri adalah pegawai ({KB_12}).")
    nama, instansi, keahlian = (nama or "").strip()[:200], (instansi or "").strip()[:300], \
        (keahlian or "").strip()[:300]
    if not (nama and instansi and keahlian):
        raise WorkflowError(f"Isi nama, instansi asal dan bidang keahlian pakar dari luar Kementerian ({KB_12}).")
    if any(p.is_external and p.nama_luar.lower() == nama.lower() and p.role == role for p in meeting.people):
        raise WorkflowError(f"{nama} sudah terdaftar sebagai {ROLE_LABELS[role].lower()} pada pertemuan ini.")
    person = MeetingPerson(meeting=meeting, employee_id=None, nama_luar=nama, instansi_luar=instansi,
                           keahlian_luar=keahlian, role=role, hadir=False)
    db.session.add(person)
    db.session.flush()
    record("komunitas.person.external", "komunitas_meeting", meeting.id, None,
           {"nama": nama, "instansi": instansi, "keahlian": keahlian, "role": role},
           summary=f"{nama} ({instansi}) ditambahkan sebagai {ROLE_LABELS[role].lower()} dari luar "
                   f"Kementerian pada pertemuan #{meeting.id} ({KB_12})", actor_id=actor.id)
    return person
