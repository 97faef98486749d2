"""Pelatihan formal (model 10, FL-01): hook implementations only; the rest lives beside."""

from __future__ import annotations

from pathlib import Path

from portal.sdk import MANAGERS, DashboardWidget, MenuItem, PendingTask, PluginInfo, hookimpl
from portal_formal.jp import SLUG, compute
from portal_formal.rulebook import RULES


@hookimpl
def portal_plugin_info():
    return PluginInfo(slug=SLUG, title="Pelatihan formal", model=10,
                      rules=RULES, description="Pelatihan klasikal dan nonklasikal jenis G-01; JP sesuai sertifikat "
                                  "setelah diverifikasi atasan langsung (FL-01).")


@hookimpl
def portal_register_blueprints():
    from portal_formal.views import bp

    return [bp]


@hookimpl
def portal_migrations_dir():
    return Path(__file__).parent / "migrations"


@hookimpl
def portal_menu_items(user):
    return [MenuItem("Pelatihan formal", "formal.index", 80),
            MenuItem("Verifikasi pelatihan formal", "formal.queue", 81)]


@hookimpl
def portal_dashboard_widgets(user):
    return [DashboardWidget("Pelatihan formal", "formal.card", 80)]


@hookimpl
def portal_compute_jp(participation, settings):
    return compute(participation)


@hookimpl
def portal_import_row(row):
    from portal_formal.imports import import_row

    return import_row(row)


@hookimpl
def portal_pending_tasks(user):
    from portal_formal.queries import INBOX_LIMIT, waiting_for, wib_date

    if not user.has_any(*MANAGERS):
        return []
    rows = waiting_for(user)
    tasks = [PendingTask(f"Verifikasi pelatihan formal: {nama} — {title}", "formal.detail",
                         (("report_id", report_id),), "Verifikasi", wib_date(submitted))
             for report_id, nama, title, submitted in rows[:INBOX_LIMIT]]
    if len(rows) > INBOX_LIMIT:
        tasks.append(PendingTask(f"Lebih dari {INBOX_LIMIT} laporan pelatihan formal lainnya menunggu: "
                                 "buka antrean verifikasi", "formal.queue", (), "Verifikasi", None))
    return tasks


@hookimpl
def portal_scheduled_participations(employee_ids, start, end):
    from portal_formal.workflow import scheduled

    return scheduled(employee_ids, start, end)


@hookimpl
def portal_demo_data(rng, scale):
    from portal_formal.demo import add_reports

    return add_reports(rng, scale)


@hookimpl
def portal_join_steps():
    from portal_formal.join import join_steps

    return join_steps()


@hookimpl
def portal_activity_labels():
    from portal_formal.jp import labels

    return labels()
