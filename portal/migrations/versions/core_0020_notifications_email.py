"""e-mail notifications: outbox, preferences, digest lines, tasks told; notices get kind, link
and the time the mail producer handled them (existing notices count as handled)

Revision ID: core_0020
Revises: core_0017
Create Date: 2026-12-03 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "core_0020"
down_revision = "core_0017"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "mail_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("to_address", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("text_body", sa.Text(), nullable=False),
        sa.Column("html_body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("dedupe_key", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dedupe_key"),
    )
    with op.batch_alter_table("mail_message") as batch:
        batch.create_index(batch.f("ix_mail_message_account_id"), ["account_id"], unique=False)
        batch.create_index(batch.f("ix_mail_message_status"), ["status"], unique=False)
    op.create_table(
        "mail_preference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "kind", name="uq_mail_preference_account_kind"),
    )
    op.create_table(
        "mail_digest_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("line", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("digested_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mail_digest_item") as batch:
        batch.create_index(batch.f("ix_mail_digest_item_account_id"), ["account_id"], unique=False)
    op.create_table(
        "mail_task_seen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("task_key", sa.String(length=64), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "task_key", name="uq_mail_task_seen_account_task"),
    )
    with op.batch_alter_table("notification") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=20), nullable=False, server_default="pemberitahuan"))
        batch.add_column(sa.Column("url", sa.String(length=500), nullable=False, server_default=""))
        batch.add_column(sa.Column("mailed_at", sa.DateTime(), nullable=True))
        batch.create_index(batch.f("ix_notification_mailed_at"), ["mailed_at"], unique=False)
    op.execute("UPDATE notification SET mailed_at = created_at")  # no mail for old notices


def downgrade():
    with op.batch_alter_table("notification") as batch:
        batch.drop_index(batch.f("ix_notification_mailed_at"))
        batch.drop_column("mailed_at")
        batch.drop_column("url")
        batch.drop_column("kind")
    op.drop_table("mail_task_seen")
    with op.batch_alter_table("mail_digest_item") as batch:
        batch.drop_index(batch.f("ix_mail_digest_item_account_id"))
    op.drop_table("mail_digest_item")
    op.drop_table("mail_preference")
    with op.batch_alter_table("mail_message") as batch:
        batch.drop_index(batch.f("ix_mail_message_status"))
        batch.drop_index(batch.f("ix_mail_message_account_id"))
    op.drop_table("mail_message")
