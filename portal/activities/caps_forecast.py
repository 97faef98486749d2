"""Which imported rows the ledger's caps will leave uncounted, forecast before anything is saved.

Choice: an in-memory simulation rather than a dry run in a rolled-back transaction. A dry run
costs as much as the import itself (the ledger credits one row at a time), which a browser
preview of a 100,000-row file cannot afford. The simulation does what
:func:`portal.ledger.caps.recompute` does for each touched (employee, month) — live rows in
(date, id) order, the file's rows after the existing ones, judged by the ledger's own cap
function through the bulk path's recount (:func:`portal.ledger.bulk.recount`, the one the
commit uses) — so it cannot disagree with the ledger about employee caps. It also shows existing
rows that an earlier-dated imported row pushes beyond a cap. Limitation: organiser caps
(KB-06) count only meetings already in the ledger for rows a plugin gives an organiser unit;
the fixed-types helper never does. The commit reports the ledger's actual result.
"""

from __future__ import annotations

from collections import defaultdict

from portal.activities.validation import WHOLE_ROW, Accepted, ActivityPreview
from portal.imports.validation import Problem
from portal.ledger import caps as cap_engine
from portal.ledger.bulk import Row, existing_rows, recount


def forecast(result: ActivityPreview) -> None:
    """Add to ``result`` a warning per imported row the caps will not count (with the cap's
    rule ID) and per existing row that will stop being counted; set ``not_counted`` and
    ``counted_jp``."""
    capped = {a.participation.mechanism for a in result.accepted
              if cap_engine.caps_for(a.participation.mechanism)}
    new_rows: dict[tuple, list[Row]] = defaultdict(list)
    for index, item in enumerate(result.accepted):
        p = item.participation
        if p.mechanism not in capped:
            _count(result, item, cap_engine.NO_JP_REASON if item.jp <= 0 else None)
            continue
        group = (p.employee_id, cap_engine.month_of(p.on_date))
        new_rows[group].append(Row((p.on_date, cap_engine.LAST_ID + index), p.mechanism,
                                   p.activity_type, p.role, p.organiser_unit_id, p.reference,
                                   item.rule_id, item.jp, index=index))
    if not new_rows:
        return
    changed = recount(new_rows, existing_rows(set(new_rows)))
    for rows in new_rows.values():
        for row in rows:
            item = result.accepted[row.index]
            if row.counted and row.jp_counted < item.jp:  # a JP budget counts it in part
                result.counted_jp += row.jp_counted
                result.row_warnings.append(Problem(item.row_number, WHOLE_ROW,
                                                   f"Diimpor, dihitung sebagian: {row.reason}"))
            else:
                _count(result, item, None if row.counted else row.reason)
    for row, (was_counted, *_) in changed:
        if was_counted and not row.counted:
            result.warnings.append(
                f"Entri buku JP #{row.entry_id} yang sudah tercatat tidak akan dihitung lagi "
                f"karena baris berkas bertanggal lebih awal: {row.reason}")


def _count(result: ActivityPreview, item: Accepted, reason: str | None) -> None:
    if reason is None:
        result.counted_jp += item.jp
        return
    result.not_counted += 1
    result.row_warnings.append(Problem(item.row_number, WHOLE_ROW,
                                       f"Diimpor tetapi tidak dihitung: {reason}"))
