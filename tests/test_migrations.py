"""Migrations: the schema they build matches the models, on SQLite and PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from portal.extensions import db

POSTGRESQL_ONLY_INDEXES = {"ix_employee_nama_trgm"}  # core_0022: a trigram index, no model


def _interesting(diff) -> bool:
    # SQLite reflects no server-side details for some types; only structural drift matters,
    # unique constraints (with their names) included.
    kind = diff[0][0] if isinstance(diff, list) else diff[0]
    if kind == "remove_index" and diff[1].name in POSTGRESQL_ONLY_INDEXES:
        return False
    return kind in {"add_table", "remove_table", "add_column", "remove_column", "add_index",
                    "remove_index", "add_fk", "remove_fk", "add_constraint", "remove_constraint"}


def test_migrated_schema_matches_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        diffs = [d for d in compare_metadata(context, db.metadata) if _interesting(d)]
    assert diffs == []


def test_one_core_head_and_one_branch_per_installed_plugin(app):
    from alembic.script import ScriptDirectory
    from flask_migrate import Migrate  # noqa: F401 - the app's Migrate extension is configured

    config = app.extensions["migrate"].migrate.get_config(app.extensions["migrate"].directory)
    heads = ScriptDirectory.from_config(config).get_heads()
    core_heads = [h for h in heads if h.startswith("core_")]
    assert len(core_heads) == 1


def test_every_table_of_the_models_exists(app):
    tables = set(inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables


def test_name_search_has_a_trigram_index_on_postgresql(app):
    """Issue 21: ``?q=budi`` is ``lower(nama) LIKE '%budi%'``; on PostgreSQL a GIN trigram index
    serves it instead of a scan of every employee."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL index (SQLite has no trigram index)")
    names = {index["name"] for index in inspect(db.engine).get_indexes("employee")}
    assert "ix_employee_nama_trgm" in names
