"""patok_banding: programmes, Tabel 5 step log, needs, participants

Revision ID: patok_banding_0001
"""

import sqlalchemy as sa
from alembic import op

from portal.sdk import cost_columns

revision = "patok_banding_0001"
down_revision = None
branch_labels = ("patok_banding",)
# core_0006 (certificates) is the core head; the ledger (core_0002) comes before it.
depends_on = "core_0006"


def _id():
    return sa.Column("id", sa.Integer(), primary_key=True)


def _account(name):
    return sa.Column(name, sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"),
                     nullable=True)


def _program():
    return sa.Column("program_id", sa.Integer(),
                     sa.ForeignKey("patok_banding_program.id", ondelete="CASCADE"),
                     nullable=False, index=True)


def _text(name, length=None):
    kind = sa.String(length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False)


def upgrade():
    op.create_table(
        "patok_banding_program", _id(),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False, index=True),
        _text("judul", 300), _text("lembaga_tujuan", 300), _text("alamat_lembaga", 300),
        _text("keunggulan_komparatif"), _text("lembaga_sejenis"), _text("catatan_penetapan", 1000),
        sa.Column("tanggal_mulai", sa.Date(), nullable=True),
        sa.Column("tanggal_selesai", sa.Date(), nullable=True),
        _text("tempat", 300), _text("narahubung", 300),
        _text("pimpinan_nama", 200), _text("pimpinan_nip", 18),
        sa.Column("tanggal_keputusan", sa.Date(), nullable=True),
        _text("nomor_surat_usulan", 100),
        sa.Column("tanggal_surat_usulan", sa.Date(), nullable=True),
        _text("nomor_surat_penugasan", 100),
        sa.Column("tanggal_surat_penugasan", sa.Date(), nullable=True),
        sa.Column("return_note", sa.String(1000), nullable=True),
        _account("created_by_id"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        *cost_columns(),
    )
    op.create_table(
        "patok_banding_step", _id(), _program(),
        sa.Column("step", sa.Integer(), nullable=False),
        _text("actor", 20), _text("catatan", 1000),
        _account("done_by_id"),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("program_id", "step"),
    )
    op.create_table(
        "patok_banding_need", _id(), _program(),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False),
        _text("kompetensi", 300), _text("uraian"),
        sa.Column("jumlah_pegawai", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "patok_banding_participant", _id(), _program(),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id"), nullable=False,
                  index=True),
        sa.Column("peringkat", sa.Integer(), nullable=False),
        sa.Column("lolos", sa.Boolean(), nullable=False),
        _text("catatan_seleksi", 1000), _text("kelayakan", 1000),
        sa.Column("diterima_at", sa.DateTime(), nullable=True),
        _text("best_practice"), _text("koordinasi"),
        sa.Column("hadir_penuh", sa.Boolean(), nullable=False),
        _text("data_digali"),
        sa.Column("pelaksanaan_at", sa.DateTime(), nullable=True),
        _text("laporan"), _text("laporan_status", 20),
        sa.Column("laporan_at", sa.DateTime(), nullable=True),
        _text("catatan_monitoring", 1000),
        _account("verified_by_id"),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("ledger_entry_id", sa.Integer(), sa.ForeignKey("jp_ledger_entry.id"),
                  nullable=True),
        sa.UniqueConstraint("program_id", "employee_id"),
    )
    op.create_index("ix_patok_banding_participant_laporan_status", "patok_banding_participant",
                    ["laporan_status"])


def downgrade():
    for table in ("patok_banding_participant", "patok_banding_need", "patok_banding_step",
                  "patok_banding_program"):
        op.drop_table(table)
