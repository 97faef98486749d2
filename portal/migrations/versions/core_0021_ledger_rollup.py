"""ledger rollup: counted JP per employee, month and mechanism (jp_ledger_month) and per employee
and year by model (jp_ledger_year), filled from the existing rows

Revision ID: core_0021
Revises: core_0020
Create Date: 2026-12-04 04:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0021"
down_revision = "core_0020"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "jp_ledger_month",
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        sa.Column("month", sa.SmallInteger(), nullable=False),
        sa.Column("mechanism", sa.String(length=40), nullable=False),
        sa.Column("model", sa.SmallInteger(), nullable=False),
        sa.Column("jp", sa.Numeric(precision=9, scale=2), nullable=False),
        sa.Column("not_counted", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"], name="fk_jp_ledger_month_employee_id_employee"),
        sa.PrimaryKeyConstraint("employee_id", "year", "month", "mechanism", name="pk_jp_ledger_month"),
    )
    op.create_table(
        "jp_ledger_year",
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        sa.Column("jp", sa.Numeric(precision=9, scale=2), nullable=False),
        sa.Column("jp70", sa.Numeric(precision=9, scale=2), nullable=False),
        sa.Column("jp20", sa.Numeric(precision=9, scale=2), nullable=False),
        sa.Column("jp10", sa.Numeric(precision=9, scale=2), nullable=False),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"], name="fk_jp_ledger_year_employee_id_employee"),
        sa.PrimaryKeyConstraint("employee_id", "year", name="pk_jp_ledger_year"),
    )
    op.create_index("ix_jp_ledger_year_year_employee", "jp_ledger_year", ["year", "employee_id", "jp"])
    if op.get_bind().dialect.name == "postgresql":
        year, month = "EXTRACT(YEAR FROM activity_date)::int", "EXTRACT(MONTH FROM activity_date)::int"
    else:
        year = "CAST(strftime('%Y', activity_date) AS INTEGER)"
        month = "CAST(strftime('%m', activity_date) AS INTEGER)"
    op.execute(
        f"INSERT INTO jp_ledger_month (employee_id, year, month, mechanism, model, jp, not_counted) "
        f"SELECT employee_id, {year}, {month}, mechanism, MAX(model), SUM(jp_counted), "
        f"SUM(CASE WHEN cancelled_at IS NULL AND NOT counted THEN 1 ELSE 0 END) "
        f"FROM jp_ledger_entry GROUP BY employee_id, {year}, {month}, mechanism")
    op.execute(
        "INSERT INTO jp_ledger_year (employee_id, year, jp, jp70, jp20, jp10) "
        "SELECT employee_id, year, SUM(jp), SUM(CASE WHEN model = 70 THEN jp ELSE 0 END), "
        "SUM(CASE WHEN model = 20 THEN jp ELSE 0 END), SUM(CASE WHEN model = 10 THEN jp ELSE 0 END) "
        "FROM jp_ledger_month GROUP BY employee_id, year")


def downgrade():
    op.drop_index("ix_jp_ledger_year_year_employee", table_name="jp_ledger_year")
    op.drop_table("jp_ledger_year")
    op.drop_table("jp_ledger_month")
