"""Inbox tasks (``portal_pending_tasks``): feedback to give, programmes to complete."""

from __future__ import annotations

from sqlalchemy import select

from portal.sdk import Account, PendingTask, Unit, db, today
from portal_outbound.models import OutboundFeedback, OutboundParticipant, OutboundProgramme, ProgrammeStatus
from portal_outbound.scope import ORGANISERS, organiser_units

LIMIT = 20


def feedback_due(employee_id: int) -> list[OutboundProgramme]:
    """Programmes where the employee was present and has not given feedback yet (OB-01)."""
    return list(db.session.scalars(
        select(OutboundProgramme).join(OutboundParticipant)
        .outerjoin(OutboundFeedback, OutboundFeedback.participant_id == OutboundParticipant.id)
        .where(OutboundParticipant.employee_id == employee_id, OutboundParticipant.hadir.is_(True),
               OutboundProgramme.status != ProgrammeStatus.DIBATALKAN, OutboundFeedback.id.is_(None))
        .order_by(OutboundProgramme.tanggal_selesai).limit(LIMIT)))


def pending_for(user: Account) -> list[PendingTask]:
    tasks = [PendingTask(f"Isi umpan balik pembelajaran alam terbuka: {p.judul}",
                         "outbound.feedback", (("programme_id", p.id),), "Formulir",
                         p.tanggal_selesai)
             for p in feedback_due(user.employee_id)]
    if user.has_any(*ORGANISERS):
        for p in db.session.scalars(
                select(OutboundProgramme).join(Unit, OutboundProgramme.unit_id == Unit.id)
                .where(organiser_units(user), OutboundProgramme.status == ProgrammeStatus.DIRENCANAKAN,
                       OutboundProgramme.tanggal_selesai < today())
                .order_by(OutboundProgramme.tanggal_selesai).limit(LIMIT)):
            tasks.append(PendingTask(f"Catat kehadiran dan selesaikan program outbound: {p.judul}",
                                     "outbound.programme", (("programme_id", p.id),),
                                     "Penyelesaian", p.tanggal_selesai))
    return tasks
