"""Who may grant which role where: admins grant only within their own scope."""

from __future__ import annotations

from portal.models import Account, Unit
from portal.scope import can_manage_unit

ROLE_LABELS = {"admin_unit": "Admin unit", "admin_sdm": "Admin SDM", "superadmin": "Superadmin",
               "manajemen_talenta": "Unit Kerja Pengelolaan Talenta (§E.7)"}


def grantable_roles(user: Account) -> list[str]:
    if "superadmin" in user.roles:
        return ["admin_unit", "admin_sdm", "superadmin", "manajemen_talenta"]
    if "admin_sdm" in user.roles:
        return ["admin_unit", "admin_sdm", "manajemen_talenta"]
    if "admin_unit" in user.roles:
        return ["admin_unit"]
    return []


def grant_problem(user: Account, role: str, unit: Unit | None) -> str | None:
    """Why ``user`` may not grant ``role`` (on ``unit``); None when allowed."""
    if role not in grantable_roles(user):
        return "Anda tidak berwenang memberikan peran ini."
    if role == "admin_unit":
        if unit is None:
            return "Peran admin unit memerlukan unit."
        if not can_manage_unit(user, unit):
            return "Unit ini di luar kewenangan Anda."
    elif unit is not None:
        return "Peran ini berlaku untuk seluruh kementerian; kosongkan unit."
    return None
