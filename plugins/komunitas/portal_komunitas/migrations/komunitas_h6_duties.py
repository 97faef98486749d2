"""komunitas: the organiser's plan reported to the HR unit with proposed material and speakers
(Lamp. F.1.a, F.1.b, F.1.d; KB-11) and speakers from outside the ministry (F term 8; KB-12)

Revision ID: komunitas_h6_duties
Revises: komunitas_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "komunitas_h6_duties"
down_revision = "komunitas_0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "komunitas_plan",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("kebutuhan", sa.Text(), nullable=False),
        sa.Column("rencana", sa.Text(), nullable=False),
        sa.Column("materi", sa.Text(), nullable=False),
        sa.Column("pemateri", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reported_by_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("received_by_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("unit_id", "tahun"),
    )
    with op.batch_alter_table("komunitas_meeting_person") as batch:
        batch.alter_column("employee_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("nama_luar", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("instansi_luar", sa.String(300), nullable=False, server_default=""))
        batch.add_column(sa.Column("keahlian_luar", sa.String(300), nullable=False, server_default=""))


def downgrade():
    with op.batch_alter_table("komunitas_meeting_person") as batch:
        batch.drop_column("keahlian_luar")
        batch.drop_column("instansi_luar")
        batch.drop_column("nama_luar")
    op.drop_table("komunitas_plan")
