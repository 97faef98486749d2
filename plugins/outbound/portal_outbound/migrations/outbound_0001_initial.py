"""outbound: programmes, participants with attendance, feedback (Lamp. E, OB-01)

Revision ID: outbound_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "outbound_0001"
down_revision = None
branch_labels = ("outbound",)
# core_0006 (certificates) — and with it the units, employees and JP ledger this points at.
depends_on = "core_0006"


def _id():
    return sa.Column("id", sa.Integer(), primary_key=True)


def _account(name):
    return sa.Column(name, sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"),
                     nullable=True)


def upgrade():
    op.create_table(
        "outbound_programme", _id(),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False, index=True),
        sa.Column("judul", sa.String(300), nullable=False),
        sa.Column("tanggal_mulai", sa.Date(), nullable=False, index=True),
        sa.Column("tanggal_selesai", sa.Date(), nullable=False),
        sa.Column("tempat", sa.String(300), nullable=False),
        sa.Column("fasilitator", sa.String(300), nullable=False),
        sa.Column("tujuan", sa.String(300), nullable=False),
        sa.Column("kegiatan", sa.String(100), nullable=False),
        sa.Column("rangkaian", sa.Text(), nullable=False),
        sa.Column("sumber_dana", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("cancel_note", sa.String(1000), nullable=True),
        _account("created_by_id"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _account("closed_by_id"),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "outbound_participant", _id(),
        sa.Column("programme_id", sa.Integer(),
                  sa.ForeignKey("outbound_programme.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id"), nullable=False,
                  index=True),
        sa.Column("hadir", sa.Boolean(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
        sa.Column("ledger_entry_id", sa.Integer(), sa.ForeignKey("jp_ledger_entry.id"),
                  nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("programme_id", "employee_id"),
    )
    op.create_table(
        "outbound_feedback", _id(),
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("outbound_participant.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("dampak", sa.JSON(), nullable=False),
        sa.Column("nilai_tujuan", sa.SmallInteger(), nullable=False),
        sa.Column("nilai_metode", sa.SmallInteger(), nullable=False),
        sa.Column("nilai_fasilitator", sa.SmallInteger(), nullable=False),
        sa.Column("pelajaran", sa.Text(), nullable=False),
        sa.Column("penerapan", sa.Text(), nullable=False),
        sa.Column("saran", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
    )


def downgrade():
    for table in ("outbound_feedback", "outbound_participant", "outbound_programme"):
        op.drop_table(table)
