"""JP month by month: how an employee's counted JP of a year accumulates against the target
(the "Pengembangan Saya" chart, issue 18)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import extract, func, select

from portal.extensions import db
from portal.ledger.numbers import jp_number
from portal.models import LedgerEntry

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def cumulative_by_month(employee_id: int, year: int) -> list[int | float]:
    """Counted JP from 1 January to the end of each month of ``year`` (12 values)."""
    month = extract("month", LedgerEntry.activity_date)
    monthly = dict(db.session.execute(
        select(month, func.sum(LedgerEntry.jp_counted))
        .where(LedgerEntry.employee_id == employee_id, LedgerEntry.counted.is_(True),
               LedgerEntry.activity_date >= dt.date(year, 1, 1),
               LedgerEntry.activity_date <= dt.date(year, 12, 31))
        .group_by(month)).all())
    running, values = Decimal(0), []
    for number in range(1, 13):
        running += Decimal(monthly.get(number) or 0)
        values.append(jp_number(running))
    return values


def cumulative_chart(values: list[int | float], target: float, last_month: int = 12) -> dict:
    """Geometry for a 0–100 × 0–100 chart: one bar per month up to ``last_month``, the target
    as a horizontal line; the scale fits the larger of the target and the total."""
    top = max([float(target or 0), *(float(v) for v in values), 1.0]) * 1.1
    bars = [{"month": MONTHS[i], "value": values[i], "x": i * 100 / 12,
             "height": round(100 * float(values[i]) / top, 2), "reached": float(values[i]) >= float(target)}
            for i in range(min(last_month, 12))]
    return {"bars": bars, "target": target, "target_y": round(100 - 100 * float(target) / top, 2),
            "total": values[min(last_month, 12) - 1] if values else 0}
