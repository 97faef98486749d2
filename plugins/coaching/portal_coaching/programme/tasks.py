"""What waits for a user in the programme (``portal_pending_tasks``): entries of Tabel 4 to
initial and forms signed by the coachee awaiting the coach's signature (the coach; admin SDM for
external coaches). Two queries."""

from __future__ import annotations

from sqlalchemy import and_, or_, select

from portal.sdk import PendingTask, db
from portal_coaching.programme.catalogue import FORMS
from portal_coaching.programme.models import Coach, CoacheeStatus, Document, LogEntry, Participant


def pending_for(user) -> list[PendingTask]:
    mine = Coach.employee_id == user.employee_id
    if user.has_any("admin_sdm"):
        mine = or_(mine, Coach.employee_id.is_(None))
    rows = db.session.execute(
        select(LogEntry.id, LogEntry.pertemuan_ke, LogEntry.created_at, Participant.id, Participant.employee_id)
        .join(Participant, LogEntry.participant_id == Participant.id).join(Coach)
        .where(and_(LogEntry.author == "coachee", LogEntry.paraf_at.is_(None),
                    Participant.status == CoacheeStatus.AKTIF,
                    mine))
        .order_by(LogEntry.created_at).limit(50)).all()
    tasks = [PendingTask(f"Paraf catatan coachee pertemuan ke-{ke} (Tabel 4, CM-10)", "coaching.record",
                         (("participant_id", pid),), kind="Paraf coach", since=created.date())
             for _log_id, ke, created, pid, _employee_id in rows]
    unsigned = db.session.execute(
        select(Document.kind, Document.coachee_confirmed_at, Participant.id)
        .join(Participant, Document.participant_id == Participant.id).join(Coach)
        .where(Document.kind == "pendahuluan", Document.coachee_confirmed_at.is_not(None),
               Document.coach_confirmed_at.is_(None), Participant.status == CoacheeStatus.AKTIF, mine)
        .order_by(Document.coachee_confirmed_at).limit(50)).all()
    tasks += [PendingTask(f"Tanda tangan coach: {FORMS[kind].title} (CM-10)", "coaching.record",
                          (("participant_id", pid),), kind="Tanda tangan coach", since=signed.date())
              for kind, signed, pid in unsigned]
    return tasks
