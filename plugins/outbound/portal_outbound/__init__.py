"""Pembelajaran alam terbuka / outbound (model 70, Lamp. E, OB-01): hook implementations only."""

from __future__ import annotations

from pathlib import Path

from portal.sdk import ActivityLabels, DashboardWidget, MenuItem, PluginInfo, hookimpl, import_verdict
from portal_outbound.jp import MODEL, SETTINGS, SLUG, TITLE, compute
from portal_outbound.rulebook import RULES


@hookimpl
def portal_plugin_info():
    return PluginInfo(slug=SLUG, title=TITLE, model=MODEL, settings=SETTINGS,
                      rules=RULES, description="Belajar melalui permainan, simulasi, diskusi dan petualangan, "
                                  "dengan umpan balik peserta (Lamp. E, OB-01).")


@hookimpl
def portal_register_blueprints():
    from portal_outbound.routes import bp

    return [bp]


@hookimpl
def portal_migrations_dir():
    return Path(__file__).parent / "migrations"


@hookimpl
def portal_menu_items(user):
    return [MenuItem("Pembelajaran alam terbuka", "outbound.index", 74),
            MenuItem("Program outbound", "outbound.programmes", 75)]


@hookimpl
def portal_dashboard_widgets(user):
    return [DashboardWidget("Pembelajaran alam terbuka", "outbound.card", 74)]


@hookimpl
def portal_compute_jp(participation, settings):
    return compute(participation, settings)


@hookimpl
def portal_pending_tasks(user):
    from portal_outbound.tasks import pending_for

    return pending_for(user)


@hookimpl
def portal_opportunities(employee, on_date):
    from portal_outbound.workflow import opportunities

    return opportunities(employee, on_date)


@hookimpl
def portal_scheduled_participations(employee_ids, start, end):
    from portal_outbound.workflow import scheduled

    return scheduled(employee_ids, start, end)


@hookimpl
def portal_report_rows(kind, unit, period):
    from portal_outbound.reports import report_rows

    return report_rows(kind, unit, period)


@hookimpl
def portal_import_row(row):
    return import_verdict(row, SLUG)


@hookimpl
def portal_check_eligibility(employee, mechanism, on_date, context):
    from portal_outbound.eligibility import verdicts

    return verdicts(mechanism)


@hookimpl
def portal_certificate_context(participation):
    from portal_outbound.certificates import context_for

    return context_for(participation)


@hookimpl
def portal_demo_data(rng, scale):
    from portal_outbound.demo import add_demo

    return add_demo(rng, scale)


@hookimpl
def portal_join_steps():
    from portal_outbound.join import join_steps

    return join_steps()


@hookimpl
def portal_activity_labels():
    return ActivityLabels.single(SLUG, TITLE)
