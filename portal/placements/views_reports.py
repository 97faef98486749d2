"""The placement report (HTML, PDF, XLSX) and the development blocks page (MG-10, PT-08)."""

from __future__ import annotations

from flask import abort, flash, request
from flask_login import current_user
from sqlalchemy import select

from portal.access import ADMINS, SDM, access
from portal.assessments import skp
from portal.clock import today
from portal.exports import download
from portal.extensions import db
from portal.models import Employee, Unit
from portal.pagination import arg, page_number
from portal.placements import block
from portal.placements.errors import PlacementError
from portal.placements.kinds import kind_or_404
from portal.placements.models import STATUS, DevelopmentBlock
from portal.placements.reports import Filters, build
from portal.placements.views import NEED_ROLES, parse_date
from portal.reports import xlsx
from portal.reports.document import render as render_report_pdf
from portal.reports.pdf import PdfError
from portal.routes import Routes
from portal.scope import can_view_employee, viewable_employees
from portal.web import redirect_to, render, run_step

routes = Routes()


def _filters(spec) -> tuple[Filters, str]:
    problem = ""
    unit = None
    kode = arg("unit", max_length=30)
    if kode:
        unit = db.session.scalar(select(Unit).where(Unit.kode == kode))
        if unit is None:
            problem = f"Unit {kode} tidak ditemukan; laporan menampilkan semua unit dalam kewenangan Anda."
    try:
        start, end = parse_date(request.args.get("dari")), parse_date(request.args.get("sampai"))
    except PlacementError as error:
        start = end = None
        problem = str(error)
    return Filters(arg("status", tuple(STATUS)), unit, arg("host", tuple(c.key for c in spec.host_types)),
                   start, end), problem


@routes.route("/<kind>/laporan")
@access(*NEED_ROLES)
def report(kind: str):
    spec = kind_or_404(kind)
    filters, problem = _filters(spec)
    return render("placements/report.html", kind=spec, report=build(spec, current_user, filters), filters=filters,
                  statuses=STATUS, problem=problem)


@routes.route("/<kind>/laporan.pdf")
@access(*NEED_ROLES)
def report_pdf(kind: str):
    spec = kind_or_404(kind)
    report_ = build(spec, current_user, _filters(spec)[0])
    try:
        data = render_report_pdf(report_)
    except PdfError as error:
        flash(str(error), "error")
        return redirect_to("placements.report", kind=spec.slug)
    return download(data, f"{report_.filename}.pdf")


@routes.route("/<kind>/laporan.xlsx")
@access(*NEED_ROLES)
def report_xlsx(kind: str):
    spec = kind_or_404(kind)
    return xlsx.response(build(spec, current_user, _filters(spec)[0]))


# --------------------------------------------------------------------------- development blocks

@routes.route("/blokir")
@access(*ADMINS)
def blocks():
    q = arg("q")
    query = (select(DevelopmentBlock).join(Employee, DevelopmentBlock.employee_id == Employee.id)
             .join(Unit, Employee.unit_id == Unit.id).where(viewable_employees(current_user)))
    if q:
        query = query.where(Employee.nama.ilike(f"%{q}%") | Employee.nip.like(f"%{q}%"))
    page = db.paginate(query.order_by(DevelopmentBlock.cleared_on.is_not(None), DevelopmentBlock.starts_on.desc()),
                       page=page_number(), per_page=25, error_out=False)
    return render("placements/blocks.html", block="results", page=page, q=q, today=today(),
                  is_sdm=current_user.is_ministry_wide, describe=block.describe,
                  skp_since=skp.since)


@routes.route("/blokir/<int:block_id>/pulihkan", methods=["POST"])
@access(*SDM)
def block_clear(block_id: int):
    found = db.session.get(DevelopmentBlock, block_id)
    if found is None or not can_view_employee(current_user, found.employee):
        abort(404)
    return run_step(lambda: block.clear(found, current_user, parse_date(request.form.get("on_date")) or today(),
                                        request.form.get("note", ""), today()),
                    f"Blokir pengembangan {found.employee.nama} dipulihkan.", lambda: redirect_to("placements.blocks"))
