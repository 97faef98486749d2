"""E-certificates (G-06), their per-year number counter, bulk-issue jobs, and core settings.

A certificate is never deleted or changed after issue except to revoke it: its text is a
snapshot taken at issue (holder, programme, signer), its PDF is rendered once and stored with
its SHA-256. A reissue is a new certificate (new number) whose ``replaces_id`` points back.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.account import Account, utcnow
from portal.models.employee import Employee
from portal.states import HasStatus, State


class PortalSetting(db.Model):
    """A core key/value setting (certificate number format, signer, report signers)."""

    __tablename__ = "portal_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))


class CertificateCounter(db.Model):
    """The last certificate sequence number used in a year (incremented atomically)."""

    __tablename__ = "certificate_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Certificate(db.Model):
    __tablename__ = "certificate"
    __table_args__ = (
        UniqueConstraint("year", "seq", name="uq_certificate_year_seq"),
        # One valid certificate per participation; a revoked one may be replaced.
        Index("uq_certificate_live_source", "source_key", unique=True,
              sqlite_where=text("revoked_at IS NULL"), postgresql_where=text("revoked_at IS NULL")),
        Index("ix_certificate_employee", "employee_id", "issued_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(120), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    # "ledger:<id>" or "<mechanism>:<reference>" (a programme completion without a ledger row).
    source_key: Mapped[str] = mapped_column(String(200))
    ledger_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("jp_ledger_entry.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"))
    mechanism: Mapped[str] = mapped_column(String(40))
    holder_name: Mapped[str] = mapped_column(String(200))
    holder_nip: Mapped[str] = mapped_column(String(18))
    holder_golongan: Mapped[str] = mapped_column(String(10), default="")
    holder_position: Mapped[str] = mapped_column(String(200), default="")
    holder_unit: Mapped[str] = mapped_column(String(200), default="")
    unit_code: Mapped[str] = mapped_column(String(30), default="")
    programme_title: Mapped[str] = mapped_column(String(300))
    mechanism_title: Mapped[str] = mapped_column(String(200))
    role_label: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    jp: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    model: Mapped[int] = mapped_column(SmallInteger)
    extra_lines: Mapped[list] = mapped_column(JSON, default=list)
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_nip: Mapped[str] = mapped_column(String(18), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    # Relative to UPLOAD_FOLDER; empty until the PDF is stored.
    pdf_path: Mapped[str] = mapped_column(String(200), default="")
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    revoke_reason: Mapped[str | None] = mapped_column(String(300))
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("certificate.id"), index=True)

    employee: Mapped[Employee] = relationship()
    issued_by: Mapped[Account | None] = relationship(foreign_keys=[issued_by_id])
    replaces: Mapped[Certificate | None] = relationship(remote_side=[id], foreign_keys=[replaces_id])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def masked_nip(self) -> str:
        nip = self.holder_nip
        return nip[:4] + "*" * max(len(nip) - 8, 0) + nip[-4:] if len(nip) > 8 else "*" * len(nip)


class CertificateJobStatus(State):
    """States of a bulk issue."""

    MENUNGGU = "menunggu", "Menunggu", "badge-warn"
    BERJALAN = "berjalan", "Berjalan", "badge-warn"
    SELESAI = "selesai", "Selesai", "badge-on"


class CertificateJob(HasStatus, db.Model):
    """A bulk issue: its items are processed in the background; state survives reloads."""

    __tablename__ = "certificate_job"
    STATUSES = CertificateJobStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(String(300), default="")
    # Where verification links point (printed as QR codes by the background worker).
    base_url: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default="menunggu")  # menunggu/berjalan/selesai
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    items: Mapped[list[CertificateJobItem]] = relationship(
        back_populates="job", order_by="CertificateJobItem.id", cascade="all, delete-orphan")

    @property
    def processed(self) -> int:
        return self.done + self.failed

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.processed / self.total)

    @property
    def finished(self) -> bool:
        return self.status == CertificateJobStatus.SELESAI


class CertificateJobItem(db.Model):
    __tablename__ = "certificate_job_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("certificate_job.id", ondelete="CASCADE"),
                                        index=True)
    ledger_entry_id: Mapped[int] = mapped_column(ForeignKey("jp_ledger_entry.id"))
    status: Mapped[str] = mapped_column(String(10), default="menunggu")  # menunggu/selesai/gagal
    certificate_id: Mapped[int | None] = mapped_column(ForeignKey("certificate.id"))
    message: Mapped[str] = mapped_column(String(300), default="")

    job: Mapped[CertificateJob] = relationship(back_populates="items")
    certificate: Mapped[Certificate | None] = relationship()
