"""notifications email (reserved by the integrator; filled by the owner of this revision or removed)

Revision ID: core_0020
Revises: core_0019
Create Date: 2026-12-03 16:45:00
"""

revision = "core_0020"
down_revision = "core_0019"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
