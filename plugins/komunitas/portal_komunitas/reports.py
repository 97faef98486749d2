"""Rekapitulasi Pengembangan Kompetensi melalui Komunitas Belajar (KB-10), built on the core's
report model (portal/reports): one Report rendered as a page, a PDF and an XLSX."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from portal.sdk import (
    JP_HEADING,
    Employee,
    LedgerEntry,
    Report,
    ReportColumn,
    ReportPeriod,
    ReportRows,
    Unit,
    db,
    jp_number,
    number_rows,
    period_label,
    place_date,
    signatures,
    totals_of,
)
from portal_komunitas.jp import FORMS, SLUG

# The KB-10 form prints "JAM PELAJARAN (JP)" over the four forms; the core's one-line unit recap
# names the JP in each label.
FORM_COLUMNS = tuple(ReportColumn(form, label, numeric=True, group=JP_HEADING) for form, label in FORMS.items())
RECAP_COLUMNS = tuple(ReportColumn(form, f"JP {label}", numeric=True) for form, label in FORMS.items())
HEAD = [ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
        ReportColumn("gol", "Gol")]
TOTAL = ReportColumn("jumlah", "Jumlah Perolehan JP", True)
TITLE = "REKAPITULASI PENGEMBANGAN KOMPETENSI MELALUI KOMUNITAS BELAJAR"


def jp_per_form(unit: Unit, period: ReportPeriod) -> dict[int, dict]:
    """employee_id -> {nama, nip, gol, <form>: counted JP} for employees of ``unit``'s subtree
    with a komunitas row in the period (beyond-cap rows count 0)."""
    rows = db.session.execute(
        select(Employee.id, Employee.nama, Employee.nip, Employee.golongan,
               LedgerEntry.activity_type, func.sum(LedgerEntry.jp_counted))
        .join(LedgerEntry, LedgerEntry.employee_id == Employee.id)
        .join(Unit, Employee.unit_id == Unit.id)
        .where(Unit.path.startswith(unit.path, autoescape=True), LedgerEntry.mechanism == SLUG,
               LedgerEntry.cancelled_at.is_(None), LedgerEntry.activity_date >= period.start,
               LedgerEntry.activity_date <= period.end)
        .group_by(Employee.id, Employee.nama, Employee.nip, Employee.golongan,
                  LedgerEntry.activity_type))
    result: dict[int, dict] = {}
    for employee_id, nama, nip, gol, form, total in rows:
        line = result.setdefault(employee_id, {"nama": nama, "nip": nip, "gol": gol or "-",
                                               **{f: Decimal(0) for f in FORMS}})
        if form in FORMS:
            line[form] += Decimal(total or 0)
    return result


def build(unit: Unit, period: ReportPeriod) -> Report:
    lines = sorted(jp_per_form(unit, period).values(), key=lambda r: (r["nama"], r["nip"]))
    rows = []
    for line in lines:
        row = dict(line)
        row["jumlah"] = jp_number(sum(line[f] for f in FORMS))
        for form in FORMS:
            row[form] = jp_number(line[form])
        rows.append(row)
    columns = HEAD + list(FORM_COLUMNS) + [TOTAL]
    rows = number_rows(rows)
    totals = {k: (jp_number(v) if k != "nama" else v)
              for k, v in totals_of(columns, rows).items()}
    return Report(
        kind="komunitas", title=TITLE,
        header=[("Unit Kerja", unit.nama), ("Periode", period_label(period))],
        columns=columns, rows=rows, totals=totals, signatures=signatures(unit),
        place_date=place_date(),
        notes=["JP yang melebihi batas KB-06/KB-07 tidak dihitung (0)."],
        filename=f"rekap-komunitas-{unit.kode}-{period.start.isoformat()}-{period.end.isoformat()}")


def report_rows(kind: str, unit: Unit, period: ReportPeriod) -> ReportRows | None:
    """The four form columns for the core's unit recap (``portal_report_rows``)."""
    if kind != "rekap":
        return None
    rows = tuple({"employee_id": employee_id, **{f: jp_number(line[f]) for f in FORMS}}
                 for employee_id, line in jp_per_form(unit, period).items())
    return ReportRows(SLUG, "Komunitas Belajar", RECAP_COLUMNS, rows)
