"""JP month by month: how an employee's counted JP of a year accumulates against the target
(the "Pengembangan Saya" chart, issue 18)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from portal.extensions import db
from portal.ledger.numbers import jp_number
from portal.models import LedgerMonth

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def cumulative_by_month(employee_id: int, year: int) -> list[int | float]:
    """Counted JP from 1 January to the end of each month of ``year`` (12 values)."""
    monthly = dict(db.session.execute(  # the maintained rollup (portal.ledger.rollup)
        select(LedgerMonth.month, func.sum(LedgerMonth.jp))
        .where(LedgerMonth.employee_id == employee_id, LedgerMonth.year == year)
        .group_by(LedgerMonth.month)).all())
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


MAX_UNIT_BARS = 20


def overview_units(user, flt) -> list:
    """The units one level below what the team page shows: the chosen unit's children, else the
    top units of the user's scope (eselon I for the ministry). Empty for a plain atasan."""
    from portal.models import Unit

    if not (user.is_ministry_wide or user.admin_unit_paths or user.headed_unit_paths):
        return []
    if flt.unit is not None:
        return db.session.scalars(select(Unit).where(Unit.parent_id == flt.unit.id).order_by(Unit.kode)).all()
    if user.is_ministry_wide:
        return db.session.scalars(select(Unit).where(Unit.eselon == "I").order_by(Unit.kode)).all()
    roots = set(user.admin_unit_paths + user.headed_unit_paths)
    units = list(db.session.scalars(select(Unit).where(Unit.path.in_(roots)).order_by(Unit.kode)))
    if len(units) == 1:
        return db.session.scalars(select(Unit).where(Unit.parent_id == units[0].id)
                                  .order_by(Unit.kode)).all() or units
    return units
