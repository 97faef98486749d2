"""Employee JP transcript for a year: every live ledger row, the 70:20:10 mix and the target."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.i18n import angka, tanggal
from portal.ledger import charts, service
from portal.ledger.numbers import jp_number
from portal.mechanisms.catalogue import activity_label, mechanism_title, role_label
from portal.models import Employee
from portal.models.certificate import Certificate
from portal.reports.model import Report, number_rows
from portal.reports.signers import place_date, signatures
from portal.types import ReportColumn

COLUMNS = [
    ReportColumn("no", "No", True), ReportColumn("tanggal", "Tanggal"),
    ReportColumn("mekanisme", "Mekanisme"), ReportColumn("kegiatan", "Jenis kegiatan"),
    ReportColumn("peran", "Peran"), ReportColumn("judul", "Judul"), ReportColumn("model", "Model"),
    ReportColumn("jp", "JP dihitung", True), ReportColumn("keterangan", "Keterangan"),
    ReportColumn("sertifikat", "Nomor sertifikat"),
]


def build(employee: Employee, year: int) -> Report:
    summary = service.year_summary(employee.id, year)
    entries = db.session.scalars(
        service.entries(employee.id, year, cancelled=False).order_by(None)
        .order_by(*_ascending())).all()
    numbers = dict(db.session.execute(
        select(Certificate.ledger_entry_id, Certificate.number).where(
            Certificate.employee_id == employee.id, Certificate.revoked_at.is_(None),
            Certificate.ledger_entry_id.is_not(None))).all())
    rows = number_rows([{
        "tanggal": tanggal(e.activity_date), "mekanisme": mechanism_title(e.mechanism),
        "kegiatan": activity_label(e.activity_type), "peran": role_label(e.role), "judul": e.title,
        "model": e.model, "jp": jp_number(e.jp_counted),
        "keterangan": "Dihitung" if e.counted else (e.reason or "Tidak dihitung"),
        "sertifikat": numbers.get(e.id, ""),
    } for e in entries])
    by_model = summary["by_model"]
    totals = {"judul": "Jumlah JP dihitung", "jp": summary["total_jp"]}
    return Report(
        kind="transkrip", title=f"TRANSKRIP JAM PELAJARAN (JP) PENGEMBANGAN KOMPETENSI TAHUN {year}",
        header=[("Nama", employee.nama), ("NIP", employee.nip), ("Golongan", employee.golongan or "-"),
                ("Jabatan", employee.jabatan or "-"), ("Unit Kerja", employee.unit.nama),
                ("Periode", f"1 Januari {year} s.d. 31 Desember {year}")],
        columns=COLUMNS, rows=rows, totals=totals, signatures=signatures(employee.unit),
        place_date=place_date(), chart=charts.model_mix(by_model),
        summary=[("JP model 70 (pengalaman)", angka(by_model["70"])),
                 ("JP model 20 (sosial)", angka(by_model["20"])),
                 ("JP model 10 (formal)", angka(by_model["10"])),
                 ("Jumlah JP dihitung", angka(summary["total_jp"])),
                 ("Target JP tahunan", angka(summary["target_jp"]))],
        filename=f"transkrip-jp-{employee.nip}-{year}",
    )


def _ascending():
    from portal.models import LedgerEntry

    return LedgerEntry.activity_date, LedgerEntry.id
