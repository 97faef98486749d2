"""ledger rollup: jp_ledger_rollup (counted JP per employee, year, month, model, mechanism),
backfilled from the live ledger rows; maintained by portal.ledger.rollup from now on

Revision ID: core_0016
Revises: core_0010
Create Date: 2026-12-03 16:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0016"
down_revision = "core_0010"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "jp_ledger_rollup",
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        sa.Column("month", sa.SmallInteger(), nullable=False),
        sa.Column("model", sa.SmallInteger(), nullable=False),
        sa.Column("mechanism", sa.String(length=40), nullable=False),
        sa.Column("jp_counted", sa.Numeric(precision=9, scale=2), nullable=False),
        sa.Column("live_rows", sa.Integer(), nullable=False),
        sa.Column("counted_rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"],
                                name=op.f("fk_jp_ledger_rollup_employee_id_employee")),
        sa.PrimaryKeyConstraint("employee_id", "year", "month", "model", "mechanism",
                                name=op.f("pk_jp_ledger_rollup")),
    )
    op.create_index("ix_jp_ledger_rollup_year_employee", "jp_ledger_rollup",
                    ["year", "employee_id", "model", "jp_counted"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        year = "CAST(EXTRACT(YEAR FROM activity_date) AS INTEGER)"
        month = "CAST(EXTRACT(MONTH FROM activity_date) AS INTEGER)"
    else:
        year = "CAST(strftime('%Y', activity_date) AS INTEGER)"
        month = "CAST(strftime('%m', activity_date) AS INTEGER)"
    op.execute(
        "INSERT INTO jp_ledger_rollup (employee_id, year, month, model, mechanism, jp_counted, "
        "live_rows, counted_rows) "
        f"SELECT employee_id, {year}, {month}, model, mechanism, COALESCE(SUM(jp_counted), 0), "
        "COUNT(*), COALESCE(SUM(CASE WHEN counted THEN 1 ELSE 0 END), 0) "
        "FROM jp_ledger_entry WHERE cancelled_at IS NULL "
        f"GROUP BY employee_id, {year}, {month}, model, mechanism")


def downgrade():
    op.drop_index("ix_jp_ledger_rollup_year_employee", table_name="jp_ledger_rollup")
    op.drop_table("jp_ledger_rollup")
