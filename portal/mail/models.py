"""The outbox, each person's choices, and what was already told."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.models.account import utcnow

QUEUED, SENT, FAILED, HELD = "antre", "terkirim", "gagal", "ditahan"
STATUS_LABELS = {QUEUED: "Dalam antrean", SENT: "Terkirim", FAILED: "Gagal", HELD: "Ditahan (SMTP belum diatur)"}


class MailMessage(db.Model):
    """One e-mail: queued by a producer, sent (or held, or failed after its retries)."""

    __tablename__ = "mail_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), index=True)
    to_address: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(200))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # One message per event even when two consumers produce at once (unique when set).
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)

    @property
    def retryable(self) -> bool:
        """Failed after its retries or held: admin can send it again."""
        return self.status in (FAILED, HELD)


class MailPreference(db.Model):
    """A person's choice for one kind; the kind's default applies without a row."""

    __tablename__ = "mail_preference"
    __table_args__ = (UniqueConstraint("account_id", "kind", name="uq_mail_preference_account_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str] = mapped_column(String(10))


class MailDigestItem(db.Model):
    """A line waiting for the person's daily digest."""

    __tablename__ = "mail_digest_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    line: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    digested_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class MailTaskSeen(db.Model):
    """An inbox task already told to its person (so each task is mailed once)."""

    __tablename__ = "mail_task_seen"
    __table_args__ = (UniqueConstraint("account_id", "task_key", name="uq_mail_task_seen_account_task"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    task_key: Mapped[str] = mapped_column(String(64))
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
