"""projection and opportunities (reserved by the integrator; filled by the owner of this revision or removed)

Revision ID: core_0019
Revises: core_0018
Create Date: 2026-12-03 16:45:00
"""

revision = "core_0019"
down_revision = "core_0018"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
