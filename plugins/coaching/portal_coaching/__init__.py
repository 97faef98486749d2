"""Coaching dan mentoring (model 20): hook implementations only.

Two flows share the plugin: the HR unit's coaching-mentoring programme (Lamp. H, CM-01…CM-13)
in ``portal_coaching.programme`` and coaching/mentoring in the participant's unit (Lamp. I,
CU-01…CU-03) in ``portal_coaching.unit``. Each flow module answers the hooks for its own records.
"""

from __future__ import annotations

from pathlib import Path

from portal.sdk import PluginInfo, hookimpl
from portal_coaching.jp import CAPS, MODEL, SETTINGS, SLUG, compute
from portal_coaching.rulebook import RULES


def _flows():
    from portal_coaching.programme import hooks as programme
    from portal_coaching.unit import hooks as unit

    return programme, unit


@hookimpl
def portal_plugin_info():
    return PluginInfo(slug=SLUG, title="Coaching dan Mentoring", model=MODEL, settings=SETTINGS,
                      caps=CAPS, rules=RULES, description="Program coaching-mentoring unit pengembangan SDM "
                      "(Lamp. H, CM-01…CM-13) dan coaching/mentoring di unit kerja peserta "
                      "(Lamp. I, CU-01…CU-03).", api_version="1.4")


@hookimpl
def portal_register_blueprints():
    return [flow.blueprint() for flow in _flows()]


@hookimpl
def portal_migrations_dir():
    return Path(__file__).parent / "migrations"


@hookimpl
def portal_menu_items(user):
    return [item for flow in _flows() for item in flow.menu_items(user)]


@hookimpl
def portal_dashboard_widgets(user):
    return [widget for flow in _flows() for widget in flow.dashboard_widgets(user)]


@hookimpl
def portal_compute_jp(participation, settings):
    return compute(participation, settings)


@hookimpl
def portal_confidential_parts(employee):
    from portal_coaching.confidential import parts

    return parts(employee)


@hookimpl
def portal_pending_tasks(user):
    return [task for flow in _flows() for task in flow.pending_tasks(user)]


@hookimpl
def portal_opportunities(employee, on_date):
    from portal_coaching.unit.opportunities import opportunities

    return opportunities(employee, on_date)


@hookimpl
def portal_report_rows(kind, unit, period):
    from portal_coaching.reports import report_rows

    return report_rows(kind, unit, period)


@hookimpl
def portal_import_row(row):
    from portal_coaching.imports import import_row

    return import_row(row)


@hookimpl
def portal_check_eligibility(employee, mechanism, on_date, context):
    if mechanism != SLUG:
        return []
    return [v for flow in _flows() for v in flow.check_eligibility(employee, on_date, context)]


@hookimpl
def portal_certificate_context(participation):
    return next((c for flow in _flows() if (c := flow.certificate_context(participation))), None)


@hookimpl
def portal_demo_data(rng, scale):
    summaries = [summary for flow in _flows() if (summary := flow.demo_data(rng, scale))]
    return "; ".join(summaries) or None


@hookimpl
def portal_join_steps():
    from portal_coaching.join import join_steps

    return join_steps()


@hookimpl
def portal_activity_labels():
    from portal_coaching.jp import labels

    return labels()
