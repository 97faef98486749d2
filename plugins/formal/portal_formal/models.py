"""Formal training reports (``formal_report``): reported by the employee, verified by the atasan
or an admin in scope, then credited to the JP ledger."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, DateTime, ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.sdk import Account, Employee, HasStatus, LedgerEntry, State, StoredFile, db, utcnow


class ReportStatus(State):
    """States of a formal training report: verified by the direct supervisor or not."""

    PENDING = "pending", "Menunggu verifikasi", "badge-warn"
    VERIFIED = "verified", "Terverifikasi", "badge-on"
    REJECTED = "rejected", "Ditolak", "badge-off"


PENDING, VERIFIED, REJECTED = ReportStatus
STATUS_LABELS = {status.value: status.label for status in ReportStatus}


class FormalReport(HasStatus, db.Model):
    __tablename__ = "formal_report"
    STATUSES = ReportStatus
    __table_args__ = (Index("ix_formal_report_status_submitted", "status", "submitted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    activity_type: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    jp_stated: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    certificate_id: Mapped[int] = mapped_column(ForeignKey("stored_file.id"))
    status: Mapped[str] = mapped_column(String(12), default=PENDING)
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    reject_reason: Mapped[str | None] = mapped_column(String(500))
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))

    employee: Mapped[Employee] = relationship()
    certificate: Mapped[StoredFile] = relationship()
    decided_by: Mapped[Account | None] = relationship()
    ledger_entry: Mapped[LedgerEntry | None] = relationship()


    @property
    def is_pending(self) -> bool:
        return self.status == PENDING

    @property
    def is_rejected(self) -> bool:
        return self.status == REJECTED

    @property
    def reference(self) -> str:
        """The ledger reference of this report (unique per participation)."""
        return f"formal:{self.id}"
