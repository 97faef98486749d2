"""The mechanism report: what a plugin reports for its mechanism (``portal_report_rows`` with
kind ``"mekanisme"``); without a plugin answer, the ledger rows of that mechanism."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.i18n import tanggal
from portal.ledger.numbers import jp_number
from portal.mechanisms.catalogue import activity_label, mechanism_title, role_label
from portal.models import Employee, LedgerEntry, Unit
from portal.reports.model import Report, number_rows, totals_of
from portal.reports.plugin_rows import contributions
from portal.reports.recap import period_label
from portal.reports.signers import place_date, signatures
from portal.types import ReportColumn, ReportPeriod

NO = ReportColumn("no", "No", True)
LEDGER_COLUMNS = [NO, ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
                  ReportColumn("tanggal", "Tanggal"), ReportColumn("kegiatan", "Jenis kegiatan"),
                  ReportColumn("peran", "Peran"), ReportColumn("judul", "Judul"),
                  ReportColumn("jp", "JP dihitung", True)]


def _ledger_rows(unit: Unit, period: ReportPeriod, slug: str) -> list[dict]:
    result = db.session.execute(
        select(LedgerEntry, Employee.nama, Employee.nip)
        .join(Employee, LedgerEntry.employee_id == Employee.id).join(Unit, Employee.unit_id == Unit.id)
        .where(Unit.path.startswith(unit.path, autoescape=True), LedgerEntry.mechanism == slug,
               LedgerEntry.cancelled_at.is_(None), LedgerEntry.activity_date >= period.start,
               LedgerEntry.activity_date <= period.end)
        .order_by(LedgerEntry.activity_date, Employee.nama, LedgerEntry.id))
    return [{"nama": nama, "nip": nip, "tanggal": tanggal(e.activity_date),
             "kegiatan": activity_label(e.activity_type), "peran": role_label(e.role),
             "judul": e.title, "jp": jp_number(e.jp_counted)} for e, nama, nip in result]


def build(unit: Unit, period: ReportPeriod, slug: str) -> Report:
    part = next((p for p in contributions("mekanisme", unit, period) if p.slug == slug), None)
    if part is not None:
        columns = [NO] + [c for c in part.columns if c.key != "no"]
        rows = [{c.key: row.get(c.key, "") for c in columns if c.key != "no"} for row in part.rows]
        title, notes = part.title, []
    else:
        columns, rows = LEDGER_COLUMNS, _ledger_rows(unit, period, slug)
        title, notes = mechanism_title(slug), ["Disusun dari catatan JP (buku besar) mekanisme ini."]
    rows = number_rows(rows)
    label_key = next((c.key for c in columns if not c.numeric), "nama")
    totals = totals_of(columns, rows, label_key)
    return Report(
        kind="mekanisme", title=f"LAPORAN MEKANISME {title.upper()}",
        header=[("Unit Kerja", unit.nama), ("Periode", period_label(period)),
                ("Mekanisme", mechanism_title(slug))],
        columns=columns, rows=rows, totals={k: jp_number(v) if isinstance(v, (int, float)) else v
                                            for k, v in totals.items()},
        signatures=signatures(unit), place_date=place_date(), notes=notes,
        filename=f"laporan-{slug}-{unit.kode}-{period.start.isoformat()}-{period.end.isoformat()}",
    )
