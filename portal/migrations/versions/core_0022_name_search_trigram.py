"""name search: a trigram index on lower(employee.nama) for ``LIKE '%…%'`` (PostgreSQL only;
skipped with a notice where the pg_trgm extension cannot be created)

Revision ID: core_0022
Revises: core_0021
Create Date: 2026-12-04 05:00:00
"""

from alembic import op
from sqlalchemy import text

revision = "core_0022"
down_revision = "core_0021"
branch_labels = None
depends_on = None

INDEX = "ix_employee_nama_trgm"  # PostgreSQL only; tests/test_migrations.py knows it


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # SQLite scans; its installs are small
    savepoint = bind.begin_nested()
    try:
        bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as error:  # noqa: BLE001 - no right to create it: search still works, slower
        savepoint.rollback()
        print(f"pg_trgm tidak tersedia ({error.__class__.__name__}); pencarian nama tanpa indeks trigram.")
        return
    savepoint.commit()
    op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON employee USING gin (lower(nama) gin_trgm_ops)")


def downgrade():
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
