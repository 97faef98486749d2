"""Navigation: the core's entries plus every enabled plugin's, filtered by role."""

from __future__ import annotations

from flask import Flask, request, url_for
from flask_login import current_user

from portal.access import declared_access
from portal.mechanisms.switches import user_hook
from portal.types import MenuItem

CORE_MENU = (
    MenuItem("Beranda", "home.index", 0),
    MenuItem("Unit Organisasi", "units.index", 10),
    MenuItem("Pegawai", "employees.index", 20),
    MenuItem("Impor Data", "imports.index", 30),
    MenuItem("Mekanisme Unit", "mechanisms.index", 40),
    MenuItem("Administrasi", "admin.index", 50),
)


def _allowed(item: MenuItem) -> bool:
    roles = declared_access(item.endpoint)
    return bool(roles) and ("public" in roles or current_user.has_any(*roles))


def nav_items() -> tuple[list[dict], list[dict]]:
    """(core entries, mechanism entries) the signed-in user may open."""
    if not current_user.is_authenticated:
        return [], []
    core = [item for item in CORE_MENU if _allowed(item)]
    plugin_items = [
        item
        for items in user_hook("portal_menu_items", current_user)(user=current_user)
        for item in items or ()
        if _allowed(item)
    ]

    def entry(item: MenuItem) -> dict:
        url = url_for(item.endpoint, **dict(item.values))
        return {"label": item.label, "url": url, "active": request.path == url}

    return (
        [entry(i) for i in core],
        [entry(i) for i in sorted(plugin_items, key=lambda i: (i.order, i.label))],
    )


def register(app: Flask) -> None:
    @app.context_processor
    def _navigation():
        core, mechanisms = nav_items()
        return {"nav_core": core, "nav_mechanisms": mechanisms}
