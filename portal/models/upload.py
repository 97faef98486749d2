"""Uploaded files: stored on disk under a server-generated name, described here."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.account import utcnow
from portal.models.employee import Employee


class StoredFile(db.Model):
    """One uploaded file. ``storage_name`` is random (never the user's name); the user's name
    is kept only in ``original_name``, sanitised, for display and downloads."""

    __tablename__ = "stored_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    # No ON DELETE: a file that documents a ledger row must not vanish with its owner.
    owner_employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    storage_name: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))  # a key of portal.uploads.FILE_TYPES
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    owner: Mapped[Employee] = relationship()

    def __repr__(self) -> str:
        return f"<StoredFile {self.id} {self.kind} {self.size}>"
