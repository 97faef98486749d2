"""Row-level scope: which units and employees an account may see or change.

Lists, searches, exports and detail pages all filter through these functions, so a page can
never show what its list would not.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, or_, true

from portal.models import Account, Employee, Unit


def _under(paths: tuple[str, ...]) -> ColumnElement[bool]:
    if not paths:
        return false()
    return or_(*(Unit.path.startswith(path, autoescape=True) for path in paths))


def manageable_units(user: Account) -> ColumnElement[bool]:
    """Units the account administers (admin_unit subtree, or everything for admin SDM)."""
    if user.is_ministry_wide:
        return true()
    return _under(user.admin_unit_paths)


def can_manage_unit(user: Account, unit: Unit) -> bool:
    if user.is_ministry_wide:
        return True
    return any(unit.path.startswith(path) for path in user.admin_unit_paths)


def viewable_units(user: Account) -> ColumnElement[bool]:
    """Units whose people the account may list: administered or headed subtrees."""
    if user.is_ministry_wide:
        return true()
    return _under(user.admin_unit_paths + user.headed_unit_paths)


def viewable_employees(user: Account) -> ColumnElement[bool]:
    """Filter for Employee queries joined to Unit: own record, direct reports, subtrees."""
    if user.is_ministry_wide:
        return true()
    return or_(
        Employee.id == user.employee_id,
        Employee.supervisor_id == user.employee_id,
        viewable_units(user),
    )


def can_view_employee(user: Account, employee: Employee) -> bool:
    if user.is_ministry_wide or employee.id == user.employee_id:
        return True
    if employee.supervisor_id == user.employee_id:
        return True
    paths = user.admin_unit_paths + user.headed_unit_paths
    return any(employee.unit.path.startswith(path) for path in paths)


def can_edit_employee(user: Account, employee: Employee) -> bool:
    return can_manage_unit(user, employee.unit)
