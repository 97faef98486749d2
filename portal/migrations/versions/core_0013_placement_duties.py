"""placement duties of the circular: the host sends the participant back (A.d.3.a.2, B.5.c.3),
costs and funding source (A.9, G-07), the check on the unit left behind (A.d.6.c), career
follow-up (A.d.6.b), the monitoring form's fields (B.4.a); employee education (H.III.1.d)

Revision ID: core_0013
Revises: core_0008
Create Date: 2026-12-03 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0013"
down_revision = "core_0008"
branch_labels = None
depends_on = None

AMOUNT = sa.Numeric(14, 2)
COSTS = ("biaya_pelatihan", "uang_harian", "transportasi", "akomodasi")


def upgrade():
    with op.batch_alter_table("placement", schema=None) as batch_op:
        for key in COSTS:
            batch_op.add_column(sa.Column(key, AMOUNT, nullable=True))
        batch_op.add_column(sa.Column("sumber_dana", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("sumber_dana_keterangan", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("biaya_dicatat_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("return_reason", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("return_decided_by", sa.String(length=200), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("returned_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("continuity_note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("continuity_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("continuity_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_placement_continuity_by_id_account"), "account",
                                    ["continuity_by_id"], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("placement_note", schema=None) as batch_op:
        batch_op.add_column(sa.Column("observed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("target_progress", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("on_track", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("action_kind", sa.String(length=20), nullable=False, server_default=""))
    op.create_table(
        "placement_followup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["account.id"],
                                name=op.f("fk_placement_followup_created_by_id_account"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["placement_id"], ["placement.id"],
                                name=op.f("fk_placement_followup_placement_id_placement"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_followup")),
    )
    op.create_index(op.f("ix_placement_followup_placement_id"), "placement_followup", ["placement_id"],
                    unique=False)
    with op.batch_alter_table("employee", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pendidikan", sa.String(length=200), nullable=False, server_default=""))


def downgrade():
    with op.batch_alter_table("employee", schema=None) as batch_op:
        batch_op.drop_column("pendidikan")
    op.drop_index(op.f("ix_placement_followup_placement_id"), table_name="placement_followup")
    op.drop_table("placement_followup")
    with op.batch_alter_table("placement_note", schema=None) as batch_op:
        for name in ("action_kind", "on_track", "target_progress", "observed_on"):
            batch_op.drop_column(name)
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_placement_continuity_by_id_account"), type_="foreignkey")
        for name in ("continuity_at", "continuity_by_id", "continuity_note", "returned_on", "return_decided_by",
                     "return_reason", "biaya_dicatat_at", "sumber_dana_keterangan", "sumber_dana", *COSTS):
            batch_op.drop_column(name)
