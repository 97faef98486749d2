"""Bulk issue: filter ledger rows, start a job, watch its progress, download the ZIP."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, request, stream_with_context
from flask_login import current_user
from sqlalchemy import func, select

from portal.access import ADMINS, access
from portal.certificates import bulk, document, jobs
from portal.certificates.bulk import BulkFilter
from portal.exports import download as file_download
from portal.extensions import db, limiter
from portal.ledger.numbers import jp_number
from portal.mechanisms.catalogue import mechanism_choices, mechanism_title
from portal.models import LedgerEntry, Unit
from portal.models.certificate import CertificateJob
from portal.pagination import parse_date_text, parse_id
from portal.scope import can_manage_unit, manageable_units
from portal.web import redirect_to, render

bp = Blueprint("certificate_bulk", __name__, url_prefix="/sertifikat/massal")
PREVIEW = 50


def _date(values, name: str, errors: list[str]) -> dt.date | None:
    value, problem = parse_date_text(values.get(name))
    if problem:
        errors.append(problem)
    return value


def _filter(values) -> tuple[BulkFilter, list[str]]:
    errors: list[str] = []
    mechanisms = {slug for slug, _ in mechanism_choices()}
    mechanism = (values.get("mekanisme") or "").strip()
    if mechanism and mechanism not in mechanisms:
        errors.append("Mekanisme tidak dikenal.")
        mechanism = ""
    unit = None
    unit_raw = (values.get("unit") or "").strip()
    if unit_raw:
        unit = db.session.get(Unit, unit_id) if (unit_id := parse_id(unit_raw)) else None
        if unit is None or not can_manage_unit(current_user, unit):
            errors.append("Unit tidak ditemukan dalam lingkup Anda.")
            unit = None
    start, end = _date(values, "dari", errors), _date(values, "sampai", errors)
    if start and end and end < start:
        errors.append("Tanggal akhir sebelum tanggal awal.")
    return BulkFilter(mechanism, unit, start, end), errors


def _units() -> list[Unit]:
    return list(db.session.scalars(select(Unit).where(manageable_units(current_user)).order_by(Unit.path)))


def _page(flt: BulkFilter, errors: list[str], status: int = 200):
    query = bulk.candidates(current_user, flt)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) if not errors else 0
    preview = db.session.scalars(query.limit(PREVIEW)).all() if not errors else []
    recent = db.session.scalars(select(CertificateJob).where(CertificateJob.created_by_id == current_user.id)
                                .order_by(CertificateJob.id.desc()).limit(10)).all()
    return render("certificates/bulk.html", flt=flt, errors=errors, total=total, preview=preview,
                  units=_units(), mechanisms=mechanism_choices(), recent=recent,
                  max_items=jobs.MAX_ITEMS, mech_title=mechanism_title, jp=jp_number), status


@bp.route("/")
@access(*ADMINS)
def index():
    flt, errors = _filter(request.args)
    return _page(flt, errors)


@bp.route("/mulai", methods=["POST"])
@access(*ADMINS)
@limiter.limit(lambda: current_app.config.get("PORTAL_BULK_LIMIT", "10 per minute"))
def start():
    flt, errors = _filter(request.form)
    if errors:
        return _page(flt, errors, 400)
    query = bulk.candidates(current_user, flt).with_only_columns(LedgerEntry.id)
    ids = list(db.session.scalars(query.limit(jobs.MAX_ITEMS + 1)))
    try:
        job = jobs.start_bulk(ids, current_user.id, base_url=document.base_url(),
                              description=flt.describe())
    except jobs.JobError as error:
        return _page(flt, [str(error)], 400)
    jobs.launch(job)
    return redirect_to("certificate_bulk.job", job_id=job.id)


def _job_or_404(job_id: int) -> CertificateJob:
    job = db.session.get(CertificateJob, job_id)
    if job is None or not (job.created_by_id == current_user.id or current_user.is_ministry_wide):
        abort(404)
    return job


@bp.route("/<int:job_id>")
@access(*ADMINS)
def job(job_id: int):
    job = _job_or_404(job_id)
    return render("certificates/job.html", job=job, errors=jobs.errors(job.id))


@bp.route("/<int:job_id>/status")
@access(*ADMINS)
def status(job_id: int):
    job = _job_or_404(job_id)
    return render("certificates/_job_status.html", job=job, errors=jobs.errors(job.id))


@bp.route("/<int:job_id>/sertifikat.zip")
@access(*ADMINS)
@limiter.limit(lambda: current_app.config.get("PORTAL_BULK_LIMIT", "10 per minute"))
def download(job_id: int):
    job = _job_or_404(job_id)
    ids = bulk.job_certificates(job.id)
    if not ids:
        abort(404)
    return file_download(stream_with_context(bulk.zip_stream(ids)), f"sertifikat-massal-{job.id}.zip")
