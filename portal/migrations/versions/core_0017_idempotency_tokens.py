"""form_submission: keys of forms already submitted (double submits create one record)

Revision ID: core_0017
Revises: core_0010
Create Date: 2026-12-03 17:55:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0017"
down_revision = "core_0010"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "form_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("result_url", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("form_submission") as batch:
        batch.create_index(batch.f("ix_form_submission_created_at"), ["created_at"], unique=False)


def downgrade():
    with op.batch_alter_table("form_submission") as batch:
        batch.drop_index(batch.f("ix_form_submission_created_at"))
    op.drop_table("form_submission")
