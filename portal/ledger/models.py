"""Ledger rows (``jp_ledger_entry``) and versioned rule settings (``rule_setting_version``).

JP are stored as ``Numeric(6, 2)`` (exact decimals on SQLite and PostgreSQL) and leave the
ledger as JSON numbers through :func:`portal.ledger.numbers.jp_number`.

Nothing is deleted: a wrong row is cancelled (``cancelled_at``/``cancelled_by_id``/
``cancel_reason``) and stays visible. The duplicate guard is a *partial* unique index over
live rows only (``cancelled_at IS NULL``, supported by SQLite and PostgreSQL alike), so a
cancelled participation can be credited again after correction while two live rows for the
same employee, mechanism, activity type, role, date and reference can never exist.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.extensions import db

if TYPE_CHECKING:
    from portal.models import Account, Employee

JP = Numeric(6, 2)


class RuleSettingVersion(db.Model):
    """One value of one rule setting from ``effective_from`` on; never updated or deleted.

    The value in force on a date is the row with the latest ``effective_from`` on or before
    that date (the latest ``id`` when two share a date: a same-day correction). The declared
    default is stored as an ``is_default`` row dated 1900-01-01 the first time it is used, so
    every ledger row can point at the version it used.
    """

    __tablename__ = "rule_setting_version"
    __table_args__ = (
        Index("ix_rule_setting_version_key_effective", "key", "effective_from"),
        # At most one materialised default per key, even under concurrent first use.
        Index("uq_rule_setting_version_default", "key", unique=True,
              sqlite_where=text("is_default"), postgresql_where=text("is_default")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(String(200))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))

    created_by: Mapped[Account | None] = relationship("Account")


class LedgerEntry(db.Model):
    """One credited participation; counted or not (a cap), live or cancelled."""

    __tablename__ = "jp_ledger_entry"
    __table_args__ = (
        # History pages, year summaries and the per-(employee, month) cap group.
        Index("ix_jp_ledger_entry_employee_date", "employee_id", "activity_date"),
        # Organiser caps (KB-06): one organiser's meetings in a month.
        Index("ix_jp_ledger_entry_organiser_date", "organiser_unit_id", "activity_date"),
        # Ministry-wide compliance: a year's rows summed per employee from the index alone
        # (jp_counted is 0 for rows not counted and for cancelled rows, so no other column).
        Index("ix_jp_ledger_entry_date_employee", "activity_date", "employee_id", "model",
              "jp_counted"),
        Index("uq_jp_ledger_entry_live", "employee_id", "mechanism", "activity_type", "role",
              "activity_date", "reference", unique=True,
              sqlite_where=text("cancelled_at IS NULL"),
              postgresql_where=text("cancelled_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # No ON DELETE: an employee with ledger history cannot be deleted by accident.
    # active_history: the rollup (portal.ledger.rollup) needs the old value of every column it
    # is keyed or summed by when a row changes.
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), active_history=True)
    mechanism: Mapped[str] = mapped_column(String(40), index=True, active_history=True)
    model: Mapped[int] = mapped_column(SmallInteger, active_history=True)
    activity_type: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    activity_date: Mapped[dt.date] = mapped_column(Date, active_history=True)
    title: Mapped[str] = mapped_column(String(300))
    reference: Mapped[str] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(String(10))
    organiser_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    certificate_id: Mapped[int | None] = mapped_column(Integer)  # FK once certificates exist
    jp_stated: Mapped[Decimal | None] = mapped_column(JP)
    jp_claimed: Mapped[Decimal] = mapped_column(JP)
    # Invariant: jp_counted == jp_claimed when counted, else 0 (cap, zero JP or cancelled), so
    # SUM(jp_counted) over any set of rows is its counted JP.
    jp_counted: Mapped[Decimal] = mapped_column(JP, active_history=True)
    counted: Mapped[bool] = mapped_column(Boolean, active_history=True)
    # The rule that produced jp_claimed, and the hook's explanation of it.
    rule_id: Mapped[str] = mapped_column(String(20))
    explanation: Mapped[str] = mapped_column(String(300), default="")
    # When not counted: the cap rule that stopped it and why, in Indonesian.
    cap_rule_id: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(300), default="")
    # An imported row dated while an MG-10/PT-08 block was in force: credited, but flagged
    # (portal.ledger.history.block_flag); "" otherwise.
    flag: Mapped[str] = mapped_column(String(300), default="", server_default="")
    setting_version_id: Mapped[int | None] = mapped_column(ForeignKey("rule_setting_version.id"))
    # Lineage of a row credited by a bulk import (portal.ledger.bulk): the import's batch id,
    # named in its one ``import.activities`` audit record; None for single credits.
    import_batch: Mapped[str | None] = mapped_column(String(40), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, active_history=True)
    cancelled_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"))
    cancel_reason: Mapped[str | None] = mapped_column(String(300))

    employee: Mapped[Employee] = relationship("Employee")
    setting_version: Mapped[RuleSettingVersion | None] = relationship()

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def month(self) -> int:
        """``yyyymm`` of the activity date: the cap period."""
        return self.activity_date.year * 100 + self.activity_date.month

    def as_dict(self) -> dict:
        """JSON-ready view (JP as numbers)."""
        from portal.ledger.numbers import jp_number

        return {
            "id": self.id, "employee_id": self.employee_id, "mechanism": self.mechanism,
            "model": self.model, "activity_type": self.activity_type, "role": self.role,
            "activity_date": self.activity_date.isoformat(), "title": self.title,
            "reference": self.reference, "source": self.source,
            "jp_claimed": jp_number(self.jp_claimed), "jp_counted": jp_number(self.jp_counted),
            "counted": self.counted, "rule_id": self.rule_id, "cap_rule_id": self.cap_rule_id,
            "reason": self.reason, "setting_version_id": self.setting_version_id,
            "cancelled": self.is_cancelled, "flag": self.flag,
        }


class LedgerMonth(db.Model):
    """The maintained rollup (issue 21): counted JP of one employee, month and mechanism, and how
    many live rows of it were not counted. Kept by :mod:`portal.ledger.rollup` in the same
    transaction as every ledger write; ``flask ledger verify`` recomputes it from the rows."""

    __tablename__ = "jp_ledger_month"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    year: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    month: Mapped[int] = mapped_column(SmallInteger, primary_key=True)  # 1–12
    mechanism: Mapped[str] = mapped_column(String(40), primary_key=True)
    model: Mapped[int] = mapped_column(SmallInteger)
    jp: Mapped[Decimal] = mapped_column(Numeric(9, 2), default=0)
    not_counted: Mapped[int] = mapped_column(Integer, default=0)


class LedgerYear(db.Model):
    """The rollup by employee and year: counted JP in all and per model (70, 20, 10) — one row
    per employee for compliance, Tim & Unit, reports and the API."""

    __tablename__ = "jp_ledger_year"
    __table_args__ = (Index("ix_jp_ledger_year_year_employee", "year", "employee_id", "jp"),)

    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    year: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    jp: Mapped[Decimal] = mapped_column(Numeric(9, 2), default=0)
    jp70: Mapped[Decimal] = mapped_column(Numeric(9, 2), default=0)
    jp20: Mapped[Decimal] = mapped_column(Numeric(9, 2), default=0)
    jp10: Mapped[Decimal] = mapped_column(Numeric(9, 2), default=0)
