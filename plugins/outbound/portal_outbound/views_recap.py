"""The programme recap for organisers: page, PDF and XLSX (one Report, three renderings)."""

from __future__ import annotations

from portal.sdk import Routes, access, flash_and, redirect_to, render, report_download
from portal_outbound import reports
from portal_outbound.scope import ORGANISERS
from portal_outbound.views import organised_or_404

routes = Routes()


@routes.route("/program/<int:programme_id>/rekap")
@access(*ORGANISERS)
def recap(programme_id: int):
    programme = organised_or_404(programme_id)
    return render("outbound/recap.html", p=programme, report=reports.build(programme))


@routes.route("/program/<int:programme_id>/rekap.<any(pdf, xlsx):fmt>")
@access(*ORGANISERS)
def recap_export(programme_id: int, fmt: str):
    programme = organised_or_404(programme_id)
    report = reports.build(programme)
    return report_download(report, fmt, flash_and(lambda: redirect_to("outbound.recap", programme_id=programme.id)))
