"""A test double for the core's own tests: a menu entry, a dashboard card, one page, a table.

Not an example to copy: the reference plugin is what ``flask plugins new SLUG`` writes (its
output is tested in tests/test_scaffold.py and walked through in docs/plugins.md)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint

from portal.access import ROLES, access
from portal.hookspecs import hookimpl
from portal.types import DashboardWidget, MenuItem, PluginInfo

SLUG = "contoh"
bp = Blueprint("contoh", __name__)


@bp.route("/")
@access(*ROLES)
def index():
    return "<p>Halaman mekanisme contoh</p>"


@bp.route("/kartu")
@access(*ROLES)
def card():
    return "<p>Kartu mekanisme contoh</p>"


class PluginDouble:
    """Implements the hooks a mechanism plugin typically provides."""

    def __init__(self, slug: str = SLUG, title: str = "Mekanisme Contoh", model: int = 70):
        self.slug, self.title, self.model = slug, title, model
        self.demo_calls: list[str] = []

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title=self.title, model=self.model,
                          description="Plugin uji.")

    @hookimpl
    def portal_register_blueprints(self):
        return [bp] if self.slug == SLUG else []

    @hookimpl
    def portal_migrations_dir(self):
        return Path(__file__).parent / "migrations"

    @hookimpl
    def portal_menu_items(self, user):
        return [MenuItem(self.title, f"{SLUG}.index")] if self.slug == SLUG else []

    @hookimpl
    def portal_dashboard_widgets(self, user):
        return [DashboardWidget(self.title, f"{SLUG}.card")] if self.slug == SLUG else []

    @hookimpl
    def portal_demo_data(self, rng, scale):
        self.demo_calls.append(scale)
        return f"contoh: {rng.randint(1, 9)} catatan"


def plugin(**kwargs) -> tuple[str, PluginDouble]:
    instance = PluginDouble(**kwargs)
    return instance.slug, instance
