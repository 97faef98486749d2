"""komunitas: koordinator, proposals, meetings, attendance, progress notes, materials, recaps

Revision ID: komunitas_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "komunitas_0001"
down_revision = None
branch_labels = ("komunitas",)
# core_0002 (ledger) and core_0003 (stored files, which materials point at).
depends_on = ("core_0002", "core_0003")


def _id():
    return sa.Column("id", sa.Integer(), primary_key=True)


def _account(name):
    return sa.Column(name, sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"),
                     nullable=True)


def upgrade():
    op.create_table(
        "komunitas_coordinator", _id(),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        _account("appointed_by_id"),
        sa.Column("appointed_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "komunitas_proposal", _id(),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False, index=True),
        sa.Column("latar_belakang", sa.Text(), nullable=False),
        sa.Column("topik", sa.String(300), nullable=False),
        sa.Column("bentuk", sa.String(40), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("lintas_unit", sa.Boolean(), nullable=False),
        sa.Column("peserta", sa.Text(), nullable=False),
        sa.Column("jadwal", sa.Text(), nullable=False),
        sa.Column("tempat", sa.String(300), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("return_note", sa.String(1000), nullable=True),
        _account("created_by_id"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("signed_by_id", sa.Integer(),
                  sa.ForeignKey("employee.id", ondelete="SET NULL"), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        _account("verified_by_id"),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "komunitas_meeting", _id(),
        sa.Column("proposal_id", sa.Integer(), sa.ForeignKey("komunitas_proposal.id"),
                  nullable=False, index=True),
        sa.Column("judul", sa.String(300), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False, index=True),
        sa.Column("jam_mulai", sa.Time(), nullable=False),
        sa.Column("jam_selesai", sa.Time(), nullable=False),
        sa.Column("moda", sa.String(10), nullable=False),
        sa.Column("tempat", sa.String(300), nullable=False),
        sa.Column("tautan", sa.String(500), nullable=False),
        sa.Column("pendaftaran_terbuka", sa.Boolean(), nullable=False),
        _account("created_by_id"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "komunitas_meeting_person", _id(),
        sa.Column("meeting_id", sa.Integer(),
                  sa.ForeignKey("komunitas_meeting.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id"), nullable=False,
                  index=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("hadir", sa.Boolean(), nullable=False),
        sa.Column("ledger_entry_id", sa.Integer(), sa.ForeignKey("jp_ledger_entry.id"),
                  nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("meeting_id", "employee_id", "role"),
    )
    op.create_table(
        "komunitas_progress_note", _id(),
        sa.Column("proposal_id", sa.Integer(), sa.ForeignKey("komunitas_proposal.id"),
                  nullable=False, index=True),
        sa.Column("kemajuan", sa.Text(), nullable=False),
        sa.Column("hambatan", sa.Text(), nullable=False),
        _account("author_id"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "komunitas_material", _id(),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id"), nullable=False,
                  index=True),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False, index=True),
        sa.Column("judul", sa.String(300), nullable=False),
        sa.Column("topik", sa.String(200), nullable=False),
        sa.Column("ringkasan", sa.Text(), nullable=False),
        sa.Column("nama", sa.String(200), nullable=False),
        sa.Column("nip", sa.String(18), nullable=False),
        sa.Column("jabatan", sa.String(200), nullable=False),
        sa.Column("unit_nama", sa.String(200), nullable=False),
        sa.Column("file_id", sa.Integer(), sa.ForeignKey("stored_file.id"), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("return_note", sa.String(1000), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("jpt_id", sa.Integer(), sa.ForeignKey("employee.id", ondelete="SET NULL"),
                  nullable=True),
        sa.Column("jpt_approved_at", sa.DateTime(), nullable=True),
        _account("accepted_by_id"),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("ledger_entry_id", sa.Integer(), sa.ForeignKey("jp_ledger_entry.id"),
                  nullable=True),
    )
    op.create_table(
        "komunitas_recap_submission", _id(),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("unit.id"), nullable=False, index=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        _account("submitted_by_id"),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("unit_id", "period_start", "period_end"),
    )


def downgrade():
    for table in ("komunitas_recap_submission", "komunitas_material", "komunitas_progress_note",
                  "komunitas_meeting_person", "komunitas_meeting", "komunitas_proposal",
                  "komunitas_coordinator"):
        op.drop_table(table)
