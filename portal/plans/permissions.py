"""Who may see, draft and decide a development plan (row level; views answer 404 otherwise)."""

from __future__ import annotations

from portal.models import Account, Employee
from portal.models.plan import DevelopmentPlan
from portal.scope import can_edit_employee, can_view_employee


def can_view(user: Account, employee: Employee) -> bool:
    """The employee, their atasan, their unit heads and admins in scope."""
    return can_view_employee(user, employee)


def can_draft(user: Account, employee: Employee) -> bool:
    """The employee themself, or an admin whose scope holds the employee's unit."""
    return employee.id == user.employee_id or can_edit_employee(user, employee)


def can_decide(user: Account, plan: DevelopmentPlan) -> bool:
    """Only the direct supervisor (atasan langsung) agrees or returns a plan."""
    return plan.employee.supervisor_id is not None and plan.employee.supervisor_id == user.employee_id
