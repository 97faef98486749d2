"""Inbox tasks (``portal_pending_tasks``): the step of Tabel 5 that waits for the user, the
assignment to acknowledge, the execution and report to write, the reports to verify."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.sdk import Account, PendingTask, db
from portal_patok_banding import rules
from portal_patok_banding.models import PBParticipant, PBProgram
from portal_patok_banding.steps import EMPLOYEE, UNIT

LIMIT = 200


def _day(value):
    return value.date() if value else None


def pending_for(user: Account) -> list[PendingTask]:
    tasks = []
    sdm = rules.is_sdm(user)
    if sdm or rules.unit_paths(user):
        programs = db.session.scalars(
            select(PBProgram).options(selectinload(PBProgram.steps), selectinload(PBProgram.unit))
            .order_by(PBProgram.id).limit(LIMIT))
        for program in programs:
            step = program.next_step
            if step is None or step.actor == EMPLOYEE:
                continue
            mine = (rules.is_participant_unit(user, program.unit) if step.actor == UNIT else sdm)
            if mine:
                tasks.append(PendingTask(f"Patok banding {program.judul}: langkah {step.number} — "
                                         f"{step.text}", "patok_banding.program",
                                         (("program_id", program.id),), "Persetujuan",
                                         _day(program.created_at)))
    if sdm:
        for person in db.session.scalars(select(PBParticipant).where(
                PBParticipant.laporan_status == "menunggu").order_by(PBParticipant.laporan_at)
                .limit(LIMIT)):
            tasks.append(PendingTask(f"Verifikasi laporan patok banding: {person.employee.nama}",
                                     "patok_banding.participant",
                                     (("program_id", person.program_id), ("person_id", person.id)),
                                     "Verifikasi", _day(person.laporan_at)))
    for person in db.session.scalars(select(PBParticipant).where(
            PBParticipant.employee_id == user.employee_id, PBParticipant.lolos.is_(True),
            PBParticipant.laporan_status.in_(("", "dikembalikan"))).limit(LIMIT)):
        program = person.program
        if not program.assigned:
            continue
        if person.diterima_at is None:
            tasks.append(PendingTask(f"Terima surat penugasan patok banding: {program.judul}",
                                     "patok_banding.program", (("program_id", program.id),),
                                     "Konfirmasi", program.tanggal_surat_penugasan))
        elif program.next_step is None:
            tasks.append(PendingTask(f"Catat pelaksanaan dan kirim laporan patok banding: "
                                     f"{program.judul}", "patok_banding.participant",
                                     (("program_id", program.id), ("person_id", person.id)),
                                     "Formulir", program.tanggal_mulai))
    return tasks
