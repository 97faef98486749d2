"""Results that come from the ministry's other systems (§E.8, §I.1): competency assessment
results (G-03, the development plan) and the yearly SKP performance rating (G-02, MG-09, MG-10).

One assessment result per employee, assessment date and competency (the idempotency key of
the import and of the API write); one SKP rating per employee and year.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.account import utcnow
from portal.models.employee import GAP_STANDARD_LABELS, Employee

SKP_PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
SKP_PREDIKAT_LABELS = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang",
    "sangat_kurang": "Sangat Kurang",
}


class AssessmentResult(db.Model):
    __tablename__ = "assessment_result"
    __table_args__ = (UniqueConstraint("employee_id", "assessed_on", "kompetensi"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    standard: Mapped[str] = mapped_column(String(20))
    kompetensi: Mapped[str] = mapped_column(String(200))
    required_level: Mapped[int] = mapped_column(SmallInteger)
    achieved_level: Mapped[int] = mapped_column(SmallInteger)
    gap: Mapped[int] = mapped_column(SmallInteger)
    assessor: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(160))  # "impor: <file>" or "api: <token name>"
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)

    employee: Mapped[Employee] = relationship()

    @property
    def standard_label(self) -> str:
        return GAP_STANDARD_LABELS.get(self.standard, self.standard)


class SkpRating(db.Model):
    __tablename__ = "skp_rating"
    __table_args__ = (UniqueConstraint("employee_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    predikat: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(160))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)

    employee: Mapped[Employee] = relationship()

    @property
    def predikat_label(self) -> str:
        return SKP_PREDIKAT_LABELS.get(self.predikat, self.predikat)
