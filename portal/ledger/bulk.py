"""Bulk credit of imported history: the ledger's path for imports at ministry scale.

:func:`bulk_credit` credits many imported participations in the caller's transaction with the
same result as one :func:`portal.ledger.service.credit` per row in the same order (same JP,
rule, setting version, flag, and the same counted / not-counted verdict of every cap), but:

* **one lock per import**: :func:`portal.ledger.locks.lock_ledger` is taken once (never one
  advisory lock per employee-month: ~20,000 of them exhaust PostgreSQL's lock table). The
  caller reads and checks the file *before* the lock (that is most of the time); under the
  lock only the writes run, so other JP credits wait a few seconds at most;
* **set-based**: one query per chunk for employees, units, blocks (MG-10/PT-08 flags),
  duplicates and existing rows; one multi-row INSERT; an UPDATE only for existing rows whose
  counting changed;
* **one cap recount per touched (employee, month)**, in memory, with the cap engine's own
  judge (:func:`portal.ledger.caps.judge`) over the live rows in (date, id) order. New rows
  are inserted in the given order after every existing row (on PostgreSQL with ``COPY`` and
  ids taken from the sequence first), so their ids keep that order and the verdicts computed
  before the insert are the ledger's. Groups under an organiser cap
  (KB-06) are recounted by :func:`portal.ledger.caps.recompute` after the insert;
* **lineage instead of one audit record per row**: every row carries ``import_batch``; the
  caller writes one audit record for the whole import naming that batch.

All or nothing: the first refused participation raises :class:`LedgerError` (nothing flushed).
Only imports use it (``source="import"``: history is credited as recorded and flagged when
dated during a development block); workflow credits go through ``credit()``, which refuses
them during a block.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import insert, select, text, update

from portal.audit import record
from portal.extensions import db
from portal.imports.validation import chunks
from portal.ledger import caps as cap_engine
from portal.ledger import rollup
from portal.ledger.history import block_flags
from portal.ledger.locks import lock_ledger
from portal.ledger.models import LedgerEntry, utcnow
from portal.ledger.numbers import jp_number, to_jp
from portal.ledger.service import LedgerError, check_fields, compute_jp
from portal.mechanisms.catalogue import mechanism_model
from portal.models import Employee, Unit
from portal.rule_settings.versions import JPSettings, VersionCache
from portal.types import MODELS, Participation

__all__ = ["BulkOutcome", "BulkRefused", "bulk_credit"]


class BulkRefused(LedgerError):
    """A participation of the bulk refused; ``index`` is its position (0-based)."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


# What a bulk row states (besides its id and created_at).
COLUMNS = ("employee_id", "mechanism", "model", "activity_type", "role", "activity_date",
           "title", "reference", "source", "organiser_unit_id", "jp_stated", "jp_claimed",
           "jp_counted", "counted", "rule_id", "explanation", "cap_rule_id", "reason", "flag",
           "setting_version_id", "created_by_id", "import_batch")


@dataclass
class BulkOutcome:
    """Per participation, in the given order: the new row's id and the ledger's verdict."""

    batch: str
    ids: list[int] = field(default_factory=list)
    counted: list[bool] = field(default_factory=list)
    jp_counted: list[Decimal] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def not_counted(self) -> int:
        return self.counted.count(False)

    @property
    def counted_jp(self) -> Decimal:
        return sum(self.jp_counted, Decimal(0))


@dataclass
class Row:
    """What the cap judge reads of a row, existing or new, and its verdict."""

    order: tuple
    mechanism: str
    activity_type: str
    role: str
    organiser_unit_id: int | None
    reference: str
    rule_id: str
    jp_claimed: Decimal
    index: int | None = None  # new rows: position in the given list
    entry_id: int | None = None  # existing rows
    counted: bool = False
    jp_counted: Decimal = cap_engine.ZERO
    cap_rule_id: str | None = None
    reason: str = ""

    @property
    def verdict(self) -> tuple:
        return self.counted, self.jp_counted, self.cap_rule_id, self.reason


def bulk_credit(participations: list[Participation], batch: str,
                actor_id: int | None = None) -> BulkOutcome:
    """Credit every participation (all imported history) in the current transaction.

    :param batch: the import's id, stored on every row (``import_batch``) as its lineage.
    :raises LedgerError: the first participation the ledger refuses (row ``n`` named);
        nothing has been written then.
    """
    outcome = BulkOutcome(batch=batch[:40])
    if not participations:
        return outcome
    lock_ledger()
    values = _values(participations, outcome.batch, actor_id)
    outcome.flags = [value["flag"] for value in values]
    groups: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for index, (p, value) in enumerate(zip(participations, values, strict=True)):
        groups[(p.employee_id, cap_engine.month_of(p.on_date))].append(Row(
            (p.on_date, cap_engine.LAST_ID + index), p.mechanism, p.activity_type, p.role,
            p.organiser_unit_id, p.reference, value["rule_id"], value["jp_claimed"],
            index=index))
    changed = recount(groups, existing_rows(set(groups)))
    for rows in groups.values():
        for row in rows:
            if row.index is not None:
                values[row.index].update(counted=row.counted, jp_counted=row.jp_counted,
                                         cap_rule_id=row.cap_rule_id, reason=row.reason)
    ids = insert_rows(values)
    _update_existing(changed, actor_id)
    exact = _organiser_groups(participations) | _year_cap_groups(participations)
    if ids != sorted(ids):  # not expected (see the module docstring); stay exact anyway
        exact |= set(groups)
    _recompute_exactly(exact, set(ids), actor_id)
    rollup.refresh(set(groups) | exact)  # COPY and the multi-row UPDATE bypass the ORM's events
    if exact:
        _read_back(outcome, ids)
    else:
        outcome.ids = ids
        outcome.counted = [value["counted"] for value in values]
        outcome.jp_counted = [value["jp_counted"] for value in values]
        outcome.reasons = [value["reason"] for value in values]
    return outcome


def insert_rows(values: list[dict]) -> list[int]:
    """Insert ledger rows (dicts of :data:`COLUMNS`) in the given order; their ids, ascending.

    PostgreSQL: the ids are taken from the sequence first (sorted), then the rows go in with
    ``COPY`` — the fastest way in, and the ids keep the given order by construction. Elsewhere
    a multi-row INSERT … RETURNING in parameter order.
    """
    if not values:
        return []
    if db.session.get_bind().dialect.name != "postgresql":
        return list(db.session.scalars(insert(LedgerEntry).returning(
            LedgerEntry.id, sort_by_parameter_order=True), values))
    connection = db.session.connection()
    ids = sorted(connection.execute(text(
        "SELECT nextval(pg_get_serial_sequence('jp_ledger_entry', 'id')) "
        "FROM generate_series(1, :n)"), {"n": len(values)}).scalars())
    now = utcnow()
    cursor = connection.connection.driver_connection.cursor()
    with cursor, cursor.copy(f"COPY jp_ledger_entry (id, created_at, {', '.join(COLUMNS)}) "
                             "FROM STDIN") as copy:
        for entry_id, value in zip(ids, values, strict=True):
            copy.write_row((entry_id, now, *(value.get(column) for column in COLUMNS)))
    return ids


def _values(participations: list[Participation], batch: str,
            actor_id: int | None) -> list[dict]:
    employees = _known(Employee, {p.employee_id for p in participations})
    units = _known(Unit, {p.organiser_unit_id for p in participations
                          if p.organiser_unit_id is not None})
    flags = block_flags([(p.employee_id, p.on_date) for p in participations])
    cache = VersionCache()
    seen: set[tuple] = set()
    values = []
    for index, (p, flag) in enumerate(zip(participations, flags, strict=True)):
        try:
            values.append(_value(p, flag, employees, units, cache, seen, batch, actor_id))
        except LedgerError as error:
            raise BulkRefused(str(error), index) from None
    _refuse_duplicates(participations)
    return values


def _known(model, ids: set) -> set[int]:
    found: set[int] = set()
    for part in chunks(i for i in ids if isinstance(i, int)):
        found |= set(db.session.scalars(select(model.id).where(model.id.in_(part))))
    return found


def _value(p: Participation, flag: str, employees: set[int], units: set[int],
           cache: VersionCache, seen: set[tuple], batch: str, actor_id: int | None) -> dict:
    if p.employee_id not in employees:
        raise LedgerError("Pegawai tidak ditemukan.")
    check_fields(p)
    if p.organiser_unit_id is not None and p.organiser_unit_id not in units:
        raise LedgerError("Unit penyelenggara tidak ditemukan.")
    if p.source != "import":
        raise LedgerError("Kredit massal hanya untuk riwayat impor (sumber 'import').")
    model = mechanism_model(p.mechanism)
    if model not in MODELS:
        raise LedgerError(f"Mekanisme {p.mechanism} tidak dikenal.")
    key = _key(p)
    if key in seen:
        raise LedgerError("Partisipasi ini muncul dua kali dalam impor yang sama (duplikat).")
    seen.add(key)
    result, version_id = compute_jp(p, JPSettings(p.mechanism, p.on_date, cache))
    try:
        jp = to_jp(result.jp)
    except ValueError as error:
        raise LedgerError(f"JP dari aturan {result.rule_id} tidak valid: {error}") from None
    return {
        "employee_id": p.employee_id, "mechanism": p.mechanism, "model": model,
        "activity_type": p.activity_type, "role": p.role, "activity_date": p.on_date,
        "title": p.title.strip(), "reference": p.reference, "source": p.source,
        "organiser_unit_id": p.organiser_unit_id,
        "jp_stated": to_jp(p.jp_stated) if p.jp_stated is not None else None,
        "jp_claimed": jp, "rule_id": result.rule_id[:20],
        "explanation": (result.explanation or "")[:300], "setting_version_id": version_id,
        "created_by_id": actor_id, "flag": flag, "import_batch": batch,
    }


def _key(p: Participation) -> tuple:
    """What makes a credit unique (the live rows' unique index)."""
    return (p.employee_id, p.mechanism, p.activity_type, p.role, p.on_date, p.reference)


def _refuse_duplicates(participations: list[Participation]) -> None:
    """A live row with the same key as a participation: refused, as ``credit()`` does."""
    index_of = {_key(p): index for index, p in enumerate(participations)}
    wanted = index_of.keys()
    first = min(p.on_date for p in participations)
    last = max(p.on_date for p in participations)
    for part in chunks({p.employee_id for p in participations}):
        query = (select(LedgerEntry.id, LedgerEntry.employee_id, LedgerEntry.mechanism,
                        LedgerEntry.activity_type, LedgerEntry.role, LedgerEntry.activity_date,
                        LedgerEntry.reference)
                 .where(LedgerEntry.employee_id.in_(part), LedgerEntry.activity_date >= first,
                        LedgerEntry.activity_date <= last, LedgerEntry.cancelled_at.is_(None)))
        for entry_id, *key in db.session.execute(query):
            if tuple(key) in wanted:
                raise BulkRefused(
                    f"Partisipasi ini sudah tercatat (entri #{entry_id}): pegawai, mekanisme, "
                    "jenis kegiatan, peran, tanggal dan referensi yang sama.",
                    index_of[tuple(key)])


def existing_rows(groups: set[tuple[int, int]]) -> dict[tuple[int, int], list[Row]]:
    """Live rows of the touched (employee, month) groups, one query per chunk of employees."""
    found: dict[tuple[int, int], list[Row]] = defaultdict(list)
    months = [month for _, month in groups]
    start = cap_engine.month_bounds(min(months))[0]
    end = cap_engine.month_bounds(max(months))[1]
    for part in chunks({employee_id for employee_id, _ in groups}):
        query = (select(LedgerEntry.id, LedgerEntry.employee_id, LedgerEntry.activity_date,
                        LedgerEntry.mechanism, LedgerEntry.activity_type, LedgerEntry.role,
                        LedgerEntry.organiser_unit_id, LedgerEntry.reference,
                        LedgerEntry.rule_id, LedgerEntry.jp_claimed, LedgerEntry.counted,
                        LedgerEntry.jp_counted, LedgerEntry.cap_rule_id, LedgerEntry.reason)
                 .where(LedgerEntry.employee_id.in_(part),
                        LedgerEntry.activity_date >= start, LedgerEntry.activity_date < end,
                        LedgerEntry.cancelled_at.is_(None)))
        for r in db.session.execute(query):
            group = (r.employee_id, cap_engine.month_of(r.activity_date))
            if group in groups:
                found[group].append(Row(
                    (r.activity_date, r.id), r.mechanism, r.activity_type, r.role,
                    r.organiser_unit_id, r.reference, r.rule_id, r.jp_claimed, entry_id=r.id,
                    counted=r.counted, jp_counted=r.jp_counted, cap_rule_id=r.cap_rule_id,
                    reason=r.reason or ""))
    return found


def recount(groups: dict[tuple[int, int], list[Row]],
             existing: dict[tuple[int, int], list[Row]]) -> list[tuple[Row, tuple]]:
    """Judge every touched group once, as :func:`portal.ledger.caps.recompute` does; set each
    row's verdict; return the existing rows whose verdict changed, with the old one."""
    changed = []
    for group, new_rows in groups.items():
        used: dict[tuple, int] = defaultdict(int)
        allowed: dict[tuple, set[str]] = {}
        for row in sorted(existing.get(group, []) + new_rows, key=lambda r: r.order):
            before = row.verdict
            cap_engine.judge(row, group[0], group[1], used, allowed)
            if row.entry_id is not None and before[:3] != row.verdict[:3]:
                changed.append((row, before))
    return changed


def _update_existing(changed: list[tuple[Row, tuple]], actor_id: int | None) -> None:
    if not changed:
        return
    db.session.execute(update(LedgerEntry), [
        {"id": row.entry_id, "counted": row.counted, "jp_counted": row.jp_counted,
         "cap_rule_id": row.cap_rule_id, "reason": row.reason} for row, _ in changed])
    for row, (old_counted, old_jp, old_cap, _) in changed:
        _audit_recount(row.entry_id, old_counted, old_jp, old_cap, row.counted, row.jp_counted,
                       row.cap_rule_id, row.reason, actor_id)


def _audit_recount(entry_id: int, old_counted: bool, old_jp: Decimal, old_cap: str | None,
                   counted: bool, jp: Decimal, cap: str | None, reason: str,
                   actor_id: int | None) -> None:
    record("jp.recount", "jp_ledger_entry", entry_id,
           {"counted": old_counted, "jp_counted": jp_number(old_jp), "cap_rule_id": old_cap},
           {"counted": counted, "jp_counted": jp_number(jp), "cap_rule_id": cap},
           summary=f"Perhitungan JP entri #{entry_id} berubah karena impor: "
                   f"{'dihitung' if counted else reason}",
           actor_id=actor_id)


def _organiser_groups(participations: list[Participation]) -> set[tuple[int, int]]:
    """Groups an organiser cap (KB-06) may change: every employee under that organiser's cap
    in that month (read after the insert, so the new rows count)."""
    groups: set[tuple[int, int]] = set()
    done: set[tuple] = set()
    for p in participations:
        month = cap_engine.month_of(p.on_date)
        for cap in cap_engine.organiser_caps(p.mechanism, p.activity_type, p.role,
                                             p.organiser_unit_id):
            key = (p.organiser_unit_id, month, p.mechanism, cap)
            if key in done:
                continue
            done.add(key)
            groups |= {(employee_id, month) for employee_id in cap_engine.organiser_employees(
                p.organiser_unit_id, month, p.mechanism, cap)}
    return groups


def _year_cap_groups(participations: list[Participation]) -> set[tuple[int, int]]:
    """Groups a yearly cap may change: the touched month and every later month of that year with
    rows (each month's count starts from what the months before it used), judged in order."""
    groups: set[tuple[int, int]] = set()
    for p in participations:
        later = cap_engine.later_months_of_year(p.employee_id, p.mechanism, p.activity_type, p.role,
                                                p.on_date)
        if later or any(cap.per == "employee_year" for cap in cap_engine.caps_for(p.mechanism)):
            groups |= {(p.employee_id, month) for month in later | {cap_engine.month_of(p.on_date)}}
    return groups


def _recompute_exactly(groups: set[tuple[int, int]], new_ids: set[int],
                       actor_id: int | None) -> None:
    for employee_id, month in sorted(groups):
        for change in cap_engine.recompute(employee_id, month):
            if change.entry.id not in new_ids:
                entry = change.entry
                _audit_recount(entry.id, change.old_counted, change.old_jp_counted,
                               change.old_cap_rule_id, entry.counted, entry.jp_counted,
                               entry.cap_rule_id, entry.reason, actor_id)
    if groups:
        db.session.flush()


def _read_back(outcome: BulkOutcome, ids: list[int]) -> None:
    verdicts = {}
    for part in chunks(ids):
        for entry_id, counted, jp_counted, reason in db.session.execute(
                select(LedgerEntry.id, LedgerEntry.counted, LedgerEntry.jp_counted,
                       LedgerEntry.reason).where(LedgerEntry.id.in_(part))):
            verdicts[entry_id] = (counted, jp_counted, reason)
    outcome.ids = ids
    for entry_id in ids:
        counted, jp_counted, reason = verdicts[entry_id]
        outcome.counted.append(counted)
        outcome.jp_counted.append(Decimal(jp_counted))
        outcome.reasons.append(reason or "")
