"""Inbox tasks (``portal_pending_tasks``): assign, receive, provide materials, monitor, read and
take in reports. A few queries per user, each limited."""

from __future__ import annotations

from sqlalchemy import exists, or_, select, true
from sqlalchemy.orm import joinedload

from portal.sdk import Account, Employee, PendingTask, Unit, db, manageable_units
from portal_belajar_mandiri import rules
from portal_belajar_mandiri.models import AssignmentStatus, MandiriAssignment, MandiriMaterial, MandiriMonitoring

LIMIT = 20
PAGE = "belajar_mandiri.assignment"


def _day(value):
    return value.date() if value else None


def _task(title: str, a: MandiriAssignment, kind: str, since) -> PendingTask:
    return PendingTask(f"{title}: {a.employee.nama} — {a.kompetensi}", PAGE,
                       (("assignment_id", a.id),), kind, since)


# One query per list: the employee and their unit come with the assignment (no query per row).
WITH_EMPLOYEE = joinedload(MandiriAssignment.employee).joinedload(Employee.unit)


def _by_unit(status: str, where):
    return db.session.scalars(select(MandiriAssignment).join(Unit, MandiriAssignment.unit_id == Unit.id)
                              .where(MandiriAssignment.status == status, where)
                              .options(WITH_EMPLOYEE).order_by(MandiriAssignment.id).limit(LIMIT))


def pending_for(user: Account) -> list[PendingTask]:
    tasks = []
    if user.has_any("pimpinan_unit", "admin_unit", "admin_sdm", "superadmin"):
        headed = or_(*(Unit.path.startswith(p, autoescape=True) for p in user.headed_unit_paths)) \
            if user.headed_unit_paths else None
        scope = manageable_units(user) if headed is None else or_(manageable_units(user), headed)
        tasks += [_task("Terbitkan surat penugasan belajar mandiri", a, "Persetujuan",
                        _day(a.proposed_at))
                  for a in _by_unit("diusulkan", scope) if rules.can_assign(user, a)]
    if user.has_any("pimpinan_unit"):
        tasks += [_task("Baca laporan belajar mandiri", a, "Laporan", a.reported_on)
                  for a in _by_unit("dilaporkan", Unit.head_id == user.employee_id)]
    for a in db.session.scalars(select(MandiriAssignment).where(
            MandiriAssignment.employee_id == user.employee_id,
            MandiriAssignment.status == AssignmentStatus.DITUGASKAN)):
        tasks.append(_task("Terima surat penugasan belajar mandiri", a, "Konfirmasi",
                           _day(a.assigned_at)))
    if user.has_any("atasan") and db.session.scalar(select(exists().where(
            MandiriAssignment.employee_id == Employee.id, Employee.supervisor_id == user.employee_id,
            MandiriAssignment.status.in_((AssignmentStatus.DITERIMA, AssignmentStatus.DILAPORKAN)),
            ~exists().where(MandiriMonitoring.assignment_id == MandiriAssignment.id,
                            MandiriMonitoring.sent_at.is_not(None))))):
        tasks.append(PendingTask("Isi formulir monitoring belajar mandiri (Tabel 7)",
                                 "belajar_mandiri.monitoring", (), "Formulir"))
    if rules.is_sdm(user):
        tasks += [_task("Terima laporan belajar mandiri", a, "Verifikasi", a.reported_on)
                  for a in _by_unit("dilaporkan", true())]
        tasks += [_task("Sediakan bahan belajar mandiri", a, "Persiapan", _day(a.assigned_at))
                  for a in db.session.scalars(select(MandiriAssignment).where(
                      MandiriAssignment.status.in_((AssignmentStatus.DITUGASKAN, AssignmentStatus.DITERIMA)),
                      ~exists().where(MandiriMaterial.assignment_id == MandiriAssignment.id))
                      .options(WITH_EMPLOYEE).order_by(MandiriAssignment.id).limit(LIMIT))]
    return tasks
