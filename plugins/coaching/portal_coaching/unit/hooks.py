"""The unit flow's answers to the plugin hooks (called from portal_coaching/__init__.py)."""

from __future__ import annotations

from flask import Blueprint

from portal.sdk import DashboardWidget, MenuItem, Verdict

bp = Blueprint("coaching_unit", __name__, template_folder="../templates")
UNIT_TYPES = {"coaching_unit": "coaching", "mentoring_unit": "mentoring"}


def blueprint() -> Blueprint:
    from portal_coaching.unit.routes import bp as assembled

    return assembled


def menu_items(user) -> list:
    items = [MenuItem("Di unit kerja", "coaching_unit.index", 60)]
    if user.has_any("pimpinan_unit", "admin_unit", "admin_sdm", "superadmin"):
        items.append(MenuItem("Inventarisasi coaching/mentoring", "coaching_unit.inventory", 61))
    return items


def dashboard_widgets(user) -> list:
    return [DashboardWidget("Coaching dan Mentoring: di unit kerja", "coaching_unit.card", 60)]


def pending_tasks(user) -> list:
    from portal_coaching.unit.tasks import pending_for

    return pending_for(user)


def check_eligibility(employee, on_date, context) -> list:
    """CU-01: coaching/mentoring in the unit needs a validated inventory entry. Answers only
    when the caller names a unit-flow activity type (``context["activity_type"]``)."""
    jenis = UNIT_TYPES.get(str(context.get("activity_type", "")))
    if jenis is None:
        return []
    from portal_coaching.unit.rules import validated_entry

    if validated_entry(employee, jenis) is None:
        return [Verdict(False, "CU-01", f"{employee.nama} belum tercantum dalam inventarisasi "
                                        f"{jenis} yang divalidasi pimpinan unit kerja (CU-01).")]
    return [Verdict(True, "CU-01", f"Tercantum dalam inventarisasi {jenis} yang divalidasi "
                                   "pimpinan unit kerja (CU-01).")]


def certificate_context(entry):
    from portal_coaching.unit.certificates import context_for

    return context_for(entry)


def demo_data(rng, scale) -> str | None:
    from portal_coaching.unit.demo import add_demo

    return add_demo(rng, scale)
