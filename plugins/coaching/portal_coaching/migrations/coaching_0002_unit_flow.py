"""coaching (unit flow, Lamp. I): inventory, pairs, meetings

Revision ID: coaching_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "coaching_0002"
down_revision = "coaching_0001"
branch_labels = None
depends_on = "core_0006"  # ledger (core_0002) and certificates (core_0006)


def _id():
    return sa.Column("id", sa.Integer(), primary_key=True)


def _fk(name, target, nullable=False, ondelete=None, index=False):
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable,
                     index=index)


def _when(name, nullable=True):
    return sa.Column(name, sa.DateTime(), nullable=nullable)


def upgrade():
    op.create_table(
        "coaching_unit_inventory", _id(),
        _fk("unit_id", "unit.id", index=True),
        _fk("employee_id", "employee.id", index=True),
        sa.Column("jenis", sa.String(10), nullable=False),
        sa.Column("alasan", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("note", sa.String(1000), nullable=True),
        _fk("proposed_by_id", "account.id", nullable=True, ondelete="SET NULL"),
        _when("proposed_at", nullable=False),
        _fk("validated_by_id", "employee.id", nullable=True, ondelete="SET NULL"),
        _when("validated_at"),
        sa.Column("area", sa.String(300), nullable=True),
        sa.Column("area_standard", sa.String(20), nullable=True),
        _when("area_set_at"),
    )
    op.create_table(
        "coaching_unit_pair", _id(),
        _fk("inventory_id", "coaching_unit_inventory.id", index=True),
        sa.Column("jenis", sa.String(10), nullable=False),
        _fk("employee_id", "employee.id", index=True),
        _fk("partner_id", "employee.id", index=True),
        _fk("supervisor_id", "employee.id", nullable=True, ondelete="SET NULL", index=True),
        _fk("unit_id", "unit.id", index=True),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("kegiatan", sa.Text(), nullable=False),
        sa.Column("tujuan", sa.Text(), nullable=False),
        sa.Column("sasaran", sa.Text(), nullable=False),
        _when("employee_confirmed_at"),
        _when("partner_confirmed_at"),
        _when("supervisor_approved_at"),
        _when("partner_accepted_at"),
        sa.Column("decline_note", sa.String(1000), nullable=True),
        _when("started_at"),
        sa.Column("evaluasi_pegawai", sa.Text(), nullable=True),
        sa.Column("evaluasi_mitra", sa.Text(), nullable=True),
        _when("completed_at"),
        _fk("certificate_id", "certificate.id", nullable=True, ondelete="SET NULL"),
        _when("created_at", nullable=False),
    )
    op.create_table(
        "coaching_unit_meeting", _id(),
        _fk("pair_id", "coaching_unit_pair.id", index=True),
        sa.Column("tanggal", sa.Date(), nullable=False, index=True),
        sa.Column("topik", sa.String(300), nullable=False),
        sa.Column("hasil", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        _fk("logged_by_id", "employee.id"),
        _when("logged_at", nullable=False),
        _fk("decided_by_id", "employee.id", nullable=True, ondelete="SET NULL"),
        _when("decided_at"),
        _fk("ledger_entry_id", "jp_ledger_entry.id", nullable=True),
    )


def downgrade():
    for table in ("coaching_unit_meeting", "coaching_unit_pair", "coaching_unit_inventory"):
        op.drop_table(table)
