"""Tim & Unit's whole-scope figures from one aggregate query (issue 21).

The summary (head count, at target, JP buckets, the 70:20:10 mix), the early warning's counts
and its per-unit counts, and the per-unit bars all come from one ``GROUP BY unit, status`` over
the rollup joined to the scope: a few hundred groups for the ministry's 26,000 employees, where
fetching every employee's row to Python cost ≈300 ms.

The status of an employee with nothing scheduled depends only on the counted JP and the target,
so SQL computes it with the very thresholds of :class:`~portal.ledger.projection.Thresholds`.
The few employees with something scheduled are then recounted in Python with their scheduled
JP (:func:`~portal.ledger.projection.project`'s rule), moving them to their real status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Numeric, case, literal, select

from portal.extensions import db
from portal.imports.validation import chunks
from portal.ledger import team
from portal.ledger.progress import MAX_UNIT_BARS
from portal.ledger.projection import (
    ASK_ALL_FROM,
    AT_RISK,
    ON_TRACK,
    REACHED,
    STATUSES,
    WILL_MISS,
    Outlook,
    Thresholds,
    UnitOutlook,
    risk_factor,
    scheduled_for,
)
from portal.models import Account


@dataclass
class ScopeSummary:
    stats: dict
    outlook: Outlook | None  # None for a past year: its figures say it all
    unit_bars: list[dict]


def summarise(user: Account, flt: team.TeamFilter, units: list, on_date: dt.date) -> ScopeSummary:
    """The figures of the user's scope under ``flt``, per unit of ``units`` (each employee in the
    first unit whose path prefixes theirs)."""
    rows = team.employee_rows(user, flt).subquery("team")
    ahead = flt.year >= on_date.year
    limits = _thresholds(flt.year, on_date) if ahead else {}
    status = _status_column(rows, limits) if ahead else literal("")
    groups = db.session.execute(select(rows.c.unit_path, status.label("status"), *team.figures(rows))
                                .group_by(rows.c.unit_path, status)).all()
    totals = dict.fromkeys(team.FIGURES, 0)
    counts = dict.fromkeys(STATUSES, 0)
    per_unit = {unit.path: UnitOutlook(unit) for unit in units}
    bars = {unit.path: {"unit": unit, "employees": 0, "on_target": 0} for unit in units[:MAX_UNIT_BARS]}
    unit_of, bar_of = team.ancestor_finder(per_unit), team.ancestor_finder(bars)
    for group in groups:
        for name in team.FIGURES:
            totals[name] += getattr(group, name) or 0
        if ahead:
            counts[group.status] += group.employees
            _count(unit_of(group.unit_path), group.status, group.employees)
        if (bar := bar_of(group.unit_path)) is not None:
            bar["employees"] += group.employees
            bar["on_target"] += group.on_target
    if ahead:
        for path, plain, real in _rescheduled(flt, rows, limits, totals["employees"]):
            counts[plain] -= 1
            counts[real] += 1
            _count(unit_of(path), plain, -1, employees=False)
            _count(unit_of(path), real, 1, employees=False)
    outlook = Outlook(counts, {}, [item for item in per_unit.values() if item.employees]) if ahead else None
    return ScopeSummary(team.figures_dict(totals, flt.year), outlook,
                        [{**bar, "share": round(100 * bar["on_target"] / bar["employees"], 1)}
                         for bar in bars.values() if bar["employees"]])


def _thresholds(year: int, on_date: dt.date) -> dict:
    factor = risk_factor(year)
    return {target: Thresholds.of(year, on_date, target, factor) for target in team.targets(year)}


def _status_column(rows, limits: dict):
    """:meth:`Thresholds.status` with nothing scheduled, as SQL (``needed`` = target − JP)."""
    def per_target(attribute: str):
        values = [(rows.c.target == literal(target), literal(getattr(limit, attribute), Numeric))
                  for target, limit in limits.items()]
        return case(*values[:-1], else_=values[-1][1]) if len(values) > 1 else values[0][1]

    needed = rows.c.target - rows.c.jp
    whens = [(rows.c.jp >= rows.c.target, REACHED), (needed <= per_target("even"), ON_TRACK)]
    if next(iter(limits.values())).left > 0:  # months left: the same for every target
        whens.append((needed <= per_target("risk"), AT_RISK))
    return case(*whens, else_=WILL_MISS)


def _count(item: UnitOutlook | None, status: str, number: int, employees: bool = True) -> None:
    if item is None:
        return
    item.employees += number if employees else 0
    item.at_risk += number if status == AT_RISK else 0
    item.will_miss += number if status == WILL_MISS else 0


def _rescheduled(flt: team.TeamFilter, rows, limits: dict, employees: int):
    """(unit path, status counted in SQL, real status) of each employee in scope with something
    scheduled whose scheduled JP changes their status."""
    if not employees:
        return
    # a small scope asks the plugins about its own people; a large one, about everyone
    ids = list(db.session.scalars(select(rows.c.id))) if employees < ASK_ALL_FROM else None
    scheduled = scheduled_for(ids, flt.year)
    for part in chunks(set(scheduled)):
        for row in db.session.execute(select(rows.c.id, rows.c.jp, rows.c.target, rows.c.unit_path)
                                      .where(rows.c.id.in_(part))):
            limit = limits[row.target]
            counted = Decimal(row.jp)
            plain = limit.status(counted, Decimal(0))
            real = limit.status(counted, sum((item.jp for item in scheduled[row.id]), Decimal(0)))
            if real != plain:
                yield row.unit_path, plain, real
