"""Recalculating ledger rows after a setting changed: an explicit preview, then apply.

A new setting version never rewrites history by itself. The admin picks a mechanism and a
period; :func:`preview` recomputes every live row's JP with the settings in force on each
row's date and lists the rows whose JP or rule would change (old → new); :func:`apply` does
exactly that list — or refuses when the data changed since the preview (``digest``) — then
re-applies the caps of every touched (employee, month) and audits each row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from portal.audit import record
from portal.extensions import db
from portal.ledger import caps as cap_engine
from portal.ledger.locks import lock_ledger
from portal.ledger.models import LedgerEntry
from portal.ledger.numbers import jp_number, to_jp
from portal.ledger.service import LedgerError, compute_jp
from portal.models import Employee
from portal.rule_settings.versions import JPSettings, VersionCache
from portal.types import Participation

MAX_DAYS = 3 * 366  # one request recomputes at most about three years of one mechanism


@dataclass(frozen=True)
class RecalcChange:
    entry_id: int
    employee_id: int
    employee_nama: str
    nip: str
    activity_date: dt.date
    activity_type: str
    role: str
    title: str
    old_jp: Decimal
    new_jp: Decimal
    old_rule: str
    new_rule: str
    explanation: str
    version_id: int | None


@dataclass
class Preview:
    changes: list[RecalcChange] = field(default_factory=list)
    unchanged: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    @property
    def digest(self) -> str:
        text = ";".join(f"{c.entry_id}:{c.old_jp}:{c.new_jp}:{c.old_rule}:{c.new_rule}"
                        for c in self.changes)
        return hashlib.sha256(text.encode()).hexdigest()[:32]


def _rows(mechanism: str, start: dt.date, end: dt.date):
    return db.session.execute(
        select(LedgerEntry.id, LedgerEntry.employee_id, LedgerEntry.mechanism,
               LedgerEntry.activity_type, LedgerEntry.role, LedgerEntry.activity_date,
               LedgerEntry.title, LedgerEntry.reference, LedgerEntry.jp_stated,
               LedgerEntry.organiser_unit_id, LedgerEntry.source, LedgerEntry.jp_claimed,
               LedgerEntry.rule_id, Employee.nama, Employee.nip)
        .join(Employee, Employee.id == LedgerEntry.employee_id)
        .where(LedgerEntry.mechanism == mechanism, LedgerEntry.activity_date >= start,
               LedgerEntry.activity_date <= end, LedgerEntry.cancelled_at.is_(None))
        .order_by(LedgerEntry.activity_date, LedgerEntry.id)
        .execution_options(yield_per=2000)
    )


def preview(mechanism: str, start: dt.date, end: dt.date, materialise: bool = False) -> Preview:
    """Rows of ``mechanism`` dated ``start``…``end`` whose JP or rule would change now."""
    result = Preview()
    cache = VersionCache()
    for row in _rows(mechanism, start, end):
        participation = Participation(
            employee_id=row.employee_id, mechanism=row.mechanism, activity_type=row.activity_type,
            role=row.role, on_date=row.activity_date, title=row.title, reference=row.reference,
            jp_stated=row.jp_stated, organiser_unit_id=row.organiser_unit_id, source=row.source)
        settings = JPSettings(row.mechanism, row.activity_date, cache, materialise=materialise)
        try:
            computed, version_id = compute_jp(participation, settings)
            new_jp = to_jp(computed.jp)
        except (LedgerError, ValueError) as error:
            result.failed.append((row.id, str(error)))
            continue
        if new_jp == row.jp_claimed and computed.rule_id == row.rule_id:
            result.unchanged += 1
            continue
        result.changes.append(RecalcChange(
            row.id, row.employee_id, row.nama, row.nip, row.activity_date, row.activity_type,
            row.role, row.title, row.jp_claimed, new_jp, row.rule_id, computed.rule_id[:20],
            (computed.explanation or "")[:300], version_id))
    return result


def apply(mechanism: str, start: dt.date, end: dt.date, digest: str,
          actor_id: int | None) -> int:
    """Apply the previewed changes (same ``digest``); return how many rows changed.

    :raises LedgerError: when the preview no longer matches the data.
    """
    lock_ledger()
    current = preview(mechanism, start, end, materialise=True)
    if current.digest != digest:
        raise LedgerError("Data berubah sejak pratinjau dibuat. Periksa pratinjau terbaru lalu "
                          "konfirmasi lagi.")
    groups: set[tuple[int, int]] = set()
    for change in current.changes:
        entry = db.session.get(LedgerEntry, change.entry_id)
        entry.jp_claimed = change.new_jp
        entry.rule_id = change.new_rule
        entry.explanation = change.explanation
        entry.setting_version_id = change.version_id
        # A new JP never changes which meetings an organiser cap counts: own months only.
        groups.add((entry.employee_id, cap_engine.month_of(entry.activity_date)))
        groups |= {(entry.employee_id, later) for later in cap_engine.later_months_of_year(
            entry.employee_id, entry.mechanism, entry.activity_type, entry.role, entry.activity_date)}
        record("jp.recalculate", "jp_ledger_entry", entry.id,
               {"jp_claimed": jp_number(change.old_jp), "rule_id": change.old_rule},
               {"jp_claimed": jp_number(change.new_jp), "rule_id": change.new_rule,
                "setting_version_id": change.version_id},
               summary=f"JP entri #{entry.id} ({mechanism}) dihitung ulang: "
                       f"{jp_number(change.old_jp)} → {jp_number(change.new_jp)}",
               actor_id=actor_id)
    db.session.flush()
    recalculated = {change.entry_id for change in current.changes}
    for employee_id, month in sorted(groups):
        for changed in cap_engine.recompute(employee_id, month):
            entry = changed.entry
            if changed.old_counted == entry.counted and entry.id in recalculated:
                continue  # only the JP moved: already audited as jp.recalculate
            record("jp.recount", "jp_ledger_entry", entry.id,
                   {"counted": changed.old_counted, "jp_counted": jp_number(changed.old_jp_counted)},
                   {"counted": entry.counted, "jp_counted": jp_number(entry.jp_counted)},
                   summary=f"Perhitungan JP entri #{entry.id} berubah setelah hitung ulang",
                   actor_id=actor_id)
    return len(current.changes)
