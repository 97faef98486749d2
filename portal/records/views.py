"""Riwayat pengembangan: download the development records within the caller's units (CSV,
XLSX, JSON) and, for admin SDM, the mapping of mechanisms to the national kinds."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user
from sqlalchemy import select

from portal.access import ROLES, SDM, access
from portal.extensions import db
from portal.ledger.params import year_arg
from portal.ledger.team import can_filter_unit
from portal.mechanisms.catalogue import mechanism_title
from portal.models import Unit
from portal.records import files, mapping, service
from portal.scope import viewable_employees
from portal.web import redirect_to, render

bp = Blueprint("records", __name__, url_prefix="/riwayat-pengembangan")
PREVIEW_ROWS = 50


def _unit() -> tuple[Unit | None, str | None]:
    """The unit asked for (``?unit=KODE``) or None; a message when it is unknown or not ours."""
    kode = (request.args.get("unit") or "").strip()
    if not kode:
        return None, None
    unit = db.session.scalar(select(Unit).where(Unit.kode == kode)) if len(kode) <= 30 else None
    if unit is None:
        return None, f"Unit dengan kode {kode[:30]} tidak ditemukan."
    if not can_filter_unit(current_user, unit):
        return None, f"Unit {unit.kode} di luar kewenangan Anda."
    return unit, None


@bp.route("/")
@access(*ROLES)
def index():
    year = year_arg()
    unit, problem = _unit()
    records = [] if problem else service.fetch(viewable_employees(current_user), year=year,
                                               unit=unit)
    return render("records/index.html", year=year, unit=unit, problem=problem,
                  unit_text=(request.args.get("unit") or "")[:30], records=records[:PREVIEW_ROWS],
                  total=len(records)), 422 if problem else 200


@bp.route("/unduh.<any(csv, xlsx, json):fmt>")
@access(*ROLES)
def download(fmt: str):
    year = year_arg()
    unit, problem = _unit()
    if problem:
        abort(404)
    records = service.fetch(viewable_employees(current_user), year=year, unit=unit)
    name = f"riwayat-pengembangan-{unit.kode if unit else 'semua'}-{year}"
    return files.response(fmt, records, name)


@bp.route("/pemetaan", methods=["GET", "POST"])
@access(*SDM)
def kinds():
    values, problems = mapping.kind_map(), {}
    if request.method == "POST":
        values = {slug: request.form.get(slug, values[slug]) for slug in mapping.mechanisms()}
        problems = mapping.save(values, current_user.id)
        if not problems:
            db.session.commit()
            flash("Pemetaan jenis riwayat pengembangan disimpan.", "success")
            return redirect_to("records.kinds")
        db.session.rollback()
    rows = [(slug, mechanism_title(slug)) for slug in mapping.mechanisms()]
    return render("records/kinds.html", rows=rows, values=values, problems=problems,
                  kinds=mapping.NATIONAL_KINDS), 422 if problems else 200
