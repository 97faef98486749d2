"""The programme recap (page, PDF, XLSX on the core's report model) and the rows for the
core's reports (``portal_report_rows``)."""

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
    Unit,
    db,
    jp_number,
    number_rows,
    place_date,
    signatures,
    tanggal,
)
from portal_outbound.jp import GOALS, SLUG, TITLE
from portal_outbound.models import OutboundParticipant, OutboundProgramme, ProgrammeStatus
from portal_outbound.workflow import certificates_of

RECAP_TITLE = "REKAPITULASI PEMBELAJARAN ALAM TERBUKA (OUTBOUND)"
RECAP_COLUMNS = [
    ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
    ReportColumn("gol", "Gol"), ReportColumn("kehadiran", "Kehadiran"),
    ReportColumn("jp", "JP", True), ReportColumn("umpan_balik", "Nilai umpan balik (1–5)"),
    ReportColumn("sertifikat", "Nomor sertifikat"),
]
REKAP_COLUMN = ReportColumn(SLUG, "JP Outbound", numeric=True)
MEKANISME_COLUMNS = (
    ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"), ReportColumn("program", "Program"),
    ReportColumn("tanggal", "Tanggal"), ReportColumn("tempat", "Tempat"),
    ReportColumn("umpan_balik", "Umpan balik"), ReportColumn("jp", "JP dihitung", numeric=True),
)


def _period_text(programme: OutboundProgramme) -> str:
    if programme.tanggal_mulai == programme.tanggal_selesai:
        return tanggal(programme.tanggal_mulai)
    return f"{tanggal(programme.tanggal_mulai)} s.d. {tanggal(programme.tanggal_selesai)}"


def impact_lines(programme: OutboundProgramme, given: list) -> list[tuple[str, str]]:
    """Mean impact rating per targeted goal, from the feedback received (OB-01)."""
    lines = []
    for key in programme.tujuan.split(","):
        scores = [f.dampak[key] for f in given if key in (f.dampak or {})]
        if key in GOALS:
            mean = f"{sum(scores) / len(scores):.2f}" if scores else "—"
            lines.append((f"Dampak pada {GOALS[key].lower()}", mean))
    return lines


def build(programme: OutboundProgramme) -> Report:
    """One programme: who took part, attendance, JP counted, feedback score, certificate."""
    entries = {e.id: e for e in db.session.scalars(select(LedgerEntry).where(LedgerEntry.id.in_(
        [p.ledger_entry_id for p in programme.participants if p.ledger_entry_id])))}
    certificates = certificates_of(programme)
    people = sorted(programme.participants, key=lambda p: (p.employee.nama, p.employee.nip))
    rows = []
    for person in people:
        entry = entries.get(person.ledger_entry_id)
        certificate = certificates.get(person.ledger_entry_id)
        rows.append({"nama": person.employee.nama, "nip": person.employee.nip,
                     "gol": person.employee.golongan or "—", "kehadiran": person.attendance_label,
                     "jp": jp_number(entry.jp_counted) if entry else 0,
                     "umpan_balik": f"{person.feedback.average:g}" if person.feedback else "—",
                     "sertifikat": certificate.number if certificate else "—"})
    rows = number_rows(rows)
    present = [p for p in programme.participants if p.hadir]
    given = [p.feedback for p in present if p.feedback]
    mean = (sum(f.average for f in given) / len(given)) if given else None
    return Report(
        kind="outbound", title=RECAP_TITLE,
        header=[("Program", programme.judul), ("Unit penyelenggara", programme.unit.nama),
                ("Tanggal", _period_text(programme)), ("Tempat", programme.tempat),
                ("Fasilitator", programme.fasilitator),
                ("Tujuan (OB-01)", "; ".join(programme.goal_labels)),
                ("Metode (OB-01)", ", ".join(programme.activity_labels)),
                ("Sumber dana (G-07)", programme.funding_label),
                ("Status", programme.status_label)],
        columns=RECAP_COLUMNS, rows=rows,
        totals={"nama": "Jumlah", "jp": jp_number(sum(Decimal(str(r["jp"])) for r in rows))},
        signatures=signatures(programme.unit), place_date=place_date(),
        summary=[("Peserta", str(len(rows))), ("Hadir", str(len(present))),
                 ("Umpan balik masuk", f"{len(given)} dari {len(present)}"),
                 ("Rata-rata nilai umpan balik", f"{mean:.2f}" if mean is not None else "—"),
                 *impact_lines(programme, given)],
        notes=["JP per hari kegiatan adalah pengaturan lokal unit pengembangan SDM, bukan angka "
               "dari surat edaran (OB-01)."],
        filename=f"rekap-outbound-{programme.id}-{programme.tanggal_mulai.isoformat()}")


def _in_unit(unit: Unit):
    return Unit.path.startswith(unit.path, autoescape=True)


def _rekap(unit: Unit, period: ReportPeriod) -> ReportRows:
    rows = db.session.execute(
        select(LedgerEntry.employee_id, func.sum(LedgerEntry.jp_counted))
        .join(Employee, LedgerEntry.employee_id == Employee.id)
        .join(Unit, Employee.unit_id == Unit.id)
        .where(_in_unit(unit), LedgerEntry.mechanism == SLUG, LedgerEntry.cancelled_at.is_(None),
               LedgerEntry.activity_date >= period.start, LedgerEntry.activity_date <= period.end)
        .group_by(LedgerEntry.employee_id))
    return ReportRows(SLUG, TITLE, (REKAP_COLUMN,),
                      tuple({"employee_id": e, SLUG: jp_number(total or 0)} for e, total in rows))


def _mekanisme(unit: Unit, period: ReportPeriod) -> ReportRows:
    found = db.session.execute(
        select(OutboundParticipant, OutboundProgramme, Employee, LedgerEntry.jp_counted)
        .join(OutboundProgramme, OutboundParticipant.programme_id == OutboundProgramme.id)
        .join(Employee, OutboundParticipant.employee_id == Employee.id)
        .join(Unit, Employee.unit_id == Unit.id)
        .join(LedgerEntry, LedgerEntry.id == OutboundParticipant.ledger_entry_id)
        .where(_in_unit(unit), OutboundProgramme.status == ProgrammeStatus.SELESAI, LedgerEntry.cancelled_at.is_(None),
               OutboundProgramme.tanggal_selesai >= period.start, OutboundProgramme.tanggal_selesai <= period.end)
        .order_by(OutboundProgramme.tanggal_selesai, Employee.nama))
    rows = tuple({"nama": e.nama, "nip": e.nip, "program": p.judul, "tanggal": _period_text(p),
                  "tempat": p.tempat, "umpan_balik": "Sudah" if person.feedback else "Belum",
                  "jp": jp_number(jp)} for person, p, e, jp in found)
    return ReportRows(SLUG, TITLE, MEKANISME_COLUMNS, rows)


def report_rows(kind: str, unit: Unit, period: ReportPeriod) -> ReportRows | None:
    if kind == "rekap":
        return _rekap(unit, period)
    if kind == "mekanisme":
        return _mekanisme(unit, period)
    return None
