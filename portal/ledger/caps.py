"""The cap engine: which live rows of an (employee, month) are counted, in one place.

Plugins declare caps as :class:`portal.types.CapSpec` in ``PluginInfo.caps``; a cap applies
to rows of that plugin's mechanism. Counting is recomputed for the whole group every time a
row is added, cancelled or re-valued, in a fixed order (activity date, then id), so the result
depends only on the set of live rows — never on the order requests arrived in. The caller
holds the group's lock (:mod:`portal.ledger.locks`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from portal.extensions import db
from portal.ledger.history import PRE_CIRCULAR_RULE
from portal.ledger.models import LedgerEntry
from portal.mechanisms.catalogue import installed_infos
from portal.rule_settings.versions import value_on
from portal.types import CapSpec

ZERO = Decimal("0.00")
LAST_ID = 2**62  # the order key of a row not inserted yet: after every existing row
NO_JP_REASON = "Partisipasi ini tidak menghasilkan JP."


@dataclass(frozen=True)
class Change:
    """A live row whose counting changed during a recompute."""

    entry: LedgerEntry
    old_counted: bool
    old_jp_counted: Decimal
    old_cap_rule_id: str | None


def caps_for(mechanism: str, on_date: dt.date | None = None) -> tuple[CapSpec, ...]:
    """The mechanism's caps; with ``on_date``, a cap whose limit is a setting
    (``CapSpec.limit_setting``) carries the value in force on that date."""
    info = installed_infos().get(mechanism)
    caps = info.caps if info else ()
    if on_date is None:
        return caps
    return tuple(dataclasses.replace(cap, limit=int(value_on(f"{mechanism}.{cap.limit_setting}", on_date)[0]))
                 if cap.limit_setting else cap for cap in caps)


def month_of(day: dt.date) -> int:
    return day.year * 100 + day.month


def month_bounds(month: int) -> tuple[dt.date, dt.date]:
    """First day of ``yyyymm`` and first day of the next month."""
    year, number = divmod(month, 100)
    start = dt.date(year, number, 1)
    end = dt.date(year + number // 12, number % 12 + 1, 1)
    return start, end


def organiser_caps(mechanism: str, activity_type: str, role: str,
                   organiser_unit_id: int | None) -> list[CapSpec]:
    if organiser_unit_id is None:
        return []
    return [cap for cap in caps_for(mechanism)
            if cap.per == "organiser_month" and cap.matches(activity_type, role)]


def _organiser_rows(organiser_unit_id: int, month: int, mechanism: str, cap: CapSpec):
    start, end = month_bounds(month)
    conditions = [LedgerEntry.organiser_unit_id == organiser_unit_id,
                  LedgerEntry.mechanism == mechanism,
                  LedgerEntry.activity_date >= start, LedgerEntry.activity_date < end,
                  LedgerEntry.cancelled_at.is_(None)]
    if cap.activity_types:
        conditions.append(LedgerEntry.activity_type.in_(cap.activity_types))
    if cap.roles:
        conditions.append(LedgerEntry.role.in_(cap.roles))
    return conditions


def _ranking(organiser_unit_id: int, month: int, mechanism: str, cap: CapSpec,
             exclude_id: int | None = None) -> list[tuple[str, dt.date, int]]:
    """The organiser's meetings (distinct references) of the month with their order key
    (first date, first row id), in order."""
    conditions = _organiser_rows(organiser_unit_id, month, mechanism, cap)
    if exclude_id is not None:
        conditions.append(LedgerEntry.id != exclude_id)
    first_date = func.min(LedgerEntry.activity_date)
    first_id = func.min(LedgerEntry.id)
    query = (select(LedgerEntry.reference, first_date, first_id).where(*conditions)
             .group_by(LedgerEntry.reference).order_by(first_date, first_id))
    return [tuple(row) for row in db.session.execute(query)]


def allowed_references(organiser_unit_id: int, month: int, mechanism: str,
                       cap: CapSpec) -> set[str]:
    """The organiser's first ``cap.limit`` meetings (distinct references) of the month, in
    order of their first date and first row — e.g. KB-06's two berbagi_pengalaman."""
    return {ref for ref, _, _ in _ranking(organiser_unit_id, month, mechanism, cap)[:cap.limit]}


def organiser_change_spreads(organiser_unit_id: int, month: int, mechanism: str, cap: CapSpec,
                             reference: str, day: dt.date,
                             cancelled_id: int | None = None) -> bool:
    """Would adding a row of meeting ``reference`` on ``day`` (or cancelling row
    ``cancelled_id``) change which of the organiser's meetings are counted, beyond that one
    row? Only then must every participant's month be recomputed (and locked); otherwise the
    employee's own month is enough — crediting 200 participants stays linear."""
    before = _ranking(organiser_unit_id, month, mechanism, cap)
    keys = {ref: (first_date, first_id) for ref, first_date, first_id in before}
    if cancelled_id is None:
        own_only = reference not in keys  # a new meeting: its one row is ours
        old = keys.get(reference, (day, LAST_ID))
        keys[reference] = (min(old[0], day), old[1])
    else:
        remaining = {ref: (d, i) for ref, d, i in
                     _ranking(organiser_unit_id, month, mechanism, cap, exclude_id=cancelled_id)}
        own_only = reference not in remaining  # its last row goes
        keys.pop(reference, None)
        if not own_only:
            keys[reference] = remaining[reference]
    after = {ref for ref, _ in sorted(keys.items(), key=lambda item: item[1])[:cap.limit]}
    changed = {ref for ref, _, _ in before[:cap.limit]} ^ after
    if own_only:
        changed.discard(reference)
    return bool(changed)


def organiser_employees(organiser_unit_id: int, month: int, mechanism: str,
                        cap: CapSpec) -> set[int]:
    """Employees with live rows under this organiser cap in the month."""
    conditions = _organiser_rows(organiser_unit_id, month, mechanism, cap)
    return set(db.session.scalars(select(LedgerEntry.employee_id).where(*conditions).distinct()))


def recompute(employee_id: int, month: int) -> list[Change]:
    """Re-derive ``counted``/``jp_counted``/``cap_rule_id``/``reason`` for the employee's live
    rows in ``month``; return the rows that changed."""
    start, end = month_bounds(month)
    rows = db.session.scalars(
        select(LedgerEntry)
        .where(LedgerEntry.employee_id == employee_id, LedgerEntry.activity_date >= start,
               LedgerEntry.activity_date < end, LedgerEntry.cancelled_at.is_(None))
        .order_by(LedgerEntry.activity_date, LedgerEntry.id)
        .execution_options(populate_existing=True)
    ).all()
    used: dict[tuple, Decimal | int] = defaultdict(int)
    allowed: dict[tuple, set[str]] = {}
    changes: list[Change] = []
    for row in rows:
        before = (row.counted, row.jp_counted, row.cap_rule_id)
        judge(row, employee_id, month, used, allowed)
        if before != (row.counted, row.jp_counted, row.cap_rule_id) and row.id is not None:
            changes.append(Change(row, *before))
    return changes


def judge(row, employee_id: int, month: int, used: dict, allowed: dict) -> None:
    """Set one row's ``counted``/``jp_counted``/``cap_rule_id``/``reason`` — rows of a group are
    judged in order (activity date, id) with the same ``used`` (what each cap has used so far)
    and ``allowed`` (organiser caps' counted meetings). ``row`` is a :class:`LedgerEntry` or
    anything with its fields (the bulk path's rows)."""
    if row.jp_claimed <= 0:
        row.counted, row.jp_counted, row.cap_rule_id, row.reason = False, ZERO, None, NO_JP_REASON
        return
    jp, partial, takes = row.jp_claimed, None, []
    if row.rule_id != PRE_CIRCULAR_RULE:  # §O: the circular's caps start with the circular
        for index, cap in enumerate(caps_for(row.mechanism, month_bounds(month)[0])):
            if not cap.matches(row.activity_type, row.role):
                continue
            if cap.per == "organiser_month":
                if row.organiser_unit_id is None:
                    continue
                key = (row.mechanism, index, row.organiser_unit_id)
                if key not in allowed:
                    allowed[key] = allowed_references(row.organiser_unit_id, month, row.mechanism, cap)
                if row.reference not in allowed[key]:
                    return _refuse(row, cap)
                continue
            slot = (row.mechanism, index, row.activity_type if cap.per == "employee_month_activity" else "")
            if cap.per == "employee_year" and slot not in used:
                used[slot] = year_usage_before(employee_id, month, row.mechanism, cap)
            if cap.measure == "rows":
                if used[slot] >= cap.limit:
                    return _refuse(row, cap)
            else:
                room = Decimal(cap.limit) - Decimal(used[slot])
                if room <= 0:
                    return _refuse(row, cap)
                if room < jp:
                    jp, partial = room, cap
            takes.append((slot, cap.measure))
    for slot, measure in takes:
        used[slot] += 1 if measure == "rows" else jp
    row.counted, row.jp_counted = True, jp
    row.cap_rule_id = partial.rule_id if partial else None
    row.reason = partial.partial_text(row.jp_claimed - jp) if partial else ""


def _refuse(row, cap: CapSpec) -> None:
    row.counted, row.jp_counted, row.cap_rule_id, row.reason = False, ZERO, cap.rule_id, cap.text


def year_usage_before(employee_id: int, month: int, mechanism: str, cap: CapSpec) -> Decimal | int:
    """What the employee's rows of the year before ``month`` used of a yearly cap: counted rows,
    or counted JP for a JP budget (those months are judged already: they come first)."""
    start = dt.date(month // 100, 1, 1)
    conditions = [LedgerEntry.employee_id == employee_id, LedgerEntry.mechanism == mechanism,
                  LedgerEntry.activity_date >= start, LedgerEntry.activity_date < month_bounds(month)[0],
                  LedgerEntry.cancelled_at.is_(None), LedgerEntry.counted.is_(True),
                  LedgerEntry.rule_id != PRE_CIRCULAR_RULE]
    if cap.activity_types:
        conditions.append(LedgerEntry.activity_type.in_(cap.activity_types))
    if cap.roles:
        conditions.append(LedgerEntry.role.in_(cap.roles))
    measure = func.count(LedgerEntry.id) if cap.measure == "rows" else func.sum(LedgerEntry.jp_counted)
    return db.session.scalar(select(measure).where(*conditions)) or 0


def later_months_of_year(employee_id: int, mechanism: str, activity_type: str, role: str,
                         day: dt.date) -> set[int]:
    """Months after ``day``'s in the same year with live rows of the employee that a yearly cap
    of the mechanism covers: a change in ``day``'s month can move their counting too, so they are
    locked and recomputed with it (in order)."""
    caps = [cap for cap in caps_for(mechanism) if cap.per == "employee_year"
            and cap.matches(activity_type, role)]
    if not caps:
        return set()
    start = month_bounds(month_of(day))[1]
    if start.year != day.year:
        return set()
    dates = db.session.scalars(
        select(LedgerEntry.activity_date).where(
            LedgerEntry.employee_id == employee_id, LedgerEntry.mechanism == mechanism,
            LedgerEntry.activity_date >= start, LedgerEntry.activity_date < dt.date(day.year + 1, 1, 1),
            LedgerEntry.cancelled_at.is_(None)).distinct())
    return {month_of(d) for d in dates}
