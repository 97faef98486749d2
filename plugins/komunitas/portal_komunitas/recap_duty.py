"""KB-10: each participant (organiser) unit hands the HR unit its komunitas recap at least every
three months. Per unit and quarter the duty is *berjalan* (the quarter is not over), *jatuh
tempo* (over, within the hand-in period), *terlambat* (the period passed without a recap),
*diserahkan* or *diserahkan terlambat*. The hand-in period after the quarter's end is an
[open] setting (``komunitas.rekap_tenggat_hari``, default 10 days). Units are reminded in their
inbox; admin SDM sees every unit's status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from portal.sdk import (
    Account,
    PendingTask,
    ReportPeriod,
    Unit,
    can_manage_unit,
    current_quarter,
    db,
    period_label,
    value_on,
)
from portal_komunitas.jp import SLUG
from portal_komunitas.models import RecapSubmission
from portal_komunitas.rules import ORGANISER_ESELON

KB_10 = "KB-10"
STATUS = {
    "berjalan": ("Triwulan berjalan", "secondary"),
    "jatuh_tempo": ("Jatuh tempo", "warning"),
    "terlambat": ("Terlambat", "danger"),
    "diserahkan": ("Diserahkan", "success"),
    "diserahkan_terlambat": ("Diserahkan terlambat", "warning"),
}


@dataclass(frozen=True)
class Duty:
    unit: Unit
    period: ReportPeriod
    deadline: dt.date
    status: str
    submission: RecapSubmission | None

    @property
    def label(self) -> str:
        return STATUS[self.status][0]

    @property
    def badge(self) -> str:
        return STATUS[self.status][1]


def grace_days(on: dt.date) -> int:
    return int(value_on(f"{SLUG}.rekap_tenggat_hari", on)[0])


def last_quarter(today: dt.date) -> ReportPeriod:
    """The most recent quarter that has ended."""
    return current_quarter(current_quarter(today).start - dt.timedelta(days=1))


def status_of(period: ReportPeriod, submission: RecapSubmission | None, today: dt.date,
              deadline: dt.date) -> str:
    if submission is not None:
        return "diserahkan" if submission.submitted_at.date() <= deadline else "diserahkan_terlambat"
    if today <= period.end:
        return "berjalan"
    return "jatuh_tempo" if today <= deadline else "terlambat"


def duty_units() -> list[Unit]:
    """The units that organise komunitas belajar (KB-02: eselon I and II)."""
    return list(db.session.scalars(select(Unit).where(Unit.eselon.in_(ORGANISER_ESELON)).order_by(Unit.path)))


def duties(period: ReportPeriod, today: dt.date, units: list[Unit] | None = None) -> list[Duty]:
    units = duty_units() if units is None else units
    deadline = period.end + dt.timedelta(days=grace_days(period.end))
    done = {s.unit_id: s for s in db.session.scalars(select(RecapSubmission).where(
        RecapSubmission.period_start == period.start, RecapSubmission.period_end == period.end))}
    return [Duty(unit, period, deadline, status_of(period, done.get(unit.id), today, deadline), done.get(unit.id))
            for unit in units]


def _responsible(user: Account, unit: Unit) -> bool:
    return unit.head_id == user.employee_id or (not user.is_ministry_wide and can_manage_unit(user, unit))


def reminders(user: Account, today: dt.date) -> list[PendingTask]:
    """Inbox: the unit's head and admins see an outstanding recap; admin SDM the late count."""
    period = last_quarter(today)
    label = period_label(period)
    if user.is_ministry_wide:
        late = [d for d in duties(period, today) if d.status == "terlambat"]
        if not late:
            return []
        return [PendingTask(f"{len(late)} unit terlambat menyerahkan rekapitulasi komunitas belajar periode "
                            f"{label} ({KB_10})", "komunitas.recap_status",
                            (("dari", period.start.isoformat()), ("sampai", period.end.isoformat())),
                            "Monitoring", late[0].deadline)]
    if not user.has_any("pimpinan_unit", "admin_unit"):
        return []
    mine = [unit for unit in duty_units() if _responsible(user, unit)]
    tasks = []
    for duty in duties(period, today, mine[:50]):
        if duty.status in ("jatuh_tempo", "terlambat"):
            when = "terlambat, " if duty.status == "terlambat" else ""
            tasks.append(PendingTask(
                f"Serahkan rekapitulasi komunitas belajar {duty.unit.nama} periode {label} ({when}tenggat "
                f"{duty.deadline.isoformat()}) ({KB_10})", "komunitas.recap",
                (("unit", duty.unit.id), ("dari", period.start.isoformat()), ("sampai", period.end.isoformat())),
                "Laporan", period.end + dt.timedelta(days=1)))
    return tasks
