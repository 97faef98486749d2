"""Shared helpers for the certificate, verification and report tests."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from sqlalchemy import select

from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.ledger.service import credit
from portal.models import Account, Employee
from portal.types import CertificateContext, Participation, PluginInfo, ReportColumn, ReportRows

ACTIVITY_DAY = dt.date(2026, 3, 5)


def account_id(employee: Employee) -> int:
    return db.session.scalar(select(Account.id).where(Account.employee_id == employee.id))


def entry_for(employee: Employee, title: str = "Magang di Balai Teknik Jalan", jp: int = 8,
              mechanism: str = "magang", reference: str | None = None, day: dt.date = ACTIVITY_DAY,
              activity_type: str | None = None):
    entry = credit(Participation(
        employee_id=employee.id, mechanism=mechanism, activity_type=activity_type or mechanism,
        role="peserta", on_date=day, title=title, reference=reference or f"ref-{title}-{day}",
        jp_stated=jp))
    db.session.commit()
    return entry


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


class CertificatePlugin:
    """A mechanism plugin that states its own certificate content and report rows; a
    participation whose reference starts with ``gagal`` makes its hook fail (bulk tests)."""

    slug = "uji"

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title="Mekanisme Uji", model=20, description="Uji.")

    @hookimpl
    def portal_certificate_context(self, participation):
        if participation.mechanism != self.slug:
            return None
        if participation.reference.startswith("gagal"):
            raise RuntimeError("plugin gagal")
        return CertificateContext(
            programme_title=f"Program {participation.title}", mechanism_title="Mekanisme Uji",
            role_label="Coachee", start_date=participation.activity_date - dt.timedelta(days=56),
            end_date=participation.activity_date, jp=participation.jp_counted, model=20,
            extra_lines=("Delapan pertemuan coaching (CM-06)",))

    @hookimpl
    def portal_report_rows(self, kind, unit, period):
        if kind == "rekap":
            rows = tuple({"employee_id": e.id, "pertemuan": 3}
                         for e in db.session.scalars(select(Employee)) if e.unit.is_within(unit))
            return ReportRows(self.slug, "Mekanisme Uji",
                              (ReportColumn("pertemuan", "Pertemuan Uji", numeric=True),), rows)
        if kind == "mekanisme":
            return ReportRows(self.slug, "Mekanisme Uji",
                              (ReportColumn("topik", "Topik"), ReportColumn("jp", "JP", True)),
                              ({"topik": "=SUM(A1)", "jp": 2}, {"topik": "Topik kedua", "jp": 4}))
        return None
