"""Unit recap for a period (KB-10 *Rekapitulasi*): per employee No, Nama, NIP, Gol, the JP
columns plugins add (e.g. the four forms of komunitas belajar), JP per model and in total."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from portal.extensions import db
from portal.i18n import tanggal
from portal.ledger import rollup
from portal.ledger.numbers import jp_number
from portal.models import Employee, Unit
from portal.reports.model import Report, number_rows, totals_of
from portal.reports.plugin_rows import plugin_rows
from portal.reports.signers import place_date, signatures
from portal.types import ReportColumn, ReportPeriod

HEAD = [ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
        ReportColumn("gol", "Gol")]
MODELS = [ReportColumn("jp70", "JP 70", True), ReportColumn("jp20", "JP 20", True),
          ReportColumn("jp10", "JP 10", True)]
TOTAL = ReportColumn("jumlah", "Jumlah Perolehan JP", True)


def period_label(period: ReportPeriod) -> str:
    return f"{tanggal(period.start)} s.d. {tanggal(period.end)}"


def build(unit: Unit, period: ReportPeriod) -> Report:
    in_unit = Unit.path.startswith(unit.path, autoescape=True)
    employees = db.session.execute(
        select(Employee.id, Employee.nama, Employee.nip, Employee.golongan)
        .join(Unit, Employee.unit_id == Unit.id).where(in_unit).order_by(Employee.nama, Employee.nip)
    ).all()
    in_scope = select(Employee.id).join(Unit, Employee.unit_id == Unit.id).where(in_unit)
    jp = rollup.jp_by_model(in_scope, period.start, period.end)
    extra_columns, extra_values = plugin_rows("rekap", unit, period)
    rows = []
    for employee_id, nama, nip, gol in employees:
        models = {m: jp.get((employee_id, m), Decimal(0)) for m in (70, 20, 10)}
        row = {"nama": nama, "nip": nip, "gol": gol or "-",
               "jp70": jp_number(models[70]), "jp20": jp_number(models[20]),
               "jp10": jp_number(models[10]), "jumlah": jp_number(sum(models.values()))}
        for column in extra_columns:
            row[column.key] = extra_values.get(employee_id, {}).get(column.key, 0 if column.numeric else "")
        rows.append(row)
    columns = HEAD + extra_columns + MODELS + [TOTAL]
    rows = number_rows(rows)
    return Report(
        kind="rekap", title="REKAPITULASI PENGEMBANGAN KOMPETENSI MODEL 70:20:10",
        header=[("Unit Kerja", unit.nama), ("Periode", period_label(period))],
        columns=columns, rows=rows, totals=_jp_totals(columns, rows),
        signatures=signatures(unit), place_date=place_date(),
        filename=f"rekap-jp-{unit.kode}-{period.start.isoformat()}-{period.end.isoformat()}",
    )


def _jp_totals(columns: list[ReportColumn], rows: list[dict]) -> dict:
    totals = totals_of(columns, rows)
    return {key: jp_number(value) if key != "nama" else value for key, value in totals.items()}
