"""results from the ministry's systems: competency assessment results, yearly SKP ratings,
and a read/write scope on API tokens (issue 20)

Revision ID: core_0015
Revises: core_0012
Create Date: 2026-12-03 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0015"
down_revision = "core_0012"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "assessment_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("standard", sa.String(length=20), nullable=False),
        sa.Column("kompetensi", sa.String(length=200), nullable=False),
        sa.Column("required_level", sa.SmallInteger(), nullable=False),
        sa.Column("achieved_level", sa.SmallInteger(), nullable=False),
        sa.Column("gap", sa.SmallInteger(), nullable=False),
        sa.Column("assessor", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=160), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"],
                                name=op.f("fk_assessment_result_employee_id_employee"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_result")),
        sa.UniqueConstraint("employee_id", "assessed_on", "kompetensi",
                            name=op.f("uq_assessment_result_employee_id")),
    )
    with op.batch_alter_table("assessment_result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessment_result_updated_at"), ["updated_at"],
                              unique=False)
    op.create_table(
        "skp_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("predikat", sa.String(length=20), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=160), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"],
                                name=op.f("fk_skp_rating_employee_id_employee"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skp_rating")),
        sa.UniqueConstraint("employee_id", "year", name=op.f("uq_skp_rating_employee_id")),
    )
    with op.batch_alter_table("skp_rating", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skp_rating_updated_at"), ["updated_at"], unique=False)
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope", sa.String(length=10), nullable=False,
                                      server_default="read"))


def downgrade():
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.drop_column("scope")
    with op.batch_alter_table("skp_rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skp_rating_updated_at"))
    op.drop_table("skp_rating")
    with op.batch_alter_table("assessment_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_result_updated_at"))
    op.drop_table("assessment_result")
