"""Patok banding / benchmarking / studi visit (model 70, Lamp. C, PB-01…PB-05): hooks only."""

from __future__ import annotations

from pathlib import Path

from portal.sdk import ActivityLabels, DashboardWidget, MenuItem, PluginInfo, hookimpl
from portal_patok_banding.jp import MODEL, SETTINGS, SLUG, TITLE, compute
from portal_patok_banding.rulebook import RULES


@hookimpl
def portal_plugin_info():
    return PluginInfo(slug=SLUG, title=TITLE, model=MODEL, settings=SETTINGS,
                      rules=RULES, description="Sepuluh langkah persiapan Tabel 5, pelaksanaan, monitoring dan "
                                  "pelaporan patok banding (Lamp. C, PB-01…PB-05).")


@hookimpl
def portal_register_blueprints():
    from portal_patok_banding.routes import bp

    return [bp]


@hookimpl
def portal_migrations_dir():
    return Path(__file__).parent / "migrations"


@hookimpl
def portal_menu_items(user):
    return [MenuItem("Patok banding", "patok_banding.index", 74)]


@hookimpl
def portal_dashboard_widgets(user):
    return [DashboardWidget("Patok banding", "patok_banding.card", 74)]


@hookimpl
def portal_compute_jp(participation, settings):
    return compute(participation, settings)


@hookimpl
def portal_check_eligibility(employee, mechanism, on_date, context):
    from portal_patok_banding.eligibility import verdicts

    return verdicts(employee, mechanism, context)


@hookimpl
def portal_pending_tasks(user):
    from portal_patok_banding.tasks import pending_for

    return pending_for(user)


@hookimpl
def portal_report_rows(kind, unit, period):
    from portal_patok_banding.reports import report_rows

    return report_rows(kind, unit, period)


@hookimpl
def portal_import_row(row):
    from portal.sdk import import_verdict

    return import_verdict(row, SLUG)


@hookimpl
def portal_certificate_context(participation):
    from portal_patok_banding.certificates import context_for

    return context_for(participation)


@hookimpl
def portal_demo_data(rng, scale):
    from portal_patok_banding.demo import add_demo

    return add_demo(rng, scale)


@hookimpl
def portal_join_steps():
    from portal_patok_banding.join import join_steps

    return join_steps()


@hookimpl
def portal_activity_labels():
    return ActivityLabels.single(SLUG, TITLE)
