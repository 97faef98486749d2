"""Magang / praktik kerja lapangan (model 70, Lamp. A, MG-01…MG-13): hook implementations only.

The lifecycle itself (needs, host, agreement, schedule, monitoring, recall, outcome, block)
is the core's placement lifecycle (portal/placements, docs/placements.md).
"""

from __future__ import annotations

from pathlib import Path

from portal.sdk import (
    ActivityLabels,
    DashboardWidget,
    MenuItem,
    PluginInfo,
    hookimpl,
    join_steps_hook,
    opportunities_hook,
    scheduled_hook,
    standard_hooks,
)
from portal_magang.kind import KIND, SETTINGS, SLUG
from portal_magang.rulebook import RULES

KIND_VALUES = (("kind", SLUG),)


@hookimpl
def portal_plugin_info():
    return PluginInfo(slug=SLUG, title=KIND.title, model=70, settings=SETTINGS, rules=RULES,
                      description="Magang/praktik kerja lapangan di unit internal, instansi pemerintah lain, "
                                  "korporasi atau instansi lain (Lamp. A, MG-01…MG-13).")


@hookimpl
def portal_placement_kinds():
    return [KIND]


@hookimpl
def portal_register_blueprints():
    from portal_magang.views import bp

    return [bp]


@hookimpl
def portal_migrations_dir():
    return Path(__file__).parent / "migrations"


@hookimpl
def portal_menu_items(user):
    return [MenuItem("Magang", "placements.index", 60, KIND_VALUES),
            MenuItem("Kebutuhan magang", "placements.needs", 61, KIND_VALUES),
            MenuItem("Laporan magang", "placements.report", 62, KIND_VALUES)]


@hookimpl
def portal_dashboard_widgets(user):
    return [DashboardWidget("Magang", "magang.card", 60)]


@hookimpl
def portal_check_eligibility(employee, mechanism, on_date, context):
    from portal_magang.eligibility import verdicts

    return verdicts(employee, mechanism, on_date, context)


@hookimpl
def portal_compute_jp(participation, settings):
    from portal_magang.jp import compute

    return compute(participation, settings)


@hookimpl
def portal_demo_data(rng, scale):
    from portal_magang.demo import add_demo

    return add_demo(rng, scale)


portal_certificate_context, portal_import_row, portal_pending_tasks = standard_hooks(SLUG)
portal_join_steps = join_steps_hook(SLUG)
portal_scheduled_participations = scheduled_hook(SLUG)
portal_opportunities = opportunities_hook(SLUG)


@hookimpl
def portal_activity_labels():
    return ActivityLabels.single(SLUG, KIND.title)
