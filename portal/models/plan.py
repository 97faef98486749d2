"""Individual development plans (§F, G-02): one per employee per year, with planned items."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.account import utcnow
from portal.models.employee import Employee, EmployeeGap
from portal.states import HasStatus, State


class PlanStatus(State):
    """States of an employee's development plan (G-02)."""

    DRAFT = "draft", "Draf"
    DIAJUKAN = "diajukan", "Diajukan ke atasan"
    DISETUJUI = "disetujui", "Disetujui atasan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk diperbaiki"


class DevelopmentPlan(HasStatus, db.Model):
    __tablename__ = "development_plan"
    STATUSES = PlanStatus
    __table_args__ = (UniqueConstraint("employee_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    # kesenjangan, kebutuhan, teknologi or karier (§F, G-02; portal/plans/rules.py)
    basis: Mapped[str] = mapped_column(String(12))
    notes: Mapped[str] = mapped_column(String(2000), default="")
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The atasan who agreed, or returned the plan with return_note.
    agreed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee.id", ondelete="SET NULL"))
    agreed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    return_note: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    agreed_by: Mapped[Employee | None] = relationship(foreign_keys=[agreed_by_id])
    items: Mapped[list[DevelopmentPlanItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan",
        order_by="(DevelopmentPlanItem.planned_month, DevelopmentPlanItem.id)")


    @property
    def editable(self) -> bool:
        return self.status in (PlanStatus.DRAFT, PlanStatus.DIKEMBALIKAN)

    @property
    def submitted(self) -> bool:
        """Waiting for the atasan's decision."""
        return self.status == PlanStatus.DIAJUKAN

    @property
    def agreed(self) -> bool:
        return self.status == PlanStatus.DISETUJUI

    @property
    def returned(self) -> bool:
        return self.status == PlanStatus.DIKEMBALIKAN


class DevelopmentPlanItem(db.Model):
    __tablename__ = "development_plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("development_plan.id", ondelete="CASCADE"), index=True)
    mechanism: Mapped[str] = mapped_column(String(40))
    target_jp: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    planned_month: Mapped[int] = mapped_column(SmallInteger)
    gap_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee_gap.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(String(300), default="")

    plan: Mapped[DevelopmentPlan] = relationship(back_populates="items")
    gap: Mapped[EmployeeGap | None] = relationship()
