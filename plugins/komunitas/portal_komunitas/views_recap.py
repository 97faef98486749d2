"""The komunitas recap (KB-10): page, PDF, XLSX; hand-in to the HR unit; who has handed in."""

from __future__ import annotations

from flask import flash, request
from flask_login import current_user
from sqlalchemy import select

from portal.sdk import (
    ADMINS,
    SDM,
    ReportPeriod,
    Routes,
    Unit,
    access,
    current_quarter,
    db,
    flash_and,
    period_label,
    redirect_to,
    render,
    report_download,
    today,
)
from portal.sdk import report_params as params
from portal_komunitas import reports
from portal_komunitas.models import RecapSubmission

routes = Routes()

UNIT_REPORTS = ("pimpinan_unit",) + ADMINS


def _filters():
    unit = params.unit()
    period = params.period()
    return unit, period


def _submitted(unit: Unit, period: ReportPeriod) -> RecapSubmission | None:
    return db.session.scalar(select(RecapSubmission).where(
        RecapSubmission.unit_id == unit.id, RecapSubmission.period_start == period.start,
        RecapSubmission.period_end == period.end))


@routes.route("/rekap")
@access(*UNIT_REPORTS)
def recap():
    try:
        unit, period = _filters()
    except params.FilterError as error:
        return render("komunitas/recap.html", report=None, error=str(error), units=params.units(),
                      args={}, submitted=None), 400
    report = reports.build(unit, period)
    args = {"unit": unit.id, "dari": period.start.isoformat(), "sampai": period.end.isoformat()}
    return render("komunitas/recap.html", report=report, error=None, units=params.units(),
                  args=args, unit=unit, submitted=_submitted(unit, period))


@routes.route("/rekap.<any(pdf, xlsx):fmt>")
@access(*UNIT_REPORTS)
def recap_export(fmt: str):
    try:
        unit, period = _filters()
    except params.FilterError as error:
        flash(str(error), "error")
        return redirect_to("komunitas.recap")
    report = reports.build(unit, period)
    return report_download(report, fmt, flash_and(lambda: redirect_to("komunitas.recap")))


@routes.route("/rekap/serahkan", methods=["POST"])
@access(*UNIT_REPORTS)
def submit_recap():
    try:
        unit = params.unit() if request.args.get("unit") else None
        period = params.period()
    except params.FilterError as error:
        flash(str(error), "error")
        return redirect_to("komunitas.recap")
    if unit is None:
        flash("Pilih unit kerja rekapitulasi yang diserahkan.", "error")
        return redirect_to("komunitas.recap")
    if _submitted(unit, period) is None:
        db.session.add(RecapSubmission(unit_id=unit.id, period_start=period.start,
                                       period_end=period.end, submitted_by_id=current_user.id))
        db.session.commit()
    flash(f"Rekapitulasi {unit.nama} periode {period_label(period)} diserahkan kepada unit "
          "pengembangan SDM (KB-10).", "success")
    return redirect_to("komunitas.recap", unit=unit.id, dari=period.start.isoformat(),
                       sampai=period.end.isoformat())


@routes.route("/rekap/status")
@access(*SDM)
def recap_status():
    try:
        period = params.period()
    except params.FilterError as error:
        flash(str(error), "error")
        period = current_quarter(today())
    from portal.sdk import clock
    from portal_komunitas.recap_duty import duties, grace_days

    rows = duties(period, clock.today())
    counts = {status: sum(1 for d in rows if d.status == status) for status in {d.status for d in rows}}
    return render("komunitas/recap_status.html", rows=rows, counts=counts, period=period,
                  label=period_label(period), grace=grace_days(period.end))
