"""State changes of the programme; each is audited and flushed, the caller commits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select

from portal.sdk import (
    Account,
    CertificateContext,
    EligibilityRefusal,
    Employee,
    LedgerEntry,
    LedgerError,
    Participation,
    Refusal,
    claim_state,
    credit,
    db,
    require_eligible,
    self_approval_refusal,
    today,
    utcnow,
)
from portal_coaching import neutral
from portal_coaching.jp import SLUG
from portal_coaching.neutral import record
from portal_coaching.programme import rules
from portal_coaching.programme.catalogue import FORMS
from portal_coaching.programme.models import (
    Clinic,
    Coach,
    CoacheeStatus,
    Document,
    Evaluation,
    LogEntry,
    Participant,
    Programme,
)
from portal_coaching.programme.questionnaires import QUESTIONNAIRES, slot

ACTIVITY = "coaching_program"
FLOW = {"flow": "program"}  # context for portal_check_eligibility: this flow's rules (CM-04)
MECHANISM_TITLE = "Coaching-Mentoring Unit Pengembangan SDM"


class WorkflowError(Refusal):
    """A step the circular's rules refuse; the message is for the user (Indonesian, rule ID)."""


def save_programme(programme: Programme | None, values: dict, actor: Account) -> Programme:
    if int(values["pertemuan_per_bulan"]) < rules.MIN_MEETINGS_PER_MONTH:
        raise WorkflowError("Jadwal program minimal 2 kali pertemuan dalam satu bulan (CM-03).")
    old = None
    if programme is None:
        programme = Programme(created_by_id=actor.id)
        db.session.add(programme)
    else:
        old = {"nama": programme.nama, "tanggal_mulai": programme.tanggal_mulai}
    for key, value in values.items():
        setattr(programme, key, value)
    db.session.flush()
    record("coaching.program.save", "coaching_program", programme.id, old,
           {"nama": programme.nama, "tanggal_mulai": programme.tanggal_mulai},
           summary=f"Profil program coaching-mentoring #{programme.id} disimpan", actor_id=actor.id)
    return programme


def record_clinic(employee: Employee, jenis: str, tanggal: dt.date, catatan: str, actor: Account) -> Clinic:
    if tanggal > today():
        raise WorkflowError("Tanggal coaching clinic tidak boleh di masa depan (CM-04).")
    clinic = Clinic(employee_id=employee.id, jenis=jenis, tanggal=tanggal, catatan=catatan,
                    recorded_by_id=actor.id)
    db.session.add(clinic)
    db.session.flush()
    record("coaching.program.clinic", "coaching_program_clinic", clinic.id, None,
           {"employee_id": employee.id, "jenis": jenis, "tanggal": tanggal},
           summary=f"Coaching clinic pegawai #{employee.id} dicatat (CM-04)", actor_id=actor.id)
    return clinic


def save_coach(values: dict, employee: Employee | None, actor: Account) -> Coach:
    coach = Coach(employee_id=employee.id if employee else None, created_by_id=actor.id, **values)
    if employee is not None:
        coach.nama = employee.nama
    db.session.add(coach)
    db.session.flush()
    record("coaching.program.coach", "coaching_program_coach", coach.id, None,
           {"nama": coach.nama, "eksternal": coach.is_external},
           summary=f"Coach {coach.nama} didaftarkan (G-04)", actor_id=actor.id)
    return coach


def add_participant(programme: Programme, employee: Employee, coach: Coach, mentor: Employee,
                    mentor_alasan: str, penguji: str, actor: Account,
                    override_reason: str = "") -> Participant:
    """Add a coachee through the core's eligibility gate (G-03, CM-04, MG-10/PT-08; "cannot
    decide yet" only with a recorded ``override_reason``), a coach meeting G-04, the mentor per
    CM-12."""
    try:
        require_eligible(employee, SLUG, programme.tanggal_mulai, FLOW,
                         override_reason=override_reason, actor=actor)
    except EligibilityRefusal as refusal:
        raise WorkflowError(f"{refusal} Lihat alasannya pada daftar kandidat.") from None
    for refusal in (rules.coach_refusal(coach), rules.mentor_refusal(employee, mentor, mentor_alasan)):
        if refusal:
            raise WorkflowError(refusal)
    if coach.employee_id == employee.id:
        raise WorkflowError("Coachee tidak dapat menjadi coach bagi dirinya sendiri (G-04).")
    # Coach and mentor open the coachee's confidential record (CM-01): the staff member who
    # adds the coachee does not appoint themselves to either part, nor add themselves.
    refusal = self_approval_refusal(actor, subject_id=employee.id, rule="CM-12")
    if refusal is None and actor.employee_id in (mentor.id, coach.employee_id):
        refusal = ("Anda tidak dapat menetapkan diri sendiri sebagai coach atau mentor peserta "
                   "yang Anda tambahkan; mintalah petugas lain (CM-01, CM-12).")
    if refusal:
        raise WorkflowError(refusal)
    if db.session.scalar(select(Participant.id).where(Participant.programme_id == programme.id,
                                                      Participant.employee_id == employee.id)):
        raise WorkflowError(f"{employee.nama} sudah menjadi peserta program ini.")
    participant = Participant(programme_id=programme.id, employee_id=employee.id, coach_id=coach.id,
                              mentor_id=mentor.id, penguji=penguji, created_by_id=actor.id,
                              mentor_alasan=mentor_alasan.strip() or None)
    db.session.add(participant)
    db.session.flush()
    record("coaching.program.participant", "coaching_program_participant", participant.id, None,
           {"programme_id": programme.id, "employee_id": employee.id, "coach_id": coach.id,
            "mentor_id": mentor.id, "mentor_alasan": participant.mentor_alasan},
           summary=f"Peserta #{employee.id} ditambahkan ke program #{programme.id}", actor_id=actor.id)
    return participant


def _require_active(participant: Participant) -> None:
    if participant.status != CoacheeStatus.AKTIF:
        raise WorkflowError("Program coachee ini sudah selesai; catatan tidak dapat diubah lagi.")


def save_document(participant: Participant, kind: str, data: dict, document: Document | None,
                  actor: Account) -> Document:
    """Save a form; editing a signed form removes its signatures (they must sign again)."""
    _require_active(participant)
    if document is None:
        document = Document(participant_id=participant.id, kind=kind, data=data, created_by_id=actor.id)
        db.session.add(document)
    else:
        document.data = data
        document.coachee_confirmed_at = document.coach_confirmed_at = None
        document.coach_confirmed_by_id = None
    document.updated_at = utcnow()
    db.session.flush()
    record("coaching.program.form", "coaching_program_document", document.id, None, {"kind": kind},
           summary=f"{FORMS[kind].title} coachee #{participant.employee_id} disimpan", actor_id=actor.id)
    return document


def delete_document(document: Document, actor: Account) -> None:
    _require_active(document.participant)
    record("coaching.program.form.delete", "coaching_program_document", document.id,
           {"kind": document.kind}, None, summary=f"Isian {FORMS[document.kind].title} dihapus",
           actor_id=actor.id)
    db.session.delete(document)
    db.session.flush()


def confirm_document(document: Document, party: str, on_behalf: bool, actor: Account) -> None:
    """Sign a form as coachee or coach (CM-10); admin SDM signs for an external coach."""
    _require_active(document.participant)
    if party == "coachee":
        document.coachee_confirmed_at = utcnow()
    else:
        document.coach_confirmed_at = utcnow()
        document.coach_confirmed_by_id = actor.id
        document.coach_on_behalf = on_behalf
    record("coaching.program.form.confirm", "coaching_program_document", document.id, None,
           {"party": party, "on_behalf": on_behalf},
           summary=f"{FORMS[document.kind].title} dikonfirmasi oleh {party}"
                   + (" (dicatat admin SDM atas nama coach eksternal)" if on_behalf else ""),
           actor_id=actor.id)


def add_log(participant: Participant, author: str, values: dict, on_behalf: bool, actor: Account) -> LogEntry:
    """A row of Tabel 3 (coach) or Tabel 4 (coachee) (CM-09, CM-10)."""
    _require_active(participant)
    if values["tanggal"] > today():
        raise WorkflowError("Tanggal pertemuan tidak boleh di masa depan.")
    if values["tanggal"] < participant.programme.tanggal_mulai:
        raise WorkflowError("Tanggal pertemuan sebelum tanggal mulai program (CM-06).")
    entry = LogEntry(participant_id=participant.id, author=author, recorded_on_behalf=on_behalf,
                     created_by_id=actor.id, **values)
    db.session.add(entry)
    db.session.flush()
    record("coaching.program.log", "coaching_program_log", entry.id, None,
           {"author": author, "pertemuan_ke": entry.pertemuan_ke, "tanggal": entry.tanggal},
           summary=f"Formulir aktivitas {author} pertemuan ke-{entry.pertemuan_ke} dicatat", actor_id=actor.id)
    return entry


def participation(entry: LogEntry) -> Participation:
    """The coachee's JP-earning participation of one confirmed meeting. The title is neutral
    ("Program coaching-mentoring — pertemuan 3"): ledger rows are seen by unit admins (CM-01)."""
    return Participation(
        employee_id=entry.participant.employee_id, mechanism=SLUG, activity_type=ACTIVITY,
        role="coachee", on_date=entry.tanggal,
        title=neutral.meeting_title("program", entry.pertemuan_ke),
        reference=f"coaching:program:log:{entry.id}", source="workflow", confidential=True)


def initial(entry: LogEntry, on_behalf: bool, actor: Account) -> None:
    """The coach initials (paraf) a coachee's entry of Tabel 4 (CM-10); the confirmed meeting
    is credited to the ledger, which applies the monthly cap (CM-13)."""
    _require_active(entry.participant)
    if entry.author != "coachee":
        raise WorkflowError("Hanya catatan coachee (Tabel 4) yang diparaf coach (CM-10).")
    if entry.paraf_at is not None:
        raise WorkflowError("Catatan ini sudah diparaf coach.")
    try:
        ledger_entry = credit(participation(entry), actor_id=actor.id)
    except LedgerError as error:
        raise WorkflowError(str(error)) from None
    entry.paraf_at = utcnow()
    entry.paraf_by_id = actor.id
    entry.paraf_on_behalf = on_behalf
    entry.ledger_entry_id = ledger_entry.id
    record("coaching.program.paraf", "coaching_program_log", entry.id, None,
           {"ledger_entry_id": ledger_entry.id, "on_behalf": on_behalf},
           summary=f"Paraf coach pertemuan ke-{entry.pertemuan_ke}"
                   + (" (dicatat admin SDM atas nama coach eksternal)" if on_behalf else ""),
           actor_id=actor.id)


def save_evaluation(programme: Programme, participant: Participant | None, kind: str, role: str,
                    scores: dict, comments: dict, actor: Account) -> Evaluation:
    """A questionnaire of Lamp. H.e, filled once by the right person (CM-11)."""
    key = slot(kind, role, participant.id if participant else None)
    if db.session.scalar(select(Evaluation.id).where(Evaluation.programme_id == programme.id,
                                                     Evaluation.slot == key)):
        raise WorkflowError(f"{QUESTIONNAIRES[kind].title} sudah diisi; setiap kuesioner diisi "
                            "satu kali (CM-11).")
    evaluation = Evaluation(programme_id=programme.id, participant_id=participant.id if participant else None,
                            kind=kind, evaluator_role=role, slot=key, scores=scores, comments=comments,
                            evaluator_id=actor.id)
    db.session.add(evaluation)
    db.session.flush()
    record("coaching.program.evaluation", "coaching_program_evaluation", evaluation.id, None,
           {"kind": kind, "role": role}, summary=f"{QUESTIONNAIRES[kind].title} diisi", actor_id=actor.id)
    return evaluation


def counted_jp(participant: Participant) -> Decimal:
    ids = [log.ledger_entry_id for log in participant.logs if log.ledger_entry_id]
    if not ids:
        return Decimal(0)
    return db.session.scalar(select(func.coalesce(func.sum(LedgerEntry.jp_counted), 0))
                             .where(LedgerEntry.id.in_(ids), LedgerEntry.cancelled_at.is_(None)))


def final_review(participant: Participant) -> Document | None:
    return next((d for d in participant.documents if d.kind == "pembahasan_akhir"), None)


def complete(participant: Participant, actor: Account) -> None:
    """Close a coachee's programme with the examiner's evaluation (Lamp. H.e): refused, with every
    missing item and its rule ID, before week 8, without the pre-phase forms (CM-05), without
    pertemuan 1–4 (CM-06) or without the pass/fail evaluation. *Lulus*: the re-assessment due date
    is set (CM-03) and the caller issues the certificate (G-06). *Tidak lulus*: closed without a
    certificate; the meetings' JP (CM-13) stay credited."""
    _require_active(participant)
    review = final_review(participant)
    problems = rules.completion_problems(participant, review.data if review else None)
    if problems:
        raise WorkflowError("Program coachee belum dapat diselesaikan: " + " ".join(problems))
    done_on = dt.date.fromisoformat(review.data["tanggal"])
    passed = review.data["kelulusan"] == "lulus"
    claim_state(participant, (CoacheeStatus.AKTIF,), CoacheeStatus.SELESAI if passed else CoacheeStatus.TAK_LULUS)
    participant.selesai_pada = done_on
    participant.reasesmen_batas = rules.reassessment_due(done_on) if passed else None
    db.session.flush()
    record("coaching.program.complete", "coaching_program_participant", participant.id,
           {"status": CoacheeStatus.AKTIF},
           {"status": participant.status, "reasesmen_batas": participant.reasesmen_batas},
           summary=(f"Program coachee #{participant.employee_id} selesai, lulus; re-asesmen paling lambat "
                    f"{participant.reasesmen_batas} (CM-03)") if passed else
           f"Program coachee #{participant.employee_id} selesai, tidak lulus (Lamp. H.e)",
           actor_id=actor.id)


def certificate_context(participant: Participant) -> CertificateContext:
    programme = participant.programme
    return CertificateContext(
        programme_title=neutral.completion_title("program"), mechanism_title=MECHANISM_TITLE,
        role_label="Coachee", start_date=programme.tanggal_mulai, end_date=participant.selesai_pada or today(),
        jp=counted_jp(participant), model=20,
        extra_lines=(f"Standar kompetensi: {programme.standar_label}",
                     f"Pertemuan dikonfirmasi coach: {sum(1 for x in participant.logs if x.paraf_at)}"),
        employee_id=participant.employee_id, mechanism=SLUG,
        reference=f"coaching:program:peserta:{participant.id}")


def record_reassessment(participant: Participant, tanggal: dt.date, catatan: str, actor: Account) -> None:
    if participant.status != CoacheeStatus.SELESAI:
        raise WorkflowError("Re-asesmen dicatat setelah program coachee selesai (CM-03).")
    if tanggal > today() or tanggal < participant.selesai_pada:
        raise WorkflowError("Tanggal re-asesmen harus antara tanggal selesai program dan hari ini (CM-03).")
    participant.reasesmen_pada = tanggal
    participant.reasesmen_catatan = catatan
    record("coaching.program.reassessment", "coaching_program_participant", participant.id, None,
           {"reasesmen_pada": tanggal}, summary=f"Re-asesmen coachee #{participant.employee_id} dicatat (CM-03)",
           actor_id=actor.id)
