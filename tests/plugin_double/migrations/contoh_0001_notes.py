"""contoh: notes table (a plugin branch depending on the core head)

Revision ID: contoh_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "contoh_0001"
down_revision = None
branch_labels = ("contoh",)
depends_on = "core_0001"


def upgrade():
    op.create_table(
        "contoh_note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id"), nullable=False),
        sa.Column("text", sa.String(200), nullable=False),
    )


def downgrade():
    op.drop_table("contoh_note")
