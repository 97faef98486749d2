"""Navigation: the core's entries plus every enabled plugin's, filtered by role."""

from __future__ import annotations

from flask import Flask, current_app, request, url_for
from flask_login import current_user

from portal import audit_cache
from portal.access import declared_access
from portal.mechanisms.switches import user_hook
from portal.types import MenuItem

# (group, entry): entries without a group are top-level links; a group becomes a drop-down.
CORE_MENU = (
    ("", MenuItem("Beranda", "home.index", 0)),
    ("Pengembangan", MenuItem("Pengembangan Saya", "jp.mine", 5)),
    ("Pengembangan", MenuItem("Peluang untuk Saya", "opportunities.mine", 6)),
    ("Pengembangan", MenuItem("Rencana Pengembangan", "plans.index", 6)),
    ("Pengembangan", MenuItem("Sertifikat Saya", "certificates.mine", 7)),
    ("Pengembangan", MenuItem("Kelayakan", "eligibility.index", 8)),
    ("Pengembangan", MenuItem("Riwayat Pengembangan", "records.index", 9)),
    ("Pengembangan", MenuItem("Aturan SE 07/2023", "rulebook.index", 11)),
    ("", MenuItem("Tim & Unit", "jp.team_page", 10)),
    ("", MenuItem("Laporan", "reports.index", 12)),
    ("Data", MenuItem("Unit Organisasi", "units.index", 20)),
    ("Data", MenuItem("Pegawai", "employees.index", 21)),
    ("Data", MenuItem("Impor Data", "imports.index", 22)),
    ("Kelola", MenuItem("Mekanisme Unit", "mechanisms.index", 40)),
    ("Kelola", MenuItem("Kelola Sertifikat", "certificates.manage", 41)),
    ("Kelola", MenuItem("Pengaturan Aturan", "ledger_admin.settings", 42)),
    ("Kelola", MenuItem("Log Audit", "ledger_admin.audit", 43)),
    ("Kelola", MenuItem("Kotak Keluar Surel", "mail.outbox", 45)),
    ("Kelola", MenuItem("Administrasi", "admin.index", 44)),
)


def _allowed(item: MenuItem) -> bool:
    roles = declared_access(item.endpoint)
    return bool(roles) and ("public" in roles or current_user.has_any(*roles))


def _entry(item: MenuItem) -> dict:
    return {"label": item.label, "url": url_for(item.endpoint, **dict(item.values))}


def nav_items() -> tuple[list[dict], list[dict]]:
    """(core groups, mechanism entries) the signed-in user may open, the current page marked.

    A core group is ``{"label": str | None, "items": [...]}``; a labelled group with a single
    entry is shown as a plain link. The entries are kept per user until something audited
    changes (a role grant, a mechanism switch, a new supervisor or unit head: see
    :mod:`portal.audit_cache`); the menu only guides — every view checks access itself.
    """
    if not current_user.is_authenticated:
        return [], []
    key = ("menu", current_user.id, current_user.roles, current_user.employee.unit_id)
    core, mechanisms = audit_cache.cached(key, _entries)
    return _marked(core), _marked(mechanisms)


def _marked(groups: list[dict]) -> list[dict]:
    return [{**group, "items": [{**item, "active": request.path == item["url"]}
                                for item in group["items"]]} for group in groups]


def _entries() -> tuple[list[dict], list[dict]]:
    groups: dict[str, list[dict]] = {}
    for group, item in sorted(CORE_MENU, key=lambda pair: pair[1].order):
        if _allowed(item):
            groups.setdefault(group, []).append(_entry(item))
    core = []
    for group, items in groups.items():
        if not group or len(items) == 1:
            core += [{"label": None, "items": [item]} for item in items]
        else:
            core.append({"label": group, "items": items})
    plugin_items = [
        item
        for items in user_hook("portal_menu_items", current_user)(user=current_user)
        for item in items or ()
        if _allowed(item)
    ]
    return core, _by_mechanism(plugin_items)


def _mechanism_of(item: MenuItem) -> str:
    """The mechanism an entry belongs to: its blueprint's plugin, or the ``kind`` it passes to a
    core page shared by plugins (e.g. ``placements.index``)."""
    blueprint = item.endpoint.partition(".")[0]
    slug = current_app.extensions.get("portal_blueprint_slugs", {}).get(blueprint)
    return slug or dict(item.values).get("kind", "")


def _by_mechanism(items: list[MenuItem]) -> list[dict]:
    """Plugin entries grouped under their mechanism's title, groups in the 70 → 20 → 10 order."""
    from portal.mechanisms.catalogue import mechanism_model, mechanism_title

    groups: dict[str, list[MenuItem]] = {}
    for item in items:
        groups.setdefault(_mechanism_of(item), []).append(item)

    def group_key(slug: str) -> tuple:
        return (-(mechanism_model(slug) or 0), min(i.order for i in groups[slug]),
                mechanism_title(slug) if slug else "")

    return [{"label": mechanism_title(slug) if slug else "Lainnya",
             "items": [_entry(i) for i in sorted(groups[slug], key=lambda i: (i.order, i.label))]}
            for slug in sorted(groups, key=group_key)]


def register(app: Flask) -> None:
    @app.context_processor
    def _navigation():
        core, mechanisms = nav_items()
        return {"nav_core": core, "nav_mechanisms": mechanisms}
