"""security: notices in the inbox, temporary passwords that expire and force a change,
confidential audit entries (CM-01)

Revision ID: core_0008
Revises: core_0007
Create Date: 2026-12-03 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0008"
down_revision = "core_0007"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["employee_id"], ["employee.id"],
                                name=op.f("fk_notification_employee_id_employee"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notification_employee_id"), ["employee_id"], unique=False)
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confidential", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("temporary_password_expires_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("temporary_password_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_account_temporary_password_by_id_account"),
                                    "account", ["temporary_password_by_id"], ["id"], ondelete="SET NULL")


def downgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_account_temporary_password_by_id_account"),
                                 type_="foreignkey")
        batch_op.drop_column("temporary_password_by_id")
        batch_op.drop_column("temporary_password_expires_at")
        batch_op.drop_column("must_change_password")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("confidential")
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_employee_id"))
    op.drop_table("notification")
