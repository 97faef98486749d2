"""Admin pages to switch installed mechanisms on or off per unit subtree."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select

from portal.access import ADMINS, access
from portal.extensions import db
from portal.mechanisms.switches import set_switch, switch_states
from portal.models import Unit
from portal.pagination import arg
from portal.plugins import registry
from portal.scope import can_manage_unit, manageable_units
from portal.web import render

bp = Blueprint("mechanisms", __name__, url_prefix="/mekanisme")
STATES = ("on", "off", "inherit")


@bp.route("/")
@access(*ADMINS)
def index():
    q = arg("q")
    query = select(Unit).where(manageable_units(current_user))
    if q:
        query = query.where(or_(func.lower(Unit.nama).like(f"%{q.lower()}%"), Unit.kode == q))
    else:
        depth_roots = [u for u in db.session.scalars(query.order_by(Unit.kode))]
        shallowest = min((u.depth for u in depth_roots), default=0)
        units = [u for u in depth_roots if u.depth <= shallowest + 1]
        return render("mechanisms/index.html", block="results", units=units[:200], q=q,
                      installed=registry().installed())
    units = db.session.scalars(query.order_by(Unit.kode).limit(200)).all()
    return render("mechanisms/index.html", block="results", units=units, q=q, installed=registry().installed())


def _managed_unit(unit_id: int) -> Unit:
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        abort(404)
    if not can_manage_unit(current_user, unit):
        abort(403)
    return unit


@bp.route("/unit/<int:unit_id>")
@access(*ADMINS)
def unit(unit_id: int):
    unit = _managed_unit(unit_id)
    return render("mechanisms/unit.html", block="switches", unit=unit, states=switch_states(unit))


@bp.route("/unit/<int:unit_id>/<slug>", methods=["POST"])
@access(*ADMINS)
def switch(unit_id: int, slug: str):
    unit = _managed_unit(unit_id)
    state = request.form.get("state", "")
    if slug not in registry().slugs():
        abort(404)
    if state not in STATES:
        flash("Pilihan status mekanisme tidak dikenal.", "error")
        return redirect(url_for("mechanisms.unit", unit_id=unit.id))
    set_switch(unit, slug, state, current_user.id)
    db.session.commit()
    title = registry().info(slug).title
    message = {"on": "diaktifkan", "off": "dinonaktifkan", "inherit": "mengikuti unit induk"}[state]
    flash(f"{title} {message} untuk {unit.nama} beserta sub-unitnya.", "success")
    return redirect(url_for("mechanisms.unit", unit_id=unit.id))
