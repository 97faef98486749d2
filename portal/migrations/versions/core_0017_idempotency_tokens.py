"""idempotency tokens (reserved by the integrator; filled by the owner of this revision or removed)

Revision ID: core_0017
Revises: core_0016
Create Date: 2026-12-03 16:45:00
"""

revision = "core_0017"
down_revision = "core_0016"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
