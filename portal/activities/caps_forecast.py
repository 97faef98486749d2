"""Which imported rows the ledger's caps will leave uncounted, forecast before anything is saved.

Choice: an in-memory simulation rather than a dry run in a rolled-back transaction. A dry run
costs as much as the import itself (the ledger credits one row at a time), which a browser
preview of a 100,000-row file cannot afford. The simulation does what
:func:`portal.ledger.caps.recompute` does for each touched (employee, month) — live rows in
(date, id) order, the file's rows after the existing ones, judged by the ledger's own cap
function — so it cannot disagree with the ledger about employee caps. It also shows existing
rows that an earlier-dated imported row pushes beyond a cap. Limitation: organiser caps
(KB-06) count only meetings already in the ledger for rows a plugin gives an organiser unit;
the fixed-types helper never does. The commit reports the ledger's actual result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from portal.activities.validation import WHOLE_ROW, Accepted, ActivityPreview
from portal.extensions import db
from portal.imports.validation import Problem, chunks
from portal.ledger import caps as cap_engine
from portal.ledger.models import LedgerEntry


@dataclass
class _Row:
    """The attributes the ledger's cap judge reads, for an existing or an imported row."""

    order: tuple
    mechanism: str
    activity_type: str
    role: str
    organiser_unit_id: int | None
    reference: str
    jp_claimed: Decimal
    row_number: int | None = None  # imported rows
    entry_id: int | None = None  # existing rows
    was_counted: bool = False


def _judge(row: _Row, month: int, used: dict, allowed: dict):
    # The ledger's own judge (same order, same slots); see the module docstring.
    return cap_engine._judge(row, month, used, allowed)


def _existing(groups: set[tuple[int, int]], mechanisms: set[str]) -> dict[tuple, list[_Row]]:
    found: dict[tuple, list[_Row]] = defaultdict(list)
    months = [month for _, month in groups]
    start = cap_engine.month_bounds(min(months))[0]
    end = cap_engine.month_bounds(max(months))[1]
    for part in chunks({employee_id for employee_id, _ in groups}):
        query = (select(LedgerEntry.id, LedgerEntry.employee_id, LedgerEntry.activity_date,
                        LedgerEntry.mechanism, LedgerEntry.activity_type, LedgerEntry.role,
                        LedgerEntry.organiser_unit_id, LedgerEntry.reference,
                        LedgerEntry.jp_claimed, LedgerEntry.counted)
                 .where(LedgerEntry.employee_id.in_(part), LedgerEntry.mechanism.in_(mechanisms),
                        LedgerEntry.activity_date >= start, LedgerEntry.activity_date < end,
                        LedgerEntry.cancelled_at.is_(None)))
        for r in db.session.execute(query):
            group = (r.employee_id, cap_engine.month_of(r.activity_date))
            if group in groups:
                found[group].append(_Row((r.activity_date, 0, r.id), r.mechanism,
                                         r.activity_type, r.role, r.organiser_unit_id,
                                         r.reference, r.jp_claimed, entry_id=r.id,
                                         was_counted=r.counted))
    return found


def forecast(result: ActivityPreview) -> None:
    """Add to ``result`` a warning per imported row the caps will not count (with the cap's
    rule ID) and per existing row that will stop being counted; set ``not_counted`` and
    ``counted_jp``."""
    capped = {a.participation.mechanism for a in result.accepted
              if cap_engine.caps_for(a.participation.mechanism)}
    new_rows: dict[tuple, list[_Row]] = defaultdict(list)
    for index, item in enumerate(result.accepted):
        p = item.participation
        if p.mechanism not in capped:
            _count(result, item, cap_engine.NO_JP_REASON if item.jp <= 0 else None)
            continue
        group = (p.employee_id, cap_engine.month_of(p.on_date))
        new_rows[group].append(_Row((p.on_date, 1, index), p.mechanism, p.activity_type, p.role,
                                    p.organiser_unit_id, p.reference, item.jp,
                                    row_number=item.row_number))
    if not new_rows:
        return
    by_row = {item.row_number: item for item in result.accepted}
    existing = _existing(set(new_rows), capped)
    for group, rows in sorted(new_rows.items()):
        used: dict[tuple, int] = defaultdict(int)
        allowed: dict[tuple, set[str]] = {}
        for row in sorted(existing.get(group, []) + rows, key=lambda r: r.order):
            blocked, slots = _judge(row, group[1], used, allowed)
            if row.jp_claimed <= 0:
                reason = cap_engine.NO_JP_REASON
            elif blocked is not None:
                reason = blocked.text
            else:
                for slot in slots:
                    used[slot] += 1
                reason = None
            if row.row_number is not None:
                _count(result, by_row[row.row_number], reason)
            elif row.was_counted and reason is not None:
                result.warnings.append(
                    f"Entri buku JP #{row.entry_id} yang sudah tercatat tidak akan dihitung lagi "
                    f"karena baris berkas bertanggal lebih awal: {reason}")


def _count(result: ActivityPreview, item: Accepted, reason: str | None) -> None:
    if reason is None:
        result.counted_jp += item.jp
        return
    result.not_counted += 1
    result.row_warnings.append(Problem(item.row_number, WHOLE_ROW,
                                       f"Diimpor tetapi tidak dihitung: {reason}"))
