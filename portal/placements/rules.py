"""Who may see and do what with placements (MG-13: the HR unit with the participant unit)."""

from __future__ import annotations

from sqlalchemy import Select, or_, select

from portal.models import Account, Employee, Unit
from portal.placements.models import Placement, PlacementNeed
from portal.scope import can_manage_unit, can_view_employee, manageable_units, viewable_units


def is_sdm(user: Account) -> bool:
    return user.is_ministry_wide


def can_manage_unit_needs(user: Account, unit: Unit) -> bool:
    """Admin SDM (HR unit) or an admin of the participant unit (MG-13)."""
    return is_sdm(user) or can_manage_unit(user, unit)


def can_manage(user: Account, placement: Placement) -> bool:
    return can_manage_unit_needs(user, placement.unit)


def is_participant(user: Account, placement: Placement) -> bool:
    return placement.employee_id == user.employee_id


def is_atasan(user: Account, placement: Placement) -> bool:
    return placement.employee.supervisor_id is not None and placement.employee.supervisor_id == user.employee_id


def is_mentor(user: Account, placement: Placement) -> bool:
    return placement.mentor_employee_id is not None and placement.mentor_employee_id == user.employee_id


def can_view(user: Account, placement: Placement) -> bool:
    return (is_mentor(user, placement) or can_view_employee(user, placement.employee)
            or can_manage(user, placement))


def can_view_need(user: Account, need: PlacementNeed) -> bool:
    if can_manage_unit_needs(user, need.unit):
        return True
    return any(need.unit.path.startswith(path) for path in user.headed_unit_paths)


def visible_placements(user: Account, kind: str) -> Select:
    """Placements of ``kind`` the user may see: own, supervised, mentored, administered/headed units."""
    query = (select(Placement).join(Employee, Placement.employee_id == Employee.id)
             .join(Unit, Placement.unit_id == Unit.id).where(Placement.kind == kind))
    if is_sdm(user):
        return query
    return query.where(or_(Placement.employee_id == user.employee_id,
                           Employee.supervisor_id == user.employee_id,
                           Placement.mentor_employee_id == user.employee_id,
                           viewable_units(user)))


def visible_needs(user: Account, kind: str) -> Select:
    query = select(PlacementNeed).join(Unit, PlacementNeed.unit_id == Unit.id).where(PlacementNeed.kind == kind)
    if is_sdm(user):
        return query
    return query.where(or_(manageable_units(user), viewable_units(user)))
