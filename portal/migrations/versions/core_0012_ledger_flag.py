"""ledger: flag on imported rows dated while an MG-10/PT-08 development block was in force

Revision ID: core_0012
Revises: core_0013
Create Date: 2026-12-03 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0012"
down_revision = "core_0013"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("jp_ledger_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flag", sa.String(length=300), nullable=False,
                                      server_default=""))


def downgrade():
    with op.batch_alter_table("jp_ledger_entry", schema=None) as batch_op:
        batch_op.drop_column("flag")
