"""Report pages (/laporan/…): HTML with filters, and the same content as PDF and XLSX."""

from __future__ import annotations

from flask import Blueprint, current_app
from flask_login import current_user

from portal.access import ADMINS, ROLES, access
from portal.extensions import limiter
from portal.mechanisms.catalogue import mechanism_choices
from portal.pagination import page_number
from portal.reports import jobs, params
from portal.reports.download import report_download
from portal.reports.kinds import KINDS
from portal.web import redirect_to, render

bp = Blueprint("reports", __name__, url_prefix="/laporan")
UNIT_REPORTS = ("pimpinan_unit",) + ADMINS
PAGE_ROWS = 100


def _export_limit() -> str:
    return current_app.config.get("PORTAL_EXPORT_LIMIT", "10 per minute")


@bp.route("/")
@access(*ROLES)
def index():
    kinds = [k for k in KINDS.values() if not k.needs_unit or current_user.has_any(*UNIT_REPORTS)]
    return render("reports/index.html", kinds=kinds, endpoints=ENDPOINTS)


ENDPOINTS = {"transkrip": "reports.transcript", "rekap": "reports.recap", "mekanisme": "reports.mechanism"}


def _error(kind: str, message: str):
    return render("reports/page.html", kind=KINDS[kind], report=None, error=message, args={},
                  background=False,
                  units=[], mechanisms=[], page=None, endpoint=ENDPOINTS[kind]), 400


def _page(kind: str):
    try:
        report, args = KINDS[kind].build()
    except params.FilterError as error:
        return _error(kind, str(error))
    pages = max(1, -(-len(report.rows) // PAGE_ROWS))
    page = min(page_number(), pages)
    rows = report.rows[(page - 1) * PAGE_ROWS: page * PAGE_ROWS]
    needs_unit = KINDS[kind].needs_unit
    background = jobs.needs_job(kind, args, current_app.config["PORTAL_REPORT_JOB_EMPLOYEES"])
    return render("reports/page.html", block="report", kind=KINDS[kind], report=report, rows=rows,
                  background=background,
                  args=args, page={"page": page, "pages": pages, "total": len(report.rows)},
                  units=params.units() if needs_unit else [],
                  mechanisms=mechanism_choices() if kind == "mekanisme" else [], error=None,
                  endpoint=ENDPOINTS[kind])


def _export(kind: str, fmt: str):
    """The file, or for a large unit a background job that makes it (portal.reports.jobs)."""
    try:
        args = KINDS[kind].read()
    except params.FilterError as error:
        return _error(kind, str(error))
    if jobs.needs_job(kind, args, current_app.config["PORTAL_REPORT_JOB_EMPLOYEES"]):
        job = jobs.start_export(kind, args, fmt, current_user.id)
        return redirect_to("tasks.show", job_id=job.id)
    report = KINDS[kind].from_args(args)
    return report_download(report, fmt, lambda reason: _error(kind, reason))


@bp.route("/transkrip")
@access(*ROLES)
def transcript():
    return _page("transkrip")


@bp.route("/transkrip.<any(pdf, xlsx):fmt>")
@access(*ROLES)
@limiter.limit(_export_limit)
def transcript_export(fmt: str):
    return _export("transkrip", fmt)


@bp.route("/rekap")
@access(*UNIT_REPORTS)
def recap():
    return _page("rekap")


@bp.route("/rekap.<any(pdf, xlsx):fmt>")
@access(*UNIT_REPORTS)
@limiter.limit(_export_limit)
def recap_export(fmt: str):
    return _export("rekap", fmt)


@bp.route("/mekanisme")
@access(*UNIT_REPORTS)
def mechanism():
    return _page("mekanisme")


@bp.route("/mekanisme.<any(pdf, xlsx):fmt>")
@access(*UNIT_REPORTS)
@limiter.limit(_export_limit)
def mechanism_export(fmt: str):
    return _export("mekanisme", fmt)
