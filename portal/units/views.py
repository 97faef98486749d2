"""Units: browse the tree, search, create, edit and move within the admin's scope."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select

from portal.access import ADMINS, ROLES, access
from portal.extensions import db
from portal.idempotency import once_per_form
from portal.models import Employee, Unit
from portal.models.unit import ESELON_LEVELS
from portal.pagination import arg, page_number
from portal.scope import can_manage_unit
from portal.units import editing, service
from portal.units.forms import UnitForm
from portal.web import render

bp = Blueprint("units", __name__, url_prefix="/unit")
PAGE_SIZE = 50


def _tree_order(units: list[Unit]) -> list[Unit]:
    """Depth-first order by kode, using each unit's ancestor chain."""
    by_id = {u.id: u for u in db.session.scalars(select(Unit))}

    def key(unit: Unit) -> tuple:
        return tuple(by_id[i].kode for i in unit.ancestor_ids if i in by_id)

    return sorted(units, key=key)


@bp.route("/")
@access(*ROLES)
def index():
    q, eselon = arg("q"), arg("eselon", ESELON_LEVELS)
    query = select(Unit)
    if q:
        like = f"%{q.lower()}%"
        query = query.where(or_(func.lower(Unit.nama).like(like), func.lower(Unit.kode).like(like)))
    if eselon:
        query = query.where(Unit.eselon == eselon)
    units = _tree_order(list(db.session.scalars(query)))
    page = page_number()
    total = len(units)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(page, pages)
    shown = units[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    counts = dict(db.session.execute(
        select(Employee.unit_id, func.count()).where(Employee.unit_id.in_([u.id for u in shown]))
        .group_by(Employee.unit_id)
    ).all())
    pager = {"page": page, "pages": pages, "total": total, "has_prev": page > 1,
             "has_next": page < pages, "prev_num": page - 1, "next_num": page + 1}
    can_create = current_user.has_any(*ADMINS)
    return render("units/index.html", block="results", units=shown, counts=counts, q=q,
                  eselon=eselon, levels=ESELON_LEVELS, page=pager, flat=bool(q or eselon),
                  can_create=can_create)


def _unit_or_404(unit_id: int) -> Unit:
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        abort(404)
    return unit


@bp.route("/<int:unit_id>")
@access(*ROLES)
def detail(unit_id: int):
    unit = _unit_or_404(unit_id)
    ancestors = [db.session.get(Unit, i) for i in unit.ancestor_ids[:-1]]
    staff_count = db.session.scalar(select(func.count()).where(Employee.unit_id == unit.id))
    return render("units/detail.html", unit=unit, ancestors=ancestors, staff_count=staff_count,
                  can_manage=can_manage_unit(current_user, unit))


def _apply(form: UnitForm, unit: Unit | None) -> Unit | None:
    """Save through :func:`portal.units.editing.save`; None (the problems on the form's fields)
    when refused."""
    raw = {name: form[name].data or "" for name in service.UNIT_COLUMNS}
    saved, problems = editing.save(raw, unit, current_user)
    for column, message in problems:
        form[column].errors = list(form[column].errors) + [message]
    if saved is not None:
        db.session.commit()
    return saved


@bp.route("/baru", methods=["GET", "POST"])
@access(*ADMINS)
@once_per_form
def create():
    form = UnitForm()
    if form.validate_on_submit() and (unit := _apply(form, None)):
        flash(f"Unit {unit.nama} dibuat.", "success")
        return redirect(url_for("units.detail", unit_id=unit.id))
    return render("units/form.html", form=form, unit=None)


@bp.route("/<int:unit_id>/ubah", methods=["GET", "POST"])
@access(*ADMINS)
def edit(unit_id: int):
    unit = _unit_or_404(unit_id)
    if not can_manage_unit(current_user, unit):
        abort(403)
    form = UnitForm(data={
        "kode": unit.kode, "nama": unit.nama, "eselon": unit.eselon,
        "induk_kode": unit.parent.kode if unit.parent else "",
        "pimpinan_nip": unit.head.nip if unit.head else "",
    })
    if form.validate_on_submit() and _apply(form, unit):
        flash(f"Unit {unit.nama} diperbarui.", "success")
        return redirect(url_for("units.detail", unit_id=unit.id))
    return render("units/form.html", form=form, unit=unit)
