"""coaching: the HR unit's coaching-mentoring programme (Lamp. H) — programmes, clinic records,
coaches, participants, forms, logs (Tabel 3/4) and evaluations

Revision ID: coaching_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "coaching_0001"
down_revision = None
branch_labels = ("coaching",)
# core_0002 (ledger, which logs point at) and core_0003 (stored files: coach certificates).
depends_on = ("core_0002", "core_0003")


def _id():
    return sa.Column("id", sa.Integer(), primary_key=True)


def _account(name):
    return sa.Column(name, sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"), nullable=True)


def _created():
    return sa.Column("created_at", sa.DateTime(), nullable=False)


def upgrade():
    op.create_table(
        "coaching_program", _id(),
        sa.Column("nama", sa.String(300), nullable=False),
        sa.Column("tujuan", sa.Text(), nullable=False),
        sa.Column("sasaran", sa.Text(), nullable=False),
        sa.Column("standar", sa.String(20), nullable=False),
        sa.Column("kompetensi", sa.Text(), nullable=False),
        sa.Column("pertemuan_per_bulan", sa.Integer(), nullable=False),
        sa.Column("jadwal", sa.Text(), nullable=False),
        sa.Column("moda", sa.String(10), nullable=False),
        sa.Column("tanggal_mulai", sa.Date(), nullable=False),
        _account("created_by_id"), _created(),
    )
    op.create_table(
        "coaching_program_clinic", _id(),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("jenis", sa.String(10), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("catatan", sa.String(500), nullable=False),
        _account("recorded_by_id"), _created(),
    )
    op.create_table(
        "coaching_program_coach", _id(),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id", ondelete="SET NULL"),
                  nullable=True, index=True),
        sa.Column("nama", sa.String(200), nullable=False),
        sa.Column("instansi", sa.String(200), nullable=False),
        sa.Column("kontak", sa.String(200), nullable=False),
        sa.Column("pengalaman", sa.Boolean(), nullable=False),
        sa.Column("dipercaya", sa.Boolean(), nullable=False),
        sa.Column("menjaga_rahasia", sa.Boolean(), nullable=False),
        sa.Column("integritas", sa.Boolean(), nullable=False),
        sa.Column("sertifikat_id", sa.Integer(), sa.ForeignKey("stored_file.id", ondelete="SET NULL"),
                  nullable=True),
        _account("created_by_id"), _created(),
    )
    op.create_table(
        "coaching_program_participant", _id(),
        sa.Column("programme_id", sa.Integer(), sa.ForeignKey("coaching_program.id"), nullable=False,
                  index=True),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employee.id"), nullable=False, index=True),
        sa.Column("coach_id", sa.Integer(), sa.ForeignKey("coaching_program_coach.id"), nullable=False,
                  index=True),
        sa.Column("mentor_id", sa.Integer(), sa.ForeignKey("employee.id"), nullable=False, index=True),
        sa.Column("mentor_alasan", sa.String(1000), nullable=True),
        sa.Column("penguji", sa.String(200), nullable=False),
        sa.Column("status", sa.String(10), nullable=False, index=True),
        sa.Column("selesai_pada", sa.Date(), nullable=True),
        sa.Column("reasesmen_batas", sa.Date(), nullable=True, index=True),
        sa.Column("reasesmen_pada", sa.Date(), nullable=True),
        sa.Column("reasesmen_catatan", sa.String(1000), nullable=True),
        sa.Column("certificate_id", sa.Integer(), nullable=True),
        _account("created_by_id"), _created(),
        sa.UniqueConstraint("programme_id", "employee_id", name="uq_coaching_program_participant"),
    )
    op.create_table(
        "coaching_program_document", _id(),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("coaching_program_participant.id"),
                  nullable=False, index=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("coachee_confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("coach_confirmed_at", sa.DateTime(), nullable=True),
        _account("coach_confirmed_by_id"),
        sa.Column("coach_on_behalf", sa.Boolean(), nullable=False),
        _account("created_by_id"), _created(),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "coaching_program_log", _id(),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("coaching_program_participant.id"),
                  nullable=False, index=True),
        sa.Column("author", sa.String(10), nullable=False),
        sa.Column("pertemuan_ke", sa.Integer(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("topik", sa.Text(), nullable=False),
        sa.Column("hasil", sa.Text(), nullable=False),
        sa.Column("recorded_on_behalf", sa.Boolean(), nullable=False),
        sa.Column("paraf_at", sa.DateTime(), nullable=True),
        _account("paraf_by_id"),
        sa.Column("paraf_on_behalf", sa.Boolean(), nullable=False),
        sa.Column("ledger_entry_id", sa.Integer(), sa.ForeignKey("jp_ledger_entry.id"), nullable=True),
        _account("created_by_id"), _created(),
    )
    op.create_table(
        "coaching_program_evaluation", _id(),
        sa.Column("programme_id", sa.Integer(), sa.ForeignKey("coaching_program.id"), nullable=False,
                  index=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("coaching_program_participant.id"),
                  nullable=True, index=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("evaluator_role", sa.String(10), nullable=False),
        sa.Column("slot", sa.String(80), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("comments", sa.JSON(), nullable=False),
        _account("evaluator_id"), _created(),
        sa.UniqueConstraint("programme_id", "slot", name="uq_coaching_program_evaluation_slot"),
    )


def downgrade():
    for table in ("coaching_program_evaluation", "coaching_program_log", "coaching_program_document",
                  "coaching_program_participant", "coaching_program_coach", "coaching_program_clinic",
                  "coaching_program"):
        op.drop_table(table)
