"""Komunitas belajar (model 70, Lamp. F, KB-01…KB-10): hook implementations only."""

from __future__ import annotations

from pathlib import Path

from portal.sdk import DashboardWidget, MenuItem, PluginInfo, hookimpl
from portal_komunitas.jp import CAPS, SETTINGS, SLUG, compute
from portal_komunitas.rulebook import RULES


@hookimpl
def portal_plugin_info():
    return PluginInfo(slug=SLUG, title="Komunitas Belajar", model=70, settings=SETTINGS,
                      caps=CAPS, rules=RULES, description="Berbagi Pengetahuan, Berbagi Pengalaman, Berbagi "
                      "Bahan Pembelajaran dan Diskusi Permasalahan (Lamp. F, KB-01…KB-10).",
                      api_version="1.5")


@hookimpl
def portal_register_blueprints():
    from portal_komunitas.routes import bp

    return [bp]


@hookimpl
def portal_migrations_dir():
    return Path(__file__).parent / "migrations"


@hookimpl
def portal_menu_items(user):
    return [MenuItem("Komunitas belajar", "komunitas.index", 70),
            MenuItem("Perpustakaan bahan", "komunitas.library", 71),
            MenuItem("Rekap komunitas belajar", "komunitas.recap", 72),
            MenuItem("Status rekap komunitas", "komunitas.recap_status", 73)]


@hookimpl
def portal_dashboard_widgets(user):
    return [DashboardWidget("Komunitas belajar", "komunitas.card", 70)]


@hookimpl
def portal_compute_jp(participation, settings):
    return compute(participation, settings)


@hookimpl
def portal_scheduled_participations(employee_ids, start, end):
    from portal_komunitas.schedule import scheduled

    return scheduled(employee_ids, start, end)


@hookimpl
def portal_opportunities(employee, on_date):
    from portal_komunitas.schedule import opportunities

    return opportunities(employee, on_date)


@hookimpl
def portal_pending_tasks(user):
    from portal_komunitas.tasks import pending_for

    return pending_for(user)


@hookimpl
def portal_report_rows(kind, unit, period):
    from portal_komunitas.reports import report_rows

    return report_rows(kind, unit, period)


@hookimpl
def portal_import_row(row):
    from portal_komunitas.imports import import_row

    return import_row(row)


@hookimpl
def portal_check_eligibility(employee, mechanism, on_date, context):
    from portal_komunitas.eligibility import verdicts

    return verdicts(employee, mechanism, context)


@hookimpl
def portal_certificate_context(participation):
    from portal_komunitas.certificates import context_for

    return context_for(participation)


@hookimpl
def portal_demo_data(rng, scale):
    from portal_komunitas.demo import add_demo

    return add_demo(rng, scale)


@hookimpl
def portal_join_steps():
    from portal_komunitas.join import join_steps

    return join_steps()


@hookimpl
def portal_activity_labels():
    from portal_komunitas.jp import labels

    return labels()
