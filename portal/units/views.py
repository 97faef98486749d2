"""Units: browse the tree, search, create, edit and move within the admin's scope."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select

from portal import authority
from portal.access import ADMINS, ROLES, access
from portal.audit import record
from portal.extensions import db
from portal.idempotency import once_per_form
from portal.models import Employee, Unit
from portal.models.unit import ESELON_LEVELS
from portal.pagination import arg, page_number
from portal.scope import can_manage_unit
from portal.units import service
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
    """Validate the form with the import's rules and save; None (with form errors) when refused."""
    raw = {name: form[name].data or "" for name in service.UNIT_COLUMNS}
    record_, errors = service.parse_unit(raw)
    clash = db.session.scalar(select(Unit).where(Unit.kode == record_.kode))
    if clash is not None and clash is not unit:
        errors.append(("kode", f"Kode {record_.kode} sudah dipakai unit {clash.nama}."))
    parent = None
    if record_.induk_kode:
        parent = db.session.scalar(select(Unit).where(Unit.kode == record_.induk_kode))
        if parent is None:
            errors.append(("induk_kode", f"Unit induk {record_.induk_kode} tidak ditemukan."))
        elif not can_manage_unit(current_user, parent):
            errors.append(("induk_kode", "Unit induk di luar kewenangan Anda."))
        elif unit is not None and parent.is_within(unit):
            errors.append(("induk_kode", "Unit tidak dapat dipindah ke bawah dirinya sendiri."))
    elif not current_user.is_ministry_wide and (unit is None or unit.parent_id is not None):
        errors.append(("induk_kode", "Hanya Admin SDM yang dapat membuat unit tingkat teratas."))
    head = None
    if record_.pimpinan_nip:
        head = db.session.scalar(select(Employee).where(Employee.nip == record_.pimpinan_nip))
        if head is None:
            errors.append(("pimpinan_nip", f"Pegawai dengan NIP {record_.pimpinan_nip} tidak ditemukan."))
    old_head = unit.head if unit else None
    if head is not None and (problem := authority.head_refusal(current_user, old_head, head)):
        errors.append(("pimpinan_nip", problem))
    for column, message in errors:
        form[column].errors = list(form[column].errors) + [message]
    if errors:
        return None
    before = _snapshot(unit) if unit else None
    if unit is None:
        unit = Unit(kode=record_.kode, nama=record_.nama, eselon=record_.eselon, parent=parent)
        db.session.add(unit)
        db.session.flush()
        unit.path = (parent.path if parent else "/") + f"{unit.id}/"
    else:
        if unit.parent_id != (parent.id if parent else None):
            service.move_unit(unit, parent)
        unit.kode, unit.nama, unit.eselon = record_.kode, record_.nama, record_.eselon
    unit.head_id = head.id if head else None
    authority.head_changed(unit, old_head, head)
    record("unit.create" if before is None else "unit.update", "unit", unit.kode, before,
           _snapshot(unit), summary=f"Unit {unit.kode} {unit.nama}")
    db.session.commit()
    return unit


def _snapshot(unit: Unit) -> dict:
    return {"kode": unit.kode, "nama": unit.nama, "eselon": unit.eselon,
            "induk": unit.parent.kode if unit.parent else None,
            "pimpinan": unit.head.nip if unit.head else None}


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
