"""Bearer tokens of the read-only JSON API (``/api/v1``), one account each.

Only the SHA-256 of a token is stored: the token itself is printed once by
``flask users create-token`` and cannot be recovered from the database. A revoked token is
kept (``revoked_at``) so the audit trail and "last used" stay readable.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.account import Account, utcnow


class ApiToken(db.Model):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    # hex SHA-256 of the token; the lookup key of every API request.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # "read" (GET only) or "write" (may also record assessment results and SKP ratings).
    scope: Mapped[str] = mapped_column(String(10), default="read", server_default="read")

    account: Mapped[Account] = relationship()

    @property
    def can_write(self) -> bool:
        return self.scope == "write"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
