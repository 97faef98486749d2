"""task queue: task_job (user-visible record of background jobs); ledger rows' import lineage

Revision ID: core_0010
Revises: core_0015
Create Date: 2026-12-03 09:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0010"
down_revision = "core_0015"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "task_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("message", sa.String(length=500), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["account.id"],
                                name=op.f("fk_task_job_created_by_id_account"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_job")),
    )
    with op.batch_alter_table("task_job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_job_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_job_created_by_id"), ["created_by_id"],
                              unique=False)
    with op.batch_alter_table("jp_ledger_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("import_batch", sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f("ix_jp_ledger_entry_import_batch"), ["import_batch"],
                              unique=False)


def downgrade():
    with op.batch_alter_table("jp_ledger_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jp_ledger_entry_import_batch"))
        batch_op.drop_column("import_batch")
    with op.batch_alter_table("task_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_job_created_by_id"))
        batch_op.drop_index(batch_op.f("ix_task_job_kind"))
    op.drop_table("task_job")
