"""The programme flow's answers to the plugin hooks (called from portal_coaching/__init__.py)."""

from __future__ import annotations

from flask import Blueprint

from portal.sdk import DashboardWidget, MenuItem


def blueprint() -> Blueprint:
    from portal_coaching.programme.routes import bp

    return bp


def menu_items(user) -> list:
    from portal_coaching.programme import rules

    items = []
    if rules.is_programme_staff(user) or rules.has_programme_role(user):
        items.append(MenuItem("Program unit pengembangan SDM", "coaching.index", 80))
    if rules.is_programme_staff(user):
        items += [MenuItem("Coaching clinic", "coaching.clinics", 81),
                  MenuItem("Daftar coach", "coaching.coaches", 82),
                  MenuItem("Re-asesmen coaching", "coaching.reassessments", 83)]
    return items


def dashboard_widgets(user) -> list:
    from portal_coaching.programme import rules

    if rules.is_programme_staff(user) or rules.has_programme_role(user):
        return [DashboardWidget("Coaching dan Mentoring: program unit SDM", "coaching.card", 80)]
    return []


def pending_tasks(user) -> list:
    from portal_coaching.programme import rules
    from portal_coaching.programme.tasks import pending_for

    # a coach's tasks are about their coachees: no programme role, nothing to ask
    return pending_for(user) if rules.is_programme_staff(user) or rules.has_programme_role(user) else []


def check_eligibility(employee, on_date, context) -> list:
    """CM-04 for this flow only (``context["flow"] == "program"``): the unit flow (Lamp. I)
    has no coaching-clinic requirement, so the verdict is not given for the mechanism at large."""
    if context.get("flow") != "program":
        return []
    from portal_coaching.programme.rules import clinic_verdict

    return [clinic_verdict(employee, on_date)]


def certificate_context(entry):
    from portal_coaching.programme.certificates import context_for

    return context_for(entry)


def demo_data(rng, scale) -> str | None:
    from portal_coaching.programme.demo import add_demo

    return add_demo(rng, scale)
