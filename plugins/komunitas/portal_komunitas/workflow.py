"""State changes of proposals, meetings and attendance; each is audited, the caller commits."""

from __future__ import annotations

import datetime as dt

from portal.sdk import (
    Account,
    EligibilityRefusal,
    Employee,
    LedgerError,
    Participation,
    Refusal,
    Unit,
    claim_state,
    credit,
    db,
    lock_groups,
    record,
    require_eligible,
    self_approval_refusal,
    today,
    utcnow,
)
from portal_komunitas import rules
from portal_komunitas.jp import FORMS, JP_ROLES, SLUG, SPEAKER_ROLES
from portal_komunitas.models import Coordinator, Meeting, MeetingPerson, ProgressNote, Proposal, ProposalStatus

PROPOSAL_FIELDS = ("latar_belakang", "topik", "bentuk", "target", "lintas_unit", "peserta",
                   "jadwal", "tempat")


class WorkflowError(Refusal):
    """A refused change; the Indonesian message (with its rule ID) is shown to the user."""


# --------------------------------------------------------------------------- koordinator

def appoint(unit: Unit, employee: Employee, actor: Account) -> Coordinator:
    if refusal := rules.organiser_refusal(unit):
        raise WorkflowError(refusal)
    current = rules.coordinator_of(unit.id)
    old = {"employee_id": current.employee_id} if current else None
    if current is None:
        current = Coordinator(unit_id=unit.id, employee_id=employee.id)
        db.session.add(current)
    current.employee_id = employee.id
    current.appointed_by_id = actor.id
    current.appointed_at = utcnow()
    db.session.flush()
    record("komunitas.koordinator", "unit", unit.id, old, {"employee_id": employee.id},
           summary=f"Koordinator komunitas belajar {unit.nama}: {employee.nama} (KB-02)")
    return current


# --------------------------------------------------------------------------- proposals

def save_proposal(proposal: Proposal | None, unit: Unit, values: dict, actor: Account) -> Proposal:
    if refusal := rules.organiser_refusal(unit):
        raise WorkflowError(refusal)
    if proposal is not None and not proposal.editable:
        raise WorkflowError("Usulan yang sudah diajukan atau disetujui tidak dapat diubah; "
                            "usulan hanya dapat diubah setelah dikembalikan (KB-04).")
    old = None
    if proposal is None:
        proposal = Proposal(unit_id=unit.id, status=ProposalStatus.DRAF, created_by_id=actor.id)
        db.session.add(proposal)
    else:
        old = {key: getattr(proposal, key) for key in PROPOSAL_FIELDS}
        proposal.unit_id = unit.id
    for key in PROPOSAL_FIELDS:
        setattr(proposal, key, values[key])
    db.session.flush()
    record("komunitas.proposal.save", "komunitas_proposal", proposal.id, old,
           {key: getattr(proposal, key) for key in PROPOSAL_FIELDS},
           summary=f"Usulan komunitas belajar #{proposal.id} disimpan")
    return proposal


def _move(proposal: Proposal, allowed: tuple[str, ...], new: str, message: str,
          summary: str) -> None:
    if proposal.status not in allowed:
        raise WorkflowError(message)
    old = claim_state(proposal, allowed, new, message)  # checked again by the database
    record("komunitas.proposal.status", "komunitas_proposal", proposal.id, {"status": old},
           {"status": new, "return_note": proposal.return_note}, summary=summary)


def submit(proposal: Proposal) -> None:
    from portal_komunitas.planning import submit_refusal

    if refusal := submit_refusal(proposal, today().year):
        raise WorkflowError(refusal)
    if proposal.unit.head_id is None:
        raise WorkflowError(f"{proposal.unit.nama} belum mempunyai pimpinan unit yang "
                            "menandatangani usulan; minta admin mengisi pimpinan unit (KB-03).")
    _move(proposal, ("draf", "dikembalikan"), "menunggu_pimpinan",
          "Usulan ini sudah diajukan.", f"Usulan #{proposal.id} diajukan ke pimpinan unit")
    proposal.submitted_at = utcnow()


def sign(proposal: Proposal, user: Account) -> None:
    if not rules.is_head(user, proposal.unit):
        raise WorkflowError("Usulan ditandatangani oleh pimpinan unit penyelenggara (KB-03).")
    refusal = self_approval_refusal(user, subject_id=None, rule="KB-03",
                                    proposer_account_id=proposal.created_by_id)
    if refusal:
        raise WorkflowError(refusal)
    _move(proposal, ("menunggu_pimpinan",), "menunggu_sdm",
          "Usulan ini tidak sedang menunggu tanda tangan pimpinan unit.",
          f"Usulan #{proposal.id} ditandatangani pimpinan unit (KB-03)")
    proposal.signed_by_id = user.employee_id
    proposal.signed_at = utcnow()


def approve(proposal: Proposal, user: Account) -> None:
    _move(proposal, ("menunggu_sdm",), "disetujui",
          "Hanya usulan yang sudah ditandatangani pimpinan unit yang dapat diverifikasi (KB-04).",
          f"Usulan #{proposal.id} disetujui admin SDM (KB-04)")
    proposal.return_note = None
    proposal.verified_by_id = user.id
    proposal.verified_at = utcnow()


def return_(proposal: Proposal, user: Account, note: str) -> None:
    """Return a proposal with a note (admin SDM: KB-04; the head before signing; or an
    approved proposal that must be changed — it then needs signing and verifying again)."""
    proposal.return_note = note
    _move(proposal, ("menunggu_pimpinan", "menunggu_sdm", "disetujui"), "dikembalikan",
          "Usulan ini tidak dapat dikembalikan pada statusnya sekarang.",
          f"Usulan #{proposal.id} dikembalikan: {note}")
    proposal.verified_by_id = user.id
    proposal.verified_at = utcnow()


def add_note(proposal: Proposal, kemajuan: str, hambatan: str, actor: Account) -> ProgressNote:
    note = ProgressNote(proposal_id=proposal.id, kemajuan=kemajuan, hambatan=hambatan,
                        author_id=actor.id)
    db.session.add(note)
    db.session.flush()
    record("komunitas.monitoring", "komunitas_proposal", proposal.id, None,
           {"kemajuan": kemajuan, "hambatan": hambatan},
           summary=f"Catatan monitoring usulan #{proposal.id} (KB-10)")
    return note


# --------------------------------------------------------------------------- meetings

def schedule_refusal(proposal: Proposal) -> str | None:
    """Why no meeting can be scheduled for this proposal (KB-04, KB-07), or None."""
    if proposal.status != ProposalStatus.DISETUJUI:
        return ("Pertemuan hanya dapat dijadwalkan untuk usulan yang sudah disetujui admin SDM "
                "(KB-04).")
    if proposal.bentuk not in SPEAKER_ROLES:
        return ("Berbagi Bahan Pembelajaran tidak berbentuk pertemuan: pegawai mengajukan "
                "bahannya melalui menu Bahan Pembelajaran (KB-07).")
    return None


def schedule(proposal: Proposal, values: dict, actor: Account) -> Meeting:
    if refusal := schedule_refusal(proposal):
        raise WorkflowError(refusal)
    if proposal.bentuk == "berbagi_pengalaman":
        day = values["tanggal"]
        lock_groups(organisers=[(proposal.unit_id, day.year * 100 + day.month)])
        if refusal := rules.berbagi_pengalaman_refusal(proposal, day):
            raise WorkflowError(refusal)
    meeting = Meeting(proposal_id=proposal.id, created_by_id=actor.id, **values)
    db.session.add(meeting)
    db.session.flush()
    record("komunitas.meeting", "komunitas_meeting", meeting.id, None,
           {**values, "proposal_id": proposal.id},
           summary=f"Pertemuan {meeting.judul} dijadwalkan ({FORMS[proposal.bentuk]})")
    return meeting


def add_person(meeting: Meeting, employee: Employee, role: str, override_reason: str = "",
               actor: Account | None = None) -> MeetingPerson:
    """Add a speaker or participant through the core's eligibility gate (G-03, MG-10/PT-08):
    "cannot decide yet" only with the organiser's recorded ``override_reason``."""
    bentuk = meeting.proposal.bentuk
    allowed = ("peserta",) + SPEAKER_ROLES.get(bentuk, ())
    if role not in allowed:
        raise WorkflowError(f"Peran {role} tidak ada pada {FORMS[bentuk]}: pilih "
                            f"{', '.join(allowed)} (KB-01).")
    if rules.person_in(meeting, employee.id) is not None:
        raise WorkflowError(f"{employee.nama} sudah terdaftar pada pertemuan ini.")
    if role == "peserta" and (refusal := rules.peserta_refusal(meeting.proposal, employee)):
        raise WorkflowError(refusal)
    try:
        require_eligible(employee, SLUG, meeting.tanggal, {"role": role},
                         override_reason=override_reason, actor=actor)
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None
    person = MeetingPerson(meeting=meeting, employee_id=employee.id, role=role, hadir=False)
    db.session.add(person)
    db.session.flush()
    record("komunitas.person", "komunitas_meeting", meeting.id, None,
           {"employee_id": employee.id, "role": role},
           summary=f"{employee.nama} ditambahkan sebagai {role} pada pertemuan #{meeting.id}")
    return person


def remove_person(person: MeetingPerson) -> None:
    if person.hadir:
        raise WorkflowError("Kehadiran sudah dicatat dan JP sudah masuk buku JP; orang ini "
                            "tidak dapat dihapus dari pertemuan.")
    record("komunitas.person.remove", "komunitas_meeting", person.meeting_id,
           {"employee_id": person.employee_id, "role": person.role}, None,
           summary=f"Pegawai #{person.employee_id} dihapus dari pertemuan #{person.meeting_id}")
    db.session.delete(person)
    db.session.flush()


def participation(meeting: Meeting, person: MeetingPerson) -> Participation:
    proposal = meeting.proposal
    return Participation(
        employee_id=person.employee_id, mechanism=SLUG, activity_type=proposal.bentuk,
        role=person.role, on_date=meeting.tanggal,
        title=f"{FORMS[proposal.bentuk]}: {meeting.judul}"[:300],
        reference=f"komunitas:meeting:{meeting.id}", organiser_unit_id=proposal.unit_id,
        source="workflow")


def mark_present(meeting: Meeting, person: MeetingPerson, actor: Account) -> None:
    """Record attendance; a JP-earning role is credited to the ledger (KB-05, KB-06, KB-08)."""
    if meeting.tanggal > today():
        raise WorkflowError("Kehadiran baru dapat dicatat pada atau setelah tanggal pertemuan.")
    if person.hadir:
        return
    if person.employee_id is not None and person.role in JP_ROLES.get(meeting.proposal.bentuk, ()):
        try:
            entry = credit(participation(meeting, person), actor_id=actor.id)
        except LedgerError as error:
            raise WorkflowError(str(error)) from None
        person.ledger_entry_id = entry.id
    person.hadir = True
    person.recorded_at = utcnow()
    record("komunitas.hadir", "komunitas_meeting", meeting.id, None,
           {"employee_id": person.employee_id, "role": person.role,
            "ledger_entry_id": person.ledger_entry_id},
           summary=f"Kehadiran pegawai #{person.employee_id} pada pertemuan #{meeting.id}")


def mark_all_present(meeting: Meeting, actor: Account) -> int:
    count = 0
    for person in meeting.people:
        if not person.hadir:
            mark_present(meeting, person, actor)
            count += 1
    return count


def register(meeting: Meeting, employee: Employee) -> MeetingPerson:
    """Open registration: an employee signs up as peserta."""
    if not meeting.pendaftaran_terbuka:
        raise WorkflowError("Pendaftaran pertemuan ini tidak dibuka; hubungi koordinator.")
    if meeting.tanggal < today():
        raise WorkflowError("Pertemuan ini sudah lewat; pendaftaran ditutup.")
    return add_person(meeting, employee, "peserta")


def parse_time(text: str) -> dt.time | None:
    try:
        return dt.time.fromisoformat(text.strip()[:5])
    except ValueError:
        return None
