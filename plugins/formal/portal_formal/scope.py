"""Who may see and who may verify a report (row-level scope of the formal plugin).

The owner sees their reports; the owner's atasan (direct supervisor) and admins whose scope
covers the owner's unit (admin_unit subtree, admin SDM) see and verify them. Nobody verifies
their own report. Everyone else gets 404, like a missing report.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, or_, select

from portal.sdk import Account, Employee, Unit, can_manage_unit, db, manageable_units
from portal_formal.models import PENDING, FormalReport


def is_verifier_of(user: Account, report: FormalReport) -> bool:
    """The user's position lets them verify the owner's reports (ignoring self-verification)."""
    employee = report.employee
    return employee.supervisor_id == user.employee_id or can_manage_unit(user, employee.unit)


def can_view(user: Account, report: FormalReport) -> bool:
    return report.employee_id == user.employee_id or is_verifier_of(user, report)


def can_verify(user: Account, report: FormalReport) -> bool:
    return report.employee_id != user.employee_id and is_verifier_of(user, report)


def visible_or_none(user: Account, report_id: int) -> FormalReport | None:
    report = db.session.get(FormalReport, report_id)
    return report if report is not None and can_view(user, report) else None


def verifiable_for(user: Account) -> ColumnElement[bool]:
    """Filter (over FormalReport joined to Employee and Unit) for reports the user verifies."""
    return and_(
        FormalReport.employee_id != user.employee_id,
        or_(Employee.supervisor_id == user.employee_id, manageable_units(user)),
    )


def queue_query(user: Account, status: str = PENDING) -> Select:
    """Reports the user may verify, in ``status`` (oldest waiting first)."""
    query = (select(FormalReport)
             .join(Employee, FormalReport.employee_id == Employee.id)
             .join(Unit, Employee.unit_id == Unit.id)
             .where(verifiable_for(user)))
    if status:
        query = query.where(FormalReport.status == status)
    return query.order_by(FormalReport.submitted_at, FormalReport.id)
