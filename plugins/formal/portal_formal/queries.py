"""List queries: my reports with filters, and the numbers of the dashboard card and inbox."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select

from portal.sdk import WIB, Account, Employee, Unit, arg, db, year_filter
from portal_formal.jp import ACTIVITY_TYPES
from portal_formal.models import PENDING, STATUS_LABELS, FormalReport
from portal_formal.scope import verifiable_for

INBOX_LIMIT = 50


@dataclass
class ReportFilters:
    status: str = ""
    activity_type: str = ""
    year: str = ""

    @classmethod
    def from_request(cls) -> ReportFilters:
        return cls(arg("status", tuple(STATUS_LABELS)), arg("jenis", tuple(ACTIVITY_TYPES)),
                   year_filter("tahun"))

    def as_args(self) -> dict:
        values = {"status": self.status, "jenis": self.activity_type, "tahun": self.year}
        return {k: v for k, v in values.items() if v}


def my_reports(employee_id: int, filters: ReportFilters) -> Select:
    query = select(FormalReport).where(FormalReport.employee_id == employee_id)
    if filters.status:
        query = query.where(FormalReport.status == filters.status)
    if filters.activity_type:
        query = query.where(FormalReport.activity_type == filters.activity_type)
    if filters.year:
        year = int(filters.year)
        query = query.where(FormalReport.end_date >= dt.date(year, 1, 1),
                            FormalReport.end_date < dt.date(year + 1, 1, 1))
    return query.order_by(FormalReport.submitted_at.desc(), FormalReport.id.desc())


def pending_count_of(employee_id: int) -> int:
    return db.session.scalar(select(func.count()).where(
        FormalReport.employee_id == employee_id, FormalReport.status == PENDING)) or 0


def waiting_for(user: Account) -> list[tuple[int, str, str, dt.datetime]]:
    """(report id, employee name, title, submitted at) of reports waiting for ``user``'s
    verification, oldest first; one query."""
    rows = db.session.execute(
        select(FormalReport.id, Employee.nama, FormalReport.title, FormalReport.submitted_at)
        .join(Employee, FormalReport.employee_id == Employee.id)
        .join(Unit, Employee.unit_id == Unit.id)
        .where(FormalReport.status == PENDING, verifiable_for(user))
        .order_by(FormalReport.submitted_at, FormalReport.id)
        .limit(INBOX_LIMIT + 1))
    return list(rows)


def wib_date(moment: dt.datetime) -> dt.date:
    """The ministry's (WIB) calendar date of a naive UTC timestamp."""
    return moment.replace(tzinfo=dt.UTC).astimezone(WIB).date()
