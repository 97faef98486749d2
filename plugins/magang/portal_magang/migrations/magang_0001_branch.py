"""magang: the plugin's branch; its records live in the core placement tables (core_0007)

Revision ID: magang_0001
"""

revision = "magang_0001"
down_revision = None
branch_labels = ("magang",)
depends_on = ("core_0007",)


def upgrade():
    pass  # no tables of its own: placements, agreements, reports and blocks are core tables


def downgrade():
    pass
