"""formal: formal_report (training reports with a certificate, verified into the JP ledger)

Revision ID: formal_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "formal_0001"
down_revision = None
branch_labels = ("formal",)
depends_on = "core_0003"


def upgrade():
    op.create_table(
        "formal_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("activity_type", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("jp_stated", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("certificate_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("reject_reason", sa.String(length=500), nullable=True),
        sa.Column("ledger_entry_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"],
                                name=op.f("fk_formal_report_employee_id_employee")),
        sa.ForeignKeyConstraint(["certificate_id"], ["stored_file.id"],
                                name=op.f("fk_formal_report_certificate_id_stored_file")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["account.id"],
                                name=op.f("fk_formal_report_decided_by_id_account"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["ledger_entry_id"], ["jp_ledger_entry.id"],
                                name=op.f("fk_formal_report_ledger_entry_id_jp_ledger_entry")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_formal_report")),
    )
    with op.batch_alter_table("formal_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_formal_report_employee_id"), ["employee_id"], unique=False)
        batch_op.create_index("ix_formal_report_status_submitted", ["status", "submitted_at"], unique=False)


def downgrade():
    with op.batch_alter_table("formal_report", schema=None) as batch_op:
        batch_op.drop_index("ix_formal_report_status_submitted")
        batch_op.drop_index(batch_op.f("ix_formal_report_employee_id"))
    op.drop_table("formal_report")
