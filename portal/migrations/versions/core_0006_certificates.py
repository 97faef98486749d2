"""e-certificates, certificate counter, bulk jobs, core settings

Revision ID: core_0006
Revises: core_0005
Create Date: 2026-11-28 18:00:00

``jp_ledger_entry.certificate_id`` (core_0002) stays a plain integer: adding a foreign key to
the ledger's table would need a SQLite table copy; ``certificate.ledger_entry_id`` carries
the constraint from this side.
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0006"
down_revision = "core_0005"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "portal_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by_id"], ["account.id"],
                                name=op.f("fk_portal_setting_updated_by_id_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_portal_setting")),
    )
    op.create_table(
        "certificate_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_certificate_counter")),
    )
    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=120), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("ledger_entry_id", sa.Integer(), nullable=True),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("mechanism", sa.String(length=40), nullable=False),
        sa.Column("holder_name", sa.String(length=200), nullable=False),
        sa.Column("holder_nip", sa.String(length=18), nullable=False),
        sa.Column("holder_golongan", sa.String(length=10), nullable=False),
        sa.Column("holder_position", sa.String(length=200), nullable=False),
        sa.Column("holder_unit", sa.String(length=200), nullable=False),
        sa.Column("unit_code", sa.String(length=30), nullable=False),
        sa.Column("programme_title", sa.String(length=300), nullable=False),
        sa.Column("mechanism_title", sa.String(length=200), nullable=False),
        sa.Column("role_label", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("jp", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("model", sa.SmallInteger(), nullable=False),
        sa.Column("extra_lines", sa.JSON(), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("signer_nip", sa.String(length=18), nullable=False),
        sa.Column("signer_title", sa.String(length=200), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("pdf_path", sa.String(length=200), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("revoke_reason", sa.String(length=300), nullable=True),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"],
                                name=op.f("fk_certificate_employee_id_employee")),
        sa.ForeignKeyConstraint(["issued_by_id"], ["account.id"],
                                name=op.f("fk_certificate_issued_by_id_account"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["ledger_entry_id"], ["jp_ledger_entry.id"],
                                name=op.f("fk_certificate_ledger_entry_id_jp_ledger_entry")),
        sa.ForeignKeyConstraint(["replaces_id"], ["certificate.id"],
                                name=op.f("fk_certificate_replaces_id_certificate")),
        sa.ForeignKeyConstraint(["revoked_by_id"], ["account.id"],
                                name=op.f("fk_certificate_revoked_by_id_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("number", name=op.f("uq_certificate_number")),
        sa.UniqueConstraint("token", name=op.f("uq_certificate_token")),
        sa.UniqueConstraint("year", "seq", name="uq_certificate_year_seq"),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index("ix_certificate_employee", ["employee_id", "issued_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_certificate_ledger_entry_id"), ["ledger_entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_certificate_replaces_id"), ["replaces_id"], unique=False)
        batch_op.create_index("uq_certificate_live_source", ["source_key"], unique=True,
                              sqlite_where=sa.text("revoked_at IS NULL"),
                              postgresql_where=sa.text("revoked_at IS NULL"))
    op.create_table(
        "certificate_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("base_url", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["account.id"],
                                name=op.f("fk_certificate_job_created_by_id_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_job")),
    )
    op.create_table(
        "certificate_job_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("ledger_entry_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("certificate_id", sa.Integer(), nullable=True),
        sa.Column("message", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["certificate_id"], ["certificate.id"],
                                name=op.f("fk_certificate_job_item_certificate_id_certificate")),
        sa.ForeignKeyConstraint(["job_id"], ["certificate_job.id"],
                                name=op.f("fk_certificate_job_item_job_id_certificate_job"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["ledger_entry_id"], ["jp_ledger_entry.id"],
                                name=op.f("fk_certificate_job_item_ledger_entry_id_jp_ledger_entry")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_job_item")),
    )
    with op.batch_alter_table("certificate_job_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_job_item_job_id"), ["job_id"], unique=False)


def downgrade():
    op.drop_table("certificate_job_item")
    op.drop_table("certificate_job")
    op.drop_table("certificate")
    op.drop_table("certificate_counter")
    op.drop_table("portal_setting")
