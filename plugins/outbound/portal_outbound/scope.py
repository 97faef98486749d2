"""Who may organise and who sees what.

Organisers: admin_unit and pimpinan_unit for their unit subtree (portal.scope), admin SDM for
the whole ministry. Participants see their own programmes; organisers their units'. Anyone
else gets 404, like a missing programme.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, select

from portal.sdk import ADMINS, Account, Employee, Unit, db, viewable_units
from portal.sdk import normalise_nip as normalise
from portal_outbound.models import OutboundParticipant, OutboundProgramme

ORGANISERS = ("pimpinan_unit",) + ADMINS


def organiser_units(user: Account) -> ColumnElement[bool]:
    """Filter over Unit: administered or headed subtrees; everything for admin SDM."""
    return viewable_units(user)


def can_organise(user: Account, unit: Unit) -> bool:
    if user.is_ministry_wide:
        return True
    return any(unit.path.startswith(path) for path in user.admin_unit_paths + user.headed_unit_paths)


def units_for(user: Account) -> list[Unit]:
    """Units the user may organise a programme for (at most 500, by position in the tree)."""
    return list(db.session.scalars(select(Unit).where(organiser_units(user))
                                   .order_by(Unit.path).limit(500)))


def may_organise(user: Account) -> bool:
    """The user holds an organiser role with at least one unit in scope."""
    return user.has_any(*ORGANISERS) and db.session.scalar(
        select(Unit.id).where(organiser_units(user)).limit(1)) is not None


def participant_of(user: Account, programme: OutboundProgramme) -> OutboundParticipant | None:
    return next((p for p in programme.participants if p.employee_id == user.employee_id), None)


def can_view(user: Account, programme: OutboundProgramme) -> bool:
    return can_organise(user, programme.unit) or participant_of(user, programme) is not None


def visible_or_none(user: Account, programme_id: int) -> OutboundProgramme | None:
    programme = db.session.get(OutboundProgramme, programme_id)
    return programme if programme is not None and can_view(user, programme) else None


def organised_by(user: Account) -> Select:
    """Programmes of the units the user organises for, newest first."""
    return (select(OutboundProgramme).join(Unit, OutboundProgramme.unit_id == Unit.id)
            .where(organiser_units(user))
            .order_by(OutboundProgramme.tanggal_mulai.desc(), OutboundProgramme.id.desc()))


def candidates(programme: OutboundProgramme, text: str, limit: int = 20) -> list[Employee]:
    """Employees of the programme unit's subtree matching a NIP prefix or a name."""
    query = (select(Employee).join(Unit, Employee.unit_id == Unit.id)
             .where(Unit.path.startswith(programme.unit.path, autoescape=True)))
    digits = normalise(text)
    if digits.isdigit():
        query = query.where(Employee.nip.startswith(digits[:18]))
    else:
        query = query.where(Employee.nama.icontains(text[:100], autoescape=True))
    return list(db.session.scalars(query.order_by(Employee.nama).limit(limit)))
