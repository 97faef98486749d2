"""State changes of programmes, participants, attendance and feedback; each is audited and
the caller commits (certificates excepted: the core's ``issue`` commits itself)."""

from __future__ import annotations

import datetime as dt

from flask import g
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, joinedload

from portal.sdk import (
    Account,
    Certificate,
    EligibilityRefusal,
    Employee,
    LedgerError,
    Opportunity,
    Participation,
    Refusal,
    Unit,
    claim_state,
    credit,
    db,
    record,
    today,
    utcnow,
)
from portal_outbound import rules
from portal_outbound.jp import ROLE, SLUG, reference_for
from portal_outbound.models import OutboundFeedback, OutboundParticipant, OutboundProgramme, ProgrammeStatus

FIELDS = ("judul", "tanggal_mulai", "tanggal_selesai", "tempat", "fasilitator", "tujuan",
          "kegiatan", "rangkaian", "sumber_dana")


class WorkflowError(Refusal):
    """A refused change; the Indonesian message (with its rule ID) is shown to the user."""


def _open(programme: OutboundProgramme) -> None:
    if not programme.open:
        raise WorkflowError(f"Program ini sudah {programme.status_label.lower()}; "
                            "data program tidak dapat diubah lagi.")


def _flush_once(duplicate: str) -> None:
    """Flush; a unique row added by a concurrent request (double click) is refused, not a 500."""
    try:
        db.session.flush()
    except IntegrityError:
        raise WorkflowError(duplicate) from None


def _audit_values(programme: OutboundProgramme) -> dict:
    return {key: getattr(programme, key) for key in FIELDS}


# --------------------------------------------------------------------------- programme

def save_programme(programme: OutboundProgramme | None, unit: Unit, values: dict,
                   actor: Account) -> OutboundProgramme:
    """Create or change a planned programme (OB-01 design, dates in range)."""
    if refusal := rules.design_refusal(values["tujuan"], values["kegiatan"]):
        raise WorkflowError(refusal)
    if refusal := rules.dates_refusal(values["tanggal_mulai"], values["tanggal_selesai"]):
        raise WorkflowError(refusal)
    stored = {**values, "tujuan": ",".join(values["tujuan"]),
              "kegiatan": ",".join(values["kegiatan"])}
    old = None
    if programme is None:
        programme = OutboundProgramme(unit_id=unit.id, status=ProgrammeStatus.DIRENCANAKAN, created_by_id=actor.id)
        db.session.add(programme)
    else:
        _open(programme)
        old = _audit_values(programme)
        recorded = any(p.hadir is not None for p in programme.participants)
        moved = (programme.tanggal_mulai, programme.tanggal_selesai) != (
            values["tanggal_mulai"], values["tanggal_selesai"])
        if recorded and moved:
            raise WorkflowError("Kehadiran sudah dicatat; tanggal program tidak dapat diubah.")
        if programme.unit_id != unit.id and programme.participants:
            raise WorkflowError("Program sudah mempunyai peserta; unit penyelenggara tidak dapat "
                                "diganti.")
        programme.unit_id = unit.id
    for key, value in stored.items():
        setattr(programme, key, value)
    db.session.flush()
    record("outbound.program.save", "outbound_programme", programme.id, old,
           _audit_values(programme), summary=f"Program outbound #{programme.id} disimpan")
    return programme


def cancel(programme: OutboundProgramme, note: str, actor: Account) -> None:
    _open(programme)
    # a concurrent completion wins once
    claim_state(programme, (ProgrammeStatus.DIRENCANAKAN,), ProgrammeStatus.DIBATALKAN)
    programme.cancel_note = note
    programme.closed_by_id = actor.id
    programme.closed_at = utcnow()
    record("outbound.program.status", "outbound_programme", programme.id,
           {"status": ProgrammeStatus.DIRENCANAKAN}, {"status": ProgrammeStatus.DIBATALKAN, "cancel_note": note},
           summary=f"Program outbound #{programme.id} dibatalkan: {note}")


# --------------------------------------------------------------------------- participants

def add_participant(programme: OutboundProgramme, employee: Employee, override_reason: str = "",
                    actor: Account | None = None) -> list[str]:
    """Add a participant through the core's eligibility gate (G-03, MG-10/PT-08): "cannot
    decide yet" only with the organiser's recorded ``override_reason``; returns the reasons that
    were overridden, to show."""
    _open(programme)
    if any(p.employee_id == employee.id for p in programme.participants):
        raise WorkflowError(f"{employee.nama} sudah terdaftar sebagai peserta program ini.")
    if refusal := rules.membership_refusal(programme, employee):
        raise WorkflowError(refusal)
    try:
        answer = rules.require_eligibility(programme, employee, override_reason, actor)
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None
    participant = OutboundParticipant(programme=programme, employee_id=employee.id)
    db.session.add(participant)
    _flush_once(f"{employee.nama} sudah terdaftar sebagai peserta program ini.")
    record("outbound.peserta", "outbound_programme", programme.id, None,
           {"employee_id": employee.id},
           summary=f"{employee.nama} ditambahkan sebagai peserta program outbound #{programme.id}")
    return [answer.summary] if answer.eligible is None else []


def remove_participant(participant: OutboundParticipant) -> None:
    _open(participant.programme)
    record("outbound.peserta.hapus", "outbound_programme", participant.programme_id,
           {"employee_id": participant.employee_id}, None,
           summary=f"Pegawai #{participant.employee_id} dihapus dari program outbound "
                   f"#{participant.programme_id}")
    db.session.delete(participant)
    db.session.flush()


def record_attendance(participant: OutboundParticipant, hadir: bool) -> None:
    programme = participant.programme
    _open(programme)
    if programme.tanggal_mulai > today():
        raise WorkflowError("Kehadiran baru dapat dicatat mulai tanggal program.")
    old = participant.hadir
    participant.hadir = hadir
    participant.recorded_at = utcnow()
    record("outbound.kehadiran", "outbound_programme", programme.id,
           {"employee_id": participant.employee_id, "hadir": old},
           {"employee_id": participant.employee_id, "hadir": hadir},
           summary=f"Kehadiran pegawai #{participant.employee_id} pada program outbound "
                   f"#{programme.id}: {participant.attendance_label}")


def mark_all_present(programme: OutboundProgramme) -> int:
    pending = [p for p in programme.participants if p.hadir is None]
    for participant in pending:
        record_attendance(participant, True)
    return len(pending)


# --------------------------------------------------------------------------- completion

def participation(programme: OutboundProgramme, participant: OutboundParticipant) -> Participation:
    return Participation(
        employee_id=participant.employee_id, mechanism=SLUG, activity_type=SLUG, role=ROLE,
        on_date=programme.tanggal_selesai,
        title=f"Pembelajaran alam terbuka: {programme.judul}"[:300],
        reference=reference_for(programme.id), organiser_unit_id=programme.unit_id)


def scheduled(employee_ids: list[int] | None, start: dt.date, end: dt.date) -> list[Participation]:
    """Participants of planned programmes ending from today on, for the early warning
    (``portal_scheduled_participations``)."""
    query = (select(OutboundParticipant).join(OutboundParticipant.programme)
             .where(OutboundProgramme.status == ProgrammeStatus.DIRENCANAKAN, OutboundParticipant.hadir.is_not(False),
                    OutboundProgramme.tanggal_selesai >= max(start, today()),
                    OutboundProgramme.tanggal_selesai <= end)
             .options(contains_eager(OutboundParticipant.programme)))
    if employee_ids is not None:
        query = query.where(OutboundParticipant.employee_id.in_(employee_ids))
    people = db.session.scalars(query).all()
    # Held for the request: the session's identity map keeps only referenced objects, and the
    # ledger's JP rule looks each programme up again (programme_days) — without this, one
    # SELECT per participant on the team page.
    g.outbound_scheduled = people
    return [participation(person.programme, person) for person in people]


def opportunities(employee: Employee, on_date: dt.date) -> list[Opportunity]:
    """Planned programmes of the employee's unit or a unit above it, not started yet and not
    joined (``portal_opportunities``). The organiser adds participants, so the employee's next
    step is a request to whoever created the programme."""
    joined = select(OutboundParticipant.programme_id).where(OutboundParticipant.employee_id == employee.id)
    found = db.session.scalars(
        select(OutboundProgramme).where(OutboundProgramme.status == ProgrammeStatus.DIRENCANAKAN,
                                        OutboundProgramme.unit_id.in_(employee.unit.ancestor_ids),
                                        OutboundProgramme.tanggal_mulai > on_date,
                                        OutboundProgramme.id.not_in(joined))
        .options(joinedload(OutboundProgramme.unit))
        .order_by(OutboundProgramme.tanggal_mulai).limit(20)).all()
    g.outbound_offered = found  # held for the request, as in scheduled(): the offer's JP reads them
    return [Opportunity(
        title=f"Pembelajaran alam terbuka: {programme.judul}",
        participation=participation(programme, OutboundParticipant(employee_id=employee.id)),
        endpoint="outbound.programme", values=(("programme_id", programme.id),),
        closes_on=programme.tanggal_mulai - dt.timedelta(days=1), context=(("role", ROLE),),
        detail=f"{programme.unit.nama} · {programme.tempat}", contact_accounts=(programme.created_by_id,))
        for programme in found if programme.created_by_id]


def complete(programme: OutboundProgramme, actor: Account) -> int:
    """Close the programme and credit every participant present to the JP ledger (G-06)."""
    db.session.flush()
    db.session.refresh(programme, with_for_update=True)  # a double click completes once
    _open(programme)
    if programme.tanggal_selesai > today():
        raise WorkflowError("Program baru dapat diselesaikan setelah tanggal selesainya.")
    if not programme.participants:
        raise WorkflowError("Program belum mempunyai peserta.")
    if any(p.hadir is None for p in programme.participants):
        raise WorkflowError("Catat kehadiran semua peserta (hadir atau tidak hadir) sebelum "
                            "program diselesaikan.")
    present = [p for p in programme.participants if p.hadir]
    if not present:
        raise WorkflowError("Tidak ada peserta yang hadir; batalkan program bila tidak "
                            "terlaksana.")
    for participant in present:
        try:
            entry = credit(participation(programme, participant), actor_id=actor.id)
        except LedgerError as error:
            raise WorkflowError(f"{participant.employee.nama}: {error}") from None
        participant.ledger_entry_id = entry.id
    claim_state(programme, (ProgrammeStatus.DIRENCANAKAN,), ProgrammeStatus.SELESAI)
    programme.closed_by_id = actor.id
    programme.closed_at = utcnow()
    record("outbound.program.status", "outbound_programme", programme.id,
           {"status": ProgrammeStatus.DIRENCANAKAN}, {"status": ProgrammeStatus.SELESAI, "dikreditkan": len(present)},
           summary=f"Program outbound #{programme.id} selesai; JP {len(present)} peserta dicatat")
    return len(present)


def certificates_of(programme: OutboundProgramme) -> dict[int, Certificate]:
    """ledger_entry_id -> live certificate, for the programme's credited participants."""
    ids = [p.ledger_entry_id for p in programme.participants if p.ledger_entry_id]
    if not ids:
        return {}
    return {c.ledger_entry_id: c for c in db.session.scalars(select(Certificate).where(
        Certificate.ledger_entry_id.in_(ids), Certificate.revoked_at.is_(None)))}


def issue_certificates(programme: OutboundProgramme, actor: Account) -> tuple[int, list[str]]:
    """G-06: an e-certificate for each credited participant still without one (commits)."""
    from portal.sdk import CertificateError
    from portal.sdk import issue_certificate as issue

    have = certificates_of(programme)
    issued, problems = 0, []
    for participant in list(programme.participants):
        if participant.ledger_entry_id is None or participant.ledger_entry_id in have:
            continue
        try:
            issue(participant.ledger_entry_id, actor.id)
            issued += 1
        except CertificateError as error:
            db.session.rollback()
            problems.append(f"{participant.employee.nama}: {error}")
    return issued, problems


# --------------------------------------------------------------------------- feedback

def feedback_refusal(participant: OutboundParticipant | None) -> str | None:
    """OB-01 "with feedback": each participant present gives it once."""
    if participant is None:
        return "Anda bukan peserta program ini."
    if participant.programme.status == ProgrammeStatus.DIBATALKAN:
        return "Program ini dibatalkan; umpan balik tidak diperlukan."
    if not participant.hadir:
        return ("Umpan balik diisi oleh peserta yang tercatat hadir; kehadiran Anda belum "
                "dicatat sebagai hadir (OB-01).")
    if participant.feedback is not None:
        return "Anda sudah mengirim umpan balik untuk program ini (OB-01)."
    return None


def submit_feedback(participant: OutboundParticipant, values: dict) -> OutboundFeedback:
    if refusal := feedback_refusal(participant):
        raise WorkflowError(refusal)
    feedback = OutboundFeedback(participant=participant, **values)
    db.session.add(feedback)
    _flush_once("Anda sudah mengirim umpan balik untuk program ini (OB-01).")
    record("outbound.umpan_balik", "outbound_programme", participant.programme_id, None,
           {"participant_id": participant.id},
           summary=f"Umpan balik peserta program outbound #{participant.programme_id} (OB-01)")
    return feedback
