"""Belajar mandiri / self development (model 70, Lamp. G, Tabel 6–7, BM-01…BM-04): hooks only."""

from __future__ import annotations

from pathlib import Path

from portal.sdk import ActivityLabels, DashboardWidget, MenuItem, PluginInfo, hookimpl
from portal_belajar_mandiri.jp import MODEL, SETTINGS, SLUG, TITLE, compute
from portal_belajar_mandiri.rulebook import RULES


@hookimpl
def portal_plugin_info():
    return PluginInfo(slug=SLUG, title=TITLE, model=MODEL, settings=SETTINGS,
                      rules=RULES, description="Penugasan belajar mandiri dari rencana pengembangan, jadwal "
                      "mandiri, monitoring atasan (Tabel 7) dan laporan (Lamp. G, BM-01…BM-04).")


@hookimpl
def portal_register_blueprints():
    from portal_belajar_mandiri.routes import bp

    return [bp]


@hookimpl
def portal_migrations_dir():
    return Path(__file__).parent / "migrations"


@hookimpl
def portal_menu_items(user):
    return [MenuItem("Belajar mandiri", "belajar_mandiri.index", 75),
            MenuItem("Rekomendasi belajar mandiri", "belajar_mandiri.recommendations", 76),
            MenuItem("Monitoring belajar mandiri", "belajar_mandiri.monitoring", 77),
            MenuItem("Rekap belajar mandiri", "belajar_mandiri.recap", 78)]


@hookimpl
def portal_dashboard_widgets(user):
    return [DashboardWidget("Belajar mandiri", "belajar_mandiri.card", 75)]


@hookimpl
def portal_opportunities(employee, on_date):
    from portal_belajar_mandiri.opportunities import opportunities

    return opportunities(employee, on_date)


@hookimpl
def portal_compute_jp(participation, settings):
    return compute(participation, settings)


@hookimpl
def portal_check_eligibility(employee, mechanism, on_date, context):
    from portal_belajar_mandiri.rules import verdicts

    return verdicts(employee, mechanism, on_date)


@hookimpl
def portal_pending_tasks(user):
    from portal_belajar_mandiri.tasks import pending_for

    return pending_for(user)


@hookimpl
def portal_report_rows(kind, unit, period):
    from portal_belajar_mandiri.reports import report_rows

    return report_rows(kind, unit, period)


@hookimpl
def portal_import_row(row):
    from portal.sdk import import_verdict

    return import_verdict(row, SLUG)


@hookimpl
def portal_certificate_context(participation):
    from portal_belajar_mandiri.certificates import context_for

    return context_for(participation)


@hookimpl
def portal_demo_data(rng, scale):
    from portal_belajar_mandiri.demo import add_demo

    return add_demo(rng, scale)


@hookimpl
def portal_join_steps():
    from portal_belajar_mandiri.join import join_steps

    return join_steps()


@hookimpl
def portal_activity_labels():
    return ActivityLabels.single(SLUG, TITLE)
