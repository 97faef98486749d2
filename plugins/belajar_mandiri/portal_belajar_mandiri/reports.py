"""Tabel 7 (BM-03), the HR unit's recap and the institution-level report (BM-04), built on the
core's report model: one Report rendered as a page, a PDF and an XLSX."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select

from portal.sdk import (
    MINISTRY,
    Employee,
    LedgerEntry,
    Report,
    ReportColumn,
    ReportPeriod,
    ReportRows,
    Signature,
    Unit,
    db,
    jp_number,
    number_rows,
    period_label,
    place_date,
    tanggal,
    totals_of,
)
from portal_belajar_mandiri.jp import SLUG, TITLE
from portal_belajar_mandiri.models import ASSIGNED, KESESUAIAN, AssignmentStatus, MandiriAssignment
from portal_belajar_mandiri.workflow import suggested

TABEL_7 = [ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
           ReportColumn("jabatan", "Jabatan"),
           ReportColumn("kompetensi", "Kompetensi Teknis yang Dikembangkan"),
           ReportColumn("target_kegiatan", "Target Kegiatan"), ReportColumn("jadwal", "Jadwal"),
           ReportColumn("kegiatan_terealisasi", "Kegiatan yang Terealisasi"),
           ReportColumn("kesesuaian", "Kesesuaian Realisasi dengan Jadwal"),
           ReportColumn("keterangan", "Keterangan")]
RECAP = [ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
         ReportColumn("unit", "Unit Kerja"), ReportColumn("kompetensi", "Kompetensi Teknis"),
         ReportColumn("periode", "Masa Belajar"), ReportColumn("status", "Status"),
         ReportColumn("kegiatan", "Kegiatan Terealisasi/Terjadwal"),
         ReportColumn("kesesuaian", "Kesesuaian (Monitoring Atasan)"),
         ReportColumn("monitoring", "Monitoring Diterima"), ReportColumn("laporan", "Laporan Pegawai"),
         ReportColumn("jp", "JP", True)]
INSTITUTION = [ReportColumn("no", "No", True), ReportColumn("nama", "Unit Organisasi"),
               ReportColumn("ditugaskan", "Pegawai Ditugaskan", True),
               ReportColumn("selesai", "Laporan Diterima", True),
               ReportColumn("monitoring", "Monitoring Diterima", True),
               ReportColumn("sesuai", "Realisasi Sesuai Jadwal", True),
               ReportColumn("jp", "JP", True)]


def instansi() -> str:
    return MINISTRY.title().replace(" Dan ", " dan ")


def tabel_7_values(a: MandiriAssignment) -> dict:
    """Columns 6–10 of one row: as the atasan saved them, else the employee's schedule."""
    row = a.monitoring
    values = ({k: getattr(row, k) for k in ("target_kegiatan", "jadwal", "kegiatan_terealisasi",
                                            "kesesuaian", "keterangan")}
              if row is not None else suggested(a))
    values["kesesuaian"] = KESESUAIAN.get(values["kesesuaian"], "")
    return values


def tabel_7(atasan: Employee, assignments: list[MandiriAssignment]) -> Report:
    rows = number_rows([{"nama": a.employee.nama, "nip": a.employee.nip,
                         "jabatan": a.employee.jabatan or a.employee.jenis_jabatan_label,
                         "kompetensi": a.kompetensi, **tabel_7_values(a)} for a in assignments])
    return Report(
        kind="tabel7", title="MONITORING BELAJAR MANDIRI",
        header=[("Instansi", instansi()), ("Satuan Kerja", atasan.unit.nama)],
        columns=list(TABEL_7), rows=rows,
        signatures=[Signature(place_date(), "Atasan Langsung,", atasan.nama, atasan.nip)],
        place_date=place_date(), notes=["Formulir monitoring belajar mandiri (Lamp. G Tabel 7, BM-03)."],
        filename=f"monitoring-belajar-mandiri-{atasan.nip}", column_numbers=True)


def overlapping(period: ReportPeriod):
    return (MandiriAssignment.tanggal_mulai <= period.end) & (MandiriAssignment.tanggal_selesai >= period.start)


def assignments_in(unit: Unit | None, period: ReportPeriod, limit: int = 5000) -> list[MandiriAssignment]:
    query = (select(MandiriAssignment).join(Unit, MandiriAssignment.unit_id == Unit.id)
             .join(Employee, MandiriAssignment.employee_id == Employee.id)
             .where(MandiriAssignment.status.in_(ASSIGNED), overlapping(period)))
    if unit is not None:
        query = query.where(Unit.path.startswith(unit.path, autoescape=True))
    return list(db.session.scalars(query.order_by(Unit.path, Employee.nama).limit(limit)))


def _jp(a: MandiriAssignment) -> Decimal | int:
    return a.ledger_entry.jp_counted if a.ledger_entry_id and a.ledger_entry else 0


def _recap_row(a: MandiriAssignment) -> dict:
    row = a.monitoring
    return {"nama": a.employee.nama, "nip": a.employee.nip, "unit": a.unit.nama,
            "kompetensi": a.kompetensi,
            "periode": f"{tanggal(a.tanggal_mulai)} – {tanggal(a.tanggal_selesai)}",
            "status": a.status_label, "kegiatan": f"{a.done_count}/{len(a.activities)}",
            "kesesuaian": row.kesesuaian_label if row and row.sent_at else "",
            "monitoring": tanggal(row.sent_at) if row and row.sent_at else "belum",
            "laporan": tanggal(a.reported_on) if a.reported_on else "belum",
            "jp": jp_number(_jp(a))}


def recap(unit: Unit | None, period: ReportPeriod) -> Report:
    """Tabel 6 pelaporan 2: the HR unit's recap of monitoring and reports."""
    rows = number_rows([_recap_row(a) for a in assignments_in(unit, period)])
    return Report(
        kind="rekap_bm", title="REKAPITULASI MONITORING DAN LAPORAN BELAJAR MANDIRI",
        header=[("Instansi", instansi()), ("Unit Kerja", unit.nama if unit else "Semua unit"),
                ("Periode", period_label(period))],
        columns=list(RECAP), rows=rows, totals=_totals(RECAP, rows),
        place_date=place_date(), notes=["Rekapitulasi unit pengembangan SDM (Lamp. G Tabel 6 "
                                        "tahapan pelaporan 2, BM-04)."],
        filename=f"rekap-belajar-mandiri-{period.start.isoformat()}-{period.end.isoformat()}")


def _totals(columns, rows) -> dict:
    return {k: (jp_number(v) if isinstance(v, Decimal) else v)
            for k, v in totals_of(columns, rows).items()}


def institution(period: ReportPeriod) -> Report:
    """Tabel 6 pelaporan 3: the institution-level report, one line per eselon I unit."""
    tops: dict[int, dict] = {}
    top_units = {u.id: u for u in db.session.scalars(select(Unit).where(Unit.parent_id.is_(None)))}
    for a in assignments_in(None, period):
        top_id = a.unit.ancestor_ids[0] if a.unit.ancestor_ids else a.unit_id
        top = top_units.get(top_id)
        line = tops.setdefault(top_id, {"nama": top.nama if top else a.unit.nama, "ditugaskan": 0,
                                        "selesai": 0, "monitoring": 0, "sesuai": 0,
                                        "jp": Decimal(0)})
        line["ditugaskan"] += 1
        line[AssignmentStatus.SELESAI] += a.status == AssignmentStatus.SELESAI
        sent = a.monitoring is not None and a.monitoring.sent_at is not None
        line["monitoring"] += sent
        line["sesuai"] += sent and a.monitoring.kesesuaian == "sesuai"
        line["jp"] += Decimal(_jp(a))
    rows = sorted(tops.values(), key=lambda r: r["nama"])
    for row in rows:
        row["jp"] = jp_number(row["jp"])
    rows = number_rows(rows)
    return Report(
        kind="lembaga_bm", title="LAPORAN PENGEMBANGAN KOMPETENSI TEKNIS MELALUI BELAJAR MANDIRI "
        "TINGKAT LEMBAGA", header=[("Instansi", instansi()), ("Periode", period_label(period))],
        columns=list(INSTITUTION), rows=rows, totals=_totals(INSTITUTION, rows),
        place_date=place_date(), notes=["Laporan tingkat lembaga (Lamp. G Tabel 6 tahapan "
                                        "pelaporan 3, BM-04)."],
        filename=f"laporan-lembaga-belajar-mandiri-{period.start.isoformat()}-{period.end.isoformat()}")


def report_rows(kind: str, unit: Unit, period: ReportPeriod) -> ReportRows | None:
    """``portal_report_rows``: JP per employee (rekap) and the assignments (mekanisme)."""
    if kind == "rekap":
        rows = db.session.execute(
            select(LedgerEntry.employee_id, func.sum(LedgerEntry.jp_counted))
            .join(Employee, LedgerEntry.employee_id == Employee.id)
            .join(Unit, Employee.unit_id == Unit.id)
            .where(Unit.path.startswith(unit.path, autoescape=True), LedgerEntry.mechanism == SLUG,
                   LedgerEntry.cancelled_at.is_(None), LedgerEntry.activity_date >= period.start,
                   LedgerEntry.activity_date <= period.end)
            .group_by(LedgerEntry.employee_id))
        return ReportRows(SLUG, TITLE, (ReportColumn("jp_belajar_mandiri", "JP Belajar Mandiri", True),),
                          tuple({"employee_id": e, "jp_belajar_mandiri": jp_number(total or 0)}
                                for e, total in rows))
    if kind == "mekanisme":
        columns = tuple(c for c in RECAP if c.key != "no")
        return ReportRows(SLUG, TITLE, columns,
                          tuple(_recap_row(a) for a in assignments_in(unit, period)))
    return None


def year_period(year: int) -> ReportPeriod:
    return ReportPeriod(dt.date(year, 1, 1), dt.date(year, 12, 31))

