"""Alembic set-up: the core's revisions plus every installed plugin's branch."""

from __future__ import annotations

import os
from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_migrate import Migrate
from flask_migrate import upgrade as migrate_upgrade
from flask_migrate.cli import db as db_group

from portal.plugins import registry

CORE_VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"


def version_locations() -> list[str]:
    return [str(CORE_VERSIONS)] + [str(path) for path in registry().migration_dirs()]


def _add_plugin_branches(config):
    """Alembic config callback: the core's versions plus the current app's plugin branches."""
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(version_locations()))
    return config


def install(migrate: Migrate) -> None:
    """Register the callback once on the shared ``Migrate`` (every app reads its own plugins
    when the callback runs), however many apps are created."""
    if _add_plugin_branches not in migrate.configure_callbacks:
        migrate.configure(_add_plugin_branches)


@click.command("upgrade")
@click.argument("revision", default="heads")
@with_appcontext
def upgrade_all(revision: str) -> None:
    """Upgrade the core and every installed plugin branch (default: all heads)."""
    migrate_upgrade(revision=revision)


# `flask db upgrade` applies every branch, not only a single "head".
db_group.add_command(upgrade_all, "upgrade")
