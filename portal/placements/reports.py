"""The placement report: placements by status, unit, host type and period (HTML, PDF, XLSX),
and the rows a placement plugin feeds to the core's reports (``portal_report_rows``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from portal.extensions import db
from portal.i18n import tanggal
from portal.models import Account, Employee, Unit
from portal.placements import rules
from portal.placements.kinds import choice_label, kind_of
from portal.placements.models import OUTCOMES, STATUS, Placement
from portal.reports.model import Report, number_rows
from portal.reports.signers import signatures
from portal.types import PlacementKind, ReportColumn, ReportPeriod, ReportRows

COLUMNS = [ReportColumn("no", "No", numeric=True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
           ReportColumn("unit", "Unit peserta"), ReportColumn("penerima", "Instansi penerima"),
           ReportColumn("jenis", "Jenis penerima"), ReportColumn("lingkup", "Lingkup"),
           ReportColumn("mulai", "Mulai"), ReportColumn("selesai", "Selesai"), ReportColumn("status", "Status"),
           ReportColumn("hasil", "Hasil")]
MAX_ROWS = 5000


@dataclass(frozen=True)
class Filters:
    status: str = ""
    unit: Unit | None = None
    host_type: str = ""
    start: dt.date | None = None
    end: dt.date | None = None

    def args(self) -> dict:
        values = {"status": self.status, "unit": self.unit.kode if self.unit else "", "host": self.host_type,
                  "dari": self.start.isoformat() if self.start else "",
                  "sampai": self.end.isoformat() if self.end else ""}
        return {key: value for key, value in values.items() if value}


def _query(kind: PlacementKind, user: Account, filters: Filters):
    query = rules.visible_placements(user, kind.slug)
    if filters.status:
        query = query.where(Placement.status == filters.status)
    if filters.unit is not None:
        query = query.where(Unit.path.startswith(filters.unit.path, autoescape=True))
    if filters.host_type:
        query = query.where(Placement.host_type == filters.host_type)
    if filters.start:
        query = query.where(Placement.end_date >= filters.start)
    if filters.end:
        query = query.where(Placement.start_date <= filters.end)
    return query.order_by(Unit.path, Employee.nama, Placement.id).limit(MAX_ROWS)


def _row(kind: PlacementKind, placement: Placement) -> dict:
    return {"nama": placement.employee.nama, "nip": placement.employee.nip, "unit": placement.unit.nama,
            "penerima": placement.host_name or "—",
            "jenis": choice_label(kind.host_types, placement.host_type) if placement.host_type else "—",
            "lingkup": choice_label(kind.loci, placement.locus) if placement.locus else "—",
            "mulai": tanggal(placement.start_date) or "—", "selesai": tanggal(placement.end_date) or "—",
            "status": STATUS[placement.status][0], "hasil": OUTCOMES.get(placement.outcome, "—")}


def build(kind: PlacementKind, user: Account, filters: Filters) -> Report:
    placements = list(db.session.scalars(_query(kind, user, filters)))
    rows = number_rows([_row(kind, p) for p in placements])
    period = (f"{tanggal(filters.start) or 'awal'} s.d. {tanggal(filters.end) or 'sekarang'}"
              if filters.start or filters.end else "Semua periode")
    header = [("Unit", filters.unit.nama if filters.unit else "Semua unit dalam kewenangan Anda"),
              ("Periode", period),
              ("Status", STATUS[filters.status][0] if filters.status else "Semua status"),
              ("Jenis penerima", choice_label(kind.host_types, filters.host_type) if filters.host_type else "Semua")]
    counts = {label: sum(1 for p in placements if p.status == key) for key, (label, _) in STATUS.items()}
    summary = [(f"Jumlah {label.lower()}", str(count)) for label, count in counts.items()]
    signer_unit = filters.unit or user.employee.unit
    return Report(kind=f"penempatan_{kind.slug}", title=f"Laporan {kind.title}", header=header, columns=COLUMNS,
                  rows=rows, summary=summary, signatures=signatures(signer_unit),
                  filename=f"laporan-{kind.slug}")


def report_rows(kind_slug: str, report_kind: str, unit: Unit, period: ReportPeriod) -> ReportRows | None:
    """For ``portal_report_rows``: ``"mekanisme"`` lists the kind's placements of ``unit`` (and
    sub-units) that overlap ``period``."""
    kind = kind_of(kind_slug)
    if report_kind != "mekanisme" or kind is None:
        return None
    query = (select(Placement).join(Unit, Placement.unit_id == Unit.id)
             .join(Employee, Placement.employee_id == Employee.id)
             .where(Placement.kind == kind.slug, Unit.path.startswith(unit.path, autoescape=True),
                    Placement.start_date <= period.end, Placement.end_date >= period.start)
             .order_by(Employee.nama).limit(MAX_ROWS))
    rows = tuple({"employee_id": p.employee_id, **_row(kind, p)} for p in db.session.scalars(query))
    return ReportRows(kind.slug, kind.title, tuple(COLUMNS[1:]), rows)
