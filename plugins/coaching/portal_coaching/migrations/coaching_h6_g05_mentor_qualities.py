"""coaching: the mentor's qualities recorded on a unit mentoring record (G-05, §L.II)

Revision ID: coaching_h6_g05_mentor_qualities
Revises: coaching_h1_cm01_titles
"""

import sqlalchemy as sa
from alembic import op

revision = "coaching_h6_g05_mentor_qualities"
down_revision = "coaching_h1_cm01_titles"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("coaching_unit_pair") as batch:
        batch.add_column(sa.Column("mentor_kualitas", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("mentor_kualitas_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("coaching_unit_pair") as batch:
        batch.drop_column("mentor_kualitas_at")
        batch.drop_column("mentor_kualitas")
