"""The maintained rollup of the ledger (issue 21): counted JP per employee, month and mechanism
(``jp_ledger_month``) and per employee and year, in all and by model (``jp_ledger_year``).

Pages, reports and the API read these small tables instead of summing the year's ledger rows.

How it stays equal to the rows, in the same transaction as every write:

- **ORM writes** (credit, cancel, recount, recalculation, anything that changes a
  :class:`LedgerEntry` object): ``before_flush`` takes each changed row's contribution before and
  after (the columns it reads keep their old value, ``active_history``), and ``after_flush``
  adds the differences with one ``INSERT … ON CONFLICT DO UPDATE SET jp = jp + excluded.jp``
  per table. Additions commute, so concurrent transactions never lose one another's change
  and need no lock of their own (the ledger's own locks still serialise caps).
- **Bulk writes** (:mod:`portal.ledger.bulk`, ``COPY`` and multi-row UPDATE): the writer calls
  :func:`refresh` for the (employee, month) groups it touched while it holds the ledger lock;
  each group is recomputed from its rows and the difference added the same way.
- **Loads** (demo, migration backfill, ``flask ledger verify --perbaiki``): :func:`rebuild`.

``flask ledger verify`` (:func:`differences`) recomputes both tables from the rows and reports
every difference.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Integer, case, cast, delete, event, extract, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.ledger.models import LedgerEntry, LedgerMonth, LedgerYear

MODELS = (70, 20, 10)
_PENDING = "ledger_rollup"
_CHUNK = 500


@dataclass
class Share:
    """What rows add to one (employee, year, month, mechanism) cell."""

    model: int
    jp: Decimal = Decimal(0)
    not_counted: int = 0

    def add(self, jp, not_counted: int, sign: int = 1) -> None:
        self.jp += sign * Decimal(jp or 0)
        self.not_counted += sign * not_counted

    @property
    def empty(self) -> bool:
        return self.jp == 0 and self.not_counted == 0


Key = tuple[int, int, int, str]  # employee_id, year, month, mechanism
Deltas = dict[Key, Share]


def _row_share(employee_id, day, mechanism, model, jp_counted, counted, cancelled_at):
    if employee_id is None or day is None or mechanism is None:
        return None
    live_not_counted = int(cancelled_at is None and counted is False)
    return (employee_id, day.year, day.month, mechanism), model, jp_counted or 0, live_not_counted


def _add(deltas: Deltas, share, sign: int) -> None:
    if share is None:
        return
    key, model, jp, not_counted = share
    deltas.setdefault(key, Share(model)).add(jp, not_counted, sign)


_COLUMNS = ("employee_id", "activity_date", "mechanism", "model", "jp_counted", "counted",
            "cancelled_at")


def _share_now(entry: LedgerEntry):
    return _row_share(*(getattr(entry, name) for name in _COLUMNS))


def _share_before(entry: LedgerEntry):
    state = db.inspect(entry)
    values = []
    for name in _COLUMNS:
        history = state.attrs[name].history
        values.append(history.deleted[0] if history.deleted else
                      history.unchanged[0] if history.unchanged else getattr(entry, name))
    return _row_share(*values)


def _collect(session: Session, _context, _instances) -> None:
    deltas: Deltas = session.info.setdefault(_PENDING, {})
    for entry in session.new:
        if isinstance(entry, LedgerEntry):
            _add(deltas, _share_now(entry), +1)
    for entry in session.dirty:
        if isinstance(entry, LedgerEntry) and session.is_modified(entry):
            before, now = _share_before(entry), _share_now(entry)
            if before != now:
                _add(deltas, before, -1)
                _add(deltas, now, +1)
    for entry in session.deleted:
        if isinstance(entry, LedgerEntry):
            _add(deltas, _share_before(entry), -1)


def _apply_collected(session: Session, _context) -> None:
    deltas = session.info.pop(_PENDING, None)
    if deltas:
        apply(deltas, session.connection())


def _forget(session: Session, *_args) -> None:
    session.info.pop(_PENDING, None)


def install() -> None:
    """Listen to every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _collect):
        event.listen(Session, "before_flush", _collect)
        event.listen(Session, "after_flush", _apply_collected)
        event.listen(Session, "after_soft_rollback", _forget)


def _upsert(connection, model, rows: list[dict], keys: tuple[str, ...], sums: tuple[str, ...],
            replace: tuple[str, ...] = ()) -> None:
    if not rows:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    table = model.__table__
    statement = dialect.insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c[name] for name in keys],
        set_={**{name: table.c[name] + statement.excluded[name] for name in sums},
              **{name: statement.excluded[name] for name in replace}})
    connection.execute(statement, rows)


def apply(deltas: Deltas, connection=None) -> None:
    """Add ``deltas`` to both tables (keys sorted, so two writers take row locks in one order)."""
    connection = connection or db.session.connection()
    months, years = [], defaultdict(lambda: dict.fromkeys(("jp", "jp70", "jp20", "jp10"), Decimal(0)))
    for key in sorted(deltas):
        share = deltas[key]
        if share.empty:
            continue
        employee_id, year, month, mechanism = key
        months.append({"employee_id": employee_id, "year": year, "month": month,
                       "mechanism": mechanism, "model": share.model, "jp": share.jp,
                       "not_counted": share.not_counted})
        if share.jp:
            totals = years[(employee_id, year)]
            totals["jp"] += share.jp
            if share.model in MODELS:
                totals[f"jp{share.model}"] += share.jp
    _upsert(connection, LedgerMonth, months, ("employee_id", "year", "month", "mechanism"),
            ("jp", "not_counted"), replace=("model",))
    _upsert(connection, LedgerYear,
            [{"employee_id": e, "year": y, **totals} for (e, y), totals in sorted(years.items())],
            ("employee_id", "year"), ("jp", "jp70", "jp20", "jp10"))


def _yyyymm():
    """``year * 100 + month`` of a rollup row, as an INTEGER (the columns are SMALLINT)."""
    return cast(LedgerMonth.year, Integer) * 100 + cast(LedgerMonth.month, Integer)


def _year_of():
    return cast(extract("year", LedgerEntry.activity_date), Integer)


def _month_of():
    return cast(extract("month", LedgerEntry.activity_date), Integer)


def _truth(*conditions):
    """The month rollup recomputed from the rows (a SELECT of LedgerMonth's columns)."""
    year, month = _year_of(), _month_of()
    not_counted = func.sum(case(((LedgerEntry.cancelled_at.is_(None)) & (LedgerEntry.counted.is_(False)), 1),
                                else_=0))
    return (select(LedgerEntry.employee_id, year.label("year"), month.label("month"),
                   LedgerEntry.mechanism, func.max(LedgerEntry.model).label("model"),
                   func.sum(LedgerEntry.jp_counted).label("jp"), not_counted.label("not_counted"))
            .where(*conditions)
            .group_by(LedgerEntry.employee_id, year, month, LedgerEntry.mechanism))


def refresh(groups: Iterable[tuple[int, int]]) -> None:
    """Recompute the (employee_id, yyyymm) ``groups`` from their rows and add the difference
    (bulk writers, under the ledger lock)."""
    wanted: dict[int, set[int]] = defaultdict(set)
    for employee_id, yyyymm in groups:
        wanted[employee_id].add(yyyymm)
    if not wanted:
        return
    months = {m for ms in wanted.values() for m in ms}
    start = dt.date(min(months) // 100, min(months) % 100, 1)
    last = max(months)
    end = dt.date(last // 100 + (last % 100 == 12), last % 100 % 12 + 1, 1)
    employees = sorted(wanted)
    deltas: Deltas = {}
    for index in range(0, len(employees), _CHUNK):
        part = employees[index:index + _CHUNK]
        for r in db.session.execute(_truth(LedgerEntry.employee_id.in_(part),
                                           LedgerEntry.activity_date >= start,
                                           LedgerEntry.activity_date < end)):
            if r.year * 100 + r.month in wanted[r.employee_id]:
                deltas.setdefault((r.employee_id, r.year, r.month, r.mechanism), Share(r.model)).add(
                    r.jp, r.not_counted)
        for r in db.session.execute(select(LedgerMonth).where(
                LedgerMonth.employee_id.in_(part),
                _yyyymm() >= min(months), _yyyymm() <= last)).scalars():
            if r.year * 100 + r.month in wanted[r.employee_id]:
                deltas.setdefault((r.employee_id, r.year, r.month, r.mechanism), Share(r.model)).add(
                    r.jp, r.not_counted, -1)
    apply(deltas)


def rebuild() -> None:
    """Both tables from the rows, whole (loads and repairs; the caller holds the ledger lock)."""
    db.session.execute(delete(LedgerMonth))
    db.session.execute(delete(LedgerYear))
    truth = _truth().subquery()
    db.session.execute(insert(LedgerMonth).from_select(
        ["employee_id", "year", "month", "mechanism", "model", "jp", "not_counted"], select(truth)))
    of_model = {m: func.sum(case((LedgerMonth.model == m, LedgerMonth.jp), else_=0)) for m in MODELS}
    db.session.execute(insert(LedgerYear).from_select(
        ["employee_id", "year", "jp", "jp70", "jp20", "jp10"],
        select(LedgerMonth.employee_id, LedgerMonth.year, func.sum(LedgerMonth.jp), *of_model.values())
        .group_by(LedgerMonth.employee_id, LedgerMonth.year)))


def _month_differences(rows) -> list[str]:
    truth = {(r.employee_id, r.year, r.month, r.mechanism): (Decimal(r.jp or 0), int(r.not_counted or 0))
             for r in rows}
    stored = {(r.employee_id, r.year, r.month, r.mechanism): (Decimal(r.jp or 0), int(r.not_counted or 0))
              for r in db.session.scalars(select(LedgerMonth))}
    found = []
    for key in sorted(set(truth) | set(stored)):
        want, have = truth.get(key, (Decimal(0), 0)), stored.get(key, (Decimal(0), 0))
        if want != have:
            employee_id, year, month, mechanism = key
            found.append(f"pegawai #{employee_id} {year}-{month:02d} {mechanism}: baris {want[0]} JP "
                         f"({want[1]} tidak dihitung), rollup {have[0]} JP ({have[1]} tidak dihitung)")
    return found


def _year_totals(rows) -> dict[tuple[int, int], list[Decimal]]:
    """(employee, year) → [JP, JP 70, JP 20, JP 10] from the recomputed month cells."""
    years: dict[tuple[int, int], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 4)
    for r in rows:
        totals = years[(r.employee_id, r.year)]
        totals[0] += Decimal(r.jp or 0)
        if r.model in MODELS:
            totals[1 + MODELS.index(r.model)] += Decimal(r.jp or 0)
    return years


def _year_differences(rows) -> list[str]:
    years = _year_totals(rows)
    stored = {(r.employee_id, r.year): [Decimal(r.jp or 0), Decimal(r.jp70 or 0), Decimal(r.jp20 or 0),
                                        Decimal(r.jp10 or 0)]
              for r in db.session.scalars(select(LedgerYear))}
    found = []
    for key in sorted(set(years) | set(stored)):
        want, have = years.get(key, [Decimal(0)] * 4), stored.get(key, [Decimal(0)] * 4)
        if want != have:
            found.append(f"pegawai #{key[0]} tahun {key[1]}: baris {want[0]} JP "
                         f"(70/20/10: {want[1]}/{want[2]}/{want[3]}), rollup {have[0]} JP "
                         f"({have[1]}/{have[2]}/{have[3]})")
    return found


def differences(limit: int = 50) -> list[str]:
    """Every cell where the rollup differs from the rows, in words (empty: they agree)."""
    rows = db.session.execute(_truth()).all()
    found = _month_differences(rows) + _year_differences(rows)
    return found[:limit] if limit else found

def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def jp_by_model(employees, start: dt.date, end: dt.date) -> dict[tuple[int, int], Decimal]:
    """Counted JP from ``start`` to ``end`` (inclusive) per (employee_id, model) for the ids of
    the ``employees`` subquery: whole months from the rollup, the days of a partial first or last
    month from the ledger's rows."""
    found: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    first_whole = start if start.day == 1 else _next_month(start)
    after_whole = _month_start(end + dt.timedelta(days=1))
    row_ranges = [(start, end)]
    if first_whole < after_whole:
        last_whole = after_whole - dt.timedelta(days=1)
        ym = _yyyymm()
        for employee_id, model, jp in db.session.execute(
                select(LedgerMonth.employee_id, LedgerMonth.model, func.sum(LedgerMonth.jp))
                .where(LedgerMonth.employee_id.in_(employees),
                       ym >= first_whole.year * 100 + first_whole.month,
                       ym <= last_whole.year * 100 + last_whole.month)
                .group_by(LedgerMonth.employee_id, LedgerMonth.model)):
            found[(employee_id, model)] += Decimal(jp or 0)
        row_ranges = [(start, first_whole - dt.timedelta(days=1)), (after_whole, end)]
    for low, high in row_ranges:
        if low > high:
            continue
        for employee_id, model, jp in db.session.execute(
                select(LedgerEntry.employee_id, LedgerEntry.model, func.sum(LedgerEntry.jp_counted))
                .where(LedgerEntry.employee_id.in_(employees), LedgerEntry.activity_date >= low,
                       LedgerEntry.activity_date <= high)
                .group_by(LedgerEntry.employee_id, LedgerEntry.model)):
            found[(employee_id, model)] += Decimal(jp or 0)
    return found
