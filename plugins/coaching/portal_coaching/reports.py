"""Rows for the core's reports (``portal_report_rows``) for the whole mechanism: both flows'
ledger rows, per activity type of ``jp.ACTIVITY_TYPES`` (CM-13, CU-02, CU-03).

Only counted JP and the ledger's own titles are reported — never the topics of coaching
sessions, which stay confidential (CM-01).
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from portal.sdk import Employee, LedgerEntry, ReportColumn, ReportPeriod, ReportRows, Unit, db, jp_number, tanggal
from portal_coaching.jp import ACTIVITY_TYPES, SLUG

TITLE = "Coaching dan Mentoring"
RECAP_COLUMNS = tuple(ReportColumn(kind, f"JP {label}", numeric=True) for kind, label in ACTIVITY_TYPES.items())
MECHANISM_COLUMNS = (ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"), ReportColumn("gol", "Gol"),
                     *RECAP_COLUMNS, ReportColumn("pertemuan", "Pertemuan dihitung", numeric=True),
                     ReportColumn("jumlah", "Jumlah JP", numeric=True))


def _in_scope(unit: Unit, period: ReportPeriod):
    return (Unit.path.startswith(unit.path, autoescape=True), LedgerEntry.mechanism == SLUG,
            LedgerEntry.cancelled_at.is_(None), LedgerEntry.activity_date >= period.start,
            LedgerEntry.activity_date <= period.end)


def jp_per_activity(unit: Unit, period: ReportPeriod) -> dict[int, dict]:
    """employee_id -> {nama, nip, gol, <activity type>: counted JP, pertemuan: counted rows}."""
    rows = db.session.execute(
        select(Employee.id, Employee.nama, Employee.nip, Employee.golongan, LedgerEntry.activity_type,
               func.sum(LedgerEntry.jp_counted), func.count(LedgerEntry.id).filter(LedgerEntry.counted))
        .join(LedgerEntry, LedgerEntry.employee_id == Employee.id).join(Unit, Employee.unit_id == Unit.id)
        .where(*_in_scope(unit, period))
        .group_by(Employee.id, Employee.nama, Employee.nip, Employee.golongan, LedgerEntry.activity_type))
    result: dict[int, dict] = {}
    for employee_id, nama, nip, gol, kind, total, meetings in rows:
        line = result.setdefault(employee_id, {"nama": nama, "nip": nip, "gol": gol or "-", "pertemuan": 0,
                                               **{k: Decimal(0) for k in ACTIVITY_TYPES}})
        if kind in ACTIVITY_TYPES:
            line[kind] += Decimal(total or 0)
            line["pertemuan"] += meetings or 0
    return result


def report_rows(kind: str, unit: Unit, period: ReportPeriod) -> ReportRows | None:
    if kind not in ("rekap", "mekanisme"):
        return None
    lines = jp_per_activity(unit, period)
    if kind == "rekap":
        rows = tuple({"employee_id": employee_id, **{k: jp_number(line[k]) for k in ACTIVITY_TYPES}}
                     for employee_id, line in lines.items())
        return ReportRows(SLUG, TITLE, RECAP_COLUMNS, rows)
    rows = []
    for line in sorted(lines.values(), key=lambda r: (r["nama"], r["nip"])):
        rows.append({"nama": line["nama"], "nip": line["nip"], "gol": line["gol"],
                     "pertemuan": line["pertemuan"], "jumlah": jp_number(sum(line[k] for k in ACTIVITY_TYPES)),
                     **{k: jp_number(line[k]) for k in ACTIVITY_TYPES}})
    return ReportRows(SLUG, f"{TITLE} (periode s.d. {tanggal(period.end)})", MECHANISM_COLUMNS, tuple(rows))
