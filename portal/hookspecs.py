"""Hook specifications of Portal 70:20:10.

Every hook is documented in docs/hooks.md and exercised by a test; tests/test_hook_docs.py
fails when either is missing. Hooks return data (see portal/types.py), never HTML, and never
touch the Flask app.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from flask import Blueprint

    from portal.models import Account
    from portal.types import DashboardWidget, MenuItem, PluginInfo

hookspec = pluggy.HookspecMarker("portal")
hookimpl = pluggy.HookimplMarker("portal")


@hookspec
def portal_plugin_info() -> PluginInfo:
    """Describe the mechanism this plugin provides.

    :return: a :class:`portal.types.PluginInfo` whose ``slug`` equals the plugin's
        entry-point name in the ``portal`` group.
    """


@hookspec
def portal_register_blueprints() -> list[Blueprint]:
    """Return the plugin's blueprints.

    The core mounts each under ``/m/<slug>`` and guards it: when the mechanism is switched off
    for the signed-in user's unit every route answers 404. Each view must still declare who may
    use it with :func:`portal.access.access`.

    :return: a list of :class:`flask.Blueprint`.
    """


@hookspec
def portal_migrations_dir() -> Path:
    """Return the folder of the plugin's Alembic revisions.

    The folder is one Alembic branch labelled with the plugin's slug whose first revision
    ``depends_on`` the core head, so ``flask db upgrade`` adds the plugin's tables without
    touching others.

    :return: an absolute :class:`pathlib.Path`.
    """


@hookspec
def portal_menu_items(user: Account) -> list[MenuItem]:
    """Navigation entries for ``user``.

    Called only for plugins switched on for the user's unit.

    :param user: the signed-in account.
    :return: a list of :class:`portal.types.MenuItem`.
    """


@hookspec
def portal_dashboard_widgets(user: Account) -> list[DashboardWidget]:
    """Dashboard cards for ``user``, loaded lazily by the browser.

    Called only for plugins switched on for the user's unit.

    :param user: the signed-in account.
    :return: a list of :class:`portal.types.DashboardWidget`.
    """


@hookspec
def portal_demo_data(rng: random.Random, scale: str) -> str | None:
    """Add the plugin's demo records after the core's units and employees exist.

    :param rng: a seeded random generator; use only it so demo data is deterministic.
    :param scale: ``"small"`` (``make run``) or ``"ministry"`` (benchmarks).
    :return: a one-line summary shown by ``flask demo load``, or ``None``.
    """
