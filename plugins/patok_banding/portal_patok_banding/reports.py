"""Reports: the programme's *laporan* (PB-05, page/PDF/XLSX through portal.reports) and the rows
for the core's unit recap and mechanism report (``portal_report_rows``)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from portal.sdk import (
    Employee,
    LedgerEntry,
    Report,
    ReportColumn,
    ReportPeriod,
    ReportRows,
    Signature,
    Unit,
    cost_total,
    db,
    funding_label,
    jp_number,
    number_rows,
    place_date,
    rupiah,
    tanggal,
    totals_of,
)
from portal_patok_banding.jp import SLUG, TITLE
from portal_patok_banding.models import PBParticipant, PBProgram

COLUMNS = [ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
           ReportColumn("jabatan", "Jabatan"), ReportColumn("peringkat", "Peringkat"),
           ReportColumn("diterima", "Surat penugasan diterima"),
           ReportColumn("hadir", "Kehadiran penuh (PB-03)"), ReportColumn("laporan", "Laporan (PB-05)"),
           ReportColumn("jp", "JP", True)]
JP_COLUMN = ReportColumn("jp_patok_banding", "JP Patok Banding", True)
MECHANISM_COLUMNS = (ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
                     ReportColumn("judul", "Kegiatan dan lembaga tujuan"),
                     ReportColumn("tanggal", "Tanggal"), ReportColumn("jp", "JP", True))


def _schedule(program: PBProgram) -> str:
    if program.tanggal_mulai is None:
        return "belum dijadwalkan"
    if program.tanggal_mulai == program.tanggal_selesai:
        return tanggal(program.tanggal_mulai)
    return f"{tanggal(program.tanggal_mulai)} – {tanggal(program.tanggal_selesai)}"


def _jp(person: PBParticipant) -> Decimal:
    if person.ledger_entry_id is None:
        return Decimal(0)
    entry = db.session.get(LedgerEntry, person.ledger_entry_id)
    return entry.jp_counted if entry is not None and entry.cancelled_at is None else Decimal(0)


def program_report(program: PBProgram) -> Report:
    """*Laporan pelaksanaan patok banding*: the programme and each assigned participant."""
    rows = []
    for person in program.selected:
        employee = person.employee
        rows.append({"nama": employee.nama, "nip": employee.nip, "jabatan": employee.jabatan or "-",
                     "peringkat": person.peringkat,
                     "diterima": tanggal(person.diterima_at) if person.diterima_at else "belum",
                     "hadir": "ya" if person.hadir_penuh else "tidak",
                     "laporan": person.report_label, "jp": jp_number(_jp(person))})
    rows = number_rows(rows)
    totals = totals_of(COLUMNS, rows)
    totals["jp"] = jp_number(sum((Decimal(str(r["jp"])) for r in rows), Decimal(0)))
    for key in ("no", "peringkat"):
        totals.pop(key, None)
    costs = (f"{rupiah(cost_total(program))} ({funding_label(program)})"
             if program.biaya_dicatat_at else "belum dicatat")
    head = program.pimpinan_nama
    return Report(
        kind="patok_banding", title="LAPORAN PELAKSANAAN PATOK BANDING (BENCHMARKING)",
        header=[("Kegiatan", program.judul), ("Unit organisasi peserta", program.unit.nama),
                ("Lembaga tujuan", program.lembaga_tujuan or "-"),
                ("Keunggulan komparatif (PB-04)", program.keunggulan_komparatif or "-"),
                ("Jadwal", _schedule(program)), ("Tempat", program.tempat or "-"),
                ("Surat penugasan", program.nomor_surat_penugasan or "-"),
                ("Biaya ditanggung unit peserta", costs), ("Tahapan (PB-01)", program.stage_label)],
        columns=COLUMNS, rows=rows, totals=totals,
        signatures=[Signature(place_date(), "Pimpinan Unit Organisasi Pengembangan SDM,",
                              head, program.pimpinan_nip)] if head else [],
        place_date=place_date(),
        notes=["Monitoring dan pelaporan mengikuti mekanisme pelatihan klasikal "
               "(SE Kepala BPSDM Nomor 04/SE/KM/2023; PB-05)."],
        filename=f"laporan-patok-banding-{program.id}")


def _credited(unit: Unit, period: ReportPeriod):
    return (select(Employee.id, Employee.nama, Employee.nip, LedgerEntry.title,
                   LedgerEntry.activity_date, LedgerEntry.jp_counted)
            .join(LedgerEntry, LedgerEntry.employee_id == Employee.id)
            .join(Unit, Employee.unit_id == Unit.id)
            .where(Unit.path.startswith(unit.path, autoescape=True), LedgerEntry.mechanism == SLUG,
                   LedgerEntry.cancelled_at.is_(None), LedgerEntry.activity_date >= period.start,
                   LedgerEntry.activity_date <= period.end))


def report_rows(kind: str, unit: Unit, period: ReportPeriod) -> ReportRows | None:
    """``rekap``: JP patok banding per employee; ``mekanisme``: one line per credited visit."""
    if kind == "rekap":
        query = _credited(unit, period).subquery()
        totals = db.session.execute(select(query.c.id, func.sum(query.c.jp_counted))
                                    .group_by(query.c.id))
        rows = tuple({"employee_id": employee_id, JP_COLUMN.key: jp_number(total or 0)}
                     for employee_id, total in totals)
        return ReportRows(SLUG, TITLE, (JP_COLUMN,), rows)
    if kind == "mekanisme":
        lines = db.session.execute(_credited(unit, period).order_by(LedgerEntry.activity_date,
                                                                    Employee.nama))
        rows = tuple({"nama": nama, "nip": nip, "judul": title, "tanggal": day,
                      "jp": jp_number(jp)}
                     for _id, nama, nip, title, day, jp in lines)
        return ReportRows(SLUG, TITLE, MECHANISM_COLUMNS, rows)
    return None
