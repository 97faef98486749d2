"""Pertukaran PNS dengan pegawai swasta/BUMN/BUMD (model 70, Lamp. B, PT-01…PT-09) on the core
placement lifecycle (docs/placements.md): hook implementations only."""

from __future__ import annotations

from portal.sdk import (
    ActivityLabels,
    MenuItem,
    PluginInfo,
    hookimpl,
    join_steps_hook,
    opportunities_hook,
    report_rows_hook,
    scheduled_hook,
    standard_hooks,
)
from portal_pertukaran.jp import SETTINGS, compute
from portal_pertukaran.kind import KIND, SLUG, TITLE
from portal_pertukaran.rulebook import RULES


@hookimpl
def portal_plugin_info():
    return PluginInfo(slug=SLUG, title=TITLE, model=70, settings=SETTINGS,
                      rules=RULES, description="Pertukaran pegawai dengan instansi, korporasi atau organisasi "
                      "mitra: kualifikasi, perjanjian kerja sama, tahapan, monitoring dan hasil "
                      "(Lamp. B, PT-01…PT-09).")


@hookimpl
def portal_placement_kinds():
    return [KIND]


@hookimpl
def portal_menu_items(user):
    return [MenuItem("Pertukaran pegawai", "placements.index", 62, values=(("kind", SLUG),))]


@hookimpl
def portal_compute_jp(participation, settings):
    return compute(participation, settings)


@hookimpl
def portal_check_eligibility(employee, mechanism, on_date, context):
    from portal_pertukaran.rules import verdicts

    return verdicts(employee, on_date) if mechanism == SLUG else []


@hookimpl
def portal_demo_data(rng, scale):
    from portal_pertukaran.demo import add_demo

    return add_demo(rng, scale)


portal_certificate_context, portal_import_row, portal_pending_tasks = standard_hooks(SLUG)
portal_join_steps = join_steps_hook(SLUG)
portal_scheduled_participations = scheduled_hook(SLUG)
portal_opportunities = opportunities_hook(SLUG)
portal_report_rows = report_rows_hook(SLUG)


@hookimpl
def portal_activity_labels():
    return ActivityLabels.single(SLUG, TITLE)
