"""belajar_mandiri: assignments, materials, schedule, Tabel 7 monitoring rows

Revision ID: belajar_mandiri_0001
"""

import sqlalchemy as sa
from alembic import op

from portal.sdk import cost_columns

revision = "belajar_mandiri_0001"
down_revision = None
branch_labels = ("belajar_mandiri",)
# core_0006: certificates, on top of development plans (core_0005), uploads and the ledger.
depends_on = "core_0006"


def _id():
    return sa.Column("id", sa.Integer(), primary_key=True)


def _account(name):
    return sa.Column(name, sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"),
                     nullable=True)


def upgrade():
    op.create_table(
        "belajar_mandiri_assignment", _id(),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id"), nullable=False,
                  index=True),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False, index=True),
        sa.Column("plan_item_id", sa.Integer(),
                  sa.ForeignKey("development_plan_item.id", ondelete="SET NULL"), nullable=True),
        sa.Column("kompetensi", sa.String(300), nullable=False),
        sa.Column("tujuan", sa.Text(), nullable=False),
        sa.Column("tanggal_mulai", sa.Date(), nullable=False),
        sa.Column("tanggal_selesai", sa.Date(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False, index=True),
        _account("proposed_by_id"),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
        sa.Column("pyb_id", sa.Integer(), sa.ForeignKey("employee.id", ondelete="SET NULL"),
                  nullable=True),
        _account("assigned_by_id"),
        sa.Column("assigned_at", sa.DateTime(), nullable=True),
        sa.Column("nomor_surat", sa.String(40), nullable=False),
        sa.Column("catatan_pyb", sa.String(1000), nullable=False, server_default=""),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("laporan", sa.Text(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=True),
        _account("report_accepted_by_id"),
        sa.Column("report_accepted_at", sa.DateTime(), nullable=True),
        sa.Column("ledger_entry_id", sa.Integer(), sa.ForeignKey("jp_ledger_entry.id"),
                  nullable=True),
        *cost_columns(),
    )
    op.create_table(
        "belajar_mandiri_material", _id(),
        sa.Column("assignment_id", sa.Integer(), sa.ForeignKey("belajar_mandiri_assignment.id"),
                  nullable=False, index=True),
        sa.Column("judul", sa.String(200), nullable=False),
        sa.Column("file_id", sa.Integer(), sa.ForeignKey("stored_file.id"), nullable=True),
        sa.Column("tautan", sa.String(500), nullable=False),
        _account("added_by_id"),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "belajar_mandiri_activity", _id(),
        sa.Column("assignment_id", sa.Integer(),
                  sa.ForeignKey("belajar_mandiri_assignment.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("kegiatan", sa.String(300), nullable=False),
        sa.Column("target", sa.String(300), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("selesai_on", sa.Date(), nullable=True),
    )
    op.create_table(
        "belajar_mandiri_monitoring", _id(),
        sa.Column("assignment_id", sa.Integer(), sa.ForeignKey("belajar_mandiri_assignment.id"),
                  nullable=False, unique=True),
        sa.Column("target_kegiatan", sa.Text(), nullable=False),
        sa.Column("jadwal", sa.Text(), nullable=False),
        sa.Column("kegiatan_terealisasi", sa.Text(), nullable=False),
        sa.Column("kesesuaian", sa.String(20), nullable=False),
        sa.Column("keterangan", sa.Text(), nullable=False),
        sa.Column("atasan_id", sa.Integer(), sa.ForeignKey("employee.id", ondelete="SET NULL"),
                  nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
    )


def downgrade():
    for table in ("belajar_mandiri_monitoring", "belajar_mandiri_activity",
                  "belajar_mandiri_material", "belajar_mandiri_assignment"):
        op.drop_table(table)
