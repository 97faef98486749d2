"""Generic placement pages under /penempatan/<kind>/: list, needs and candidates, detail."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, request
from flask_login import current_user
from sqlalchemy import or_, select

from portal.access import ADMINS, ROLES, access
from portal.clock import today
from portal.costs import CostForm
from portal.eligibility.service import check
from portal.extensions import db
from portal.idempotency import once_per_form
from portal.models import Employee, Unit
from portal.nip import normalise
from portal.pagination import arg, page_number
from portal.placements import rules
from portal.placements.actions import allowed_actions
from portal.placements.block import blocks_of
from portal.placements.errors import PlacementError
from portal.placements.kinds import choice_label, kind_or_404
from portal.placements.models import (
    CAUSES,
    FOLLOWUPS,
    JUSTIFICATION,
    NEED_STATUS,
    NOTE_ACTIONS,
    NOTE_ROLES,
    OUTCOMES,
    STATUS,
    Placement,
    PlacementNeed,
    PlacementStatus,
)
from portal.placements.monitoring import periods
from portal.placements.outcome import competencies
from portal.placements.schedule import CADENCES, stage_plan
from portal.placements.service import create_need, eligibility_context, missing_to_start
from portal.plans.rules import BASES
from portal.scope import manageable_units
from portal.uploads import send_stored
from portal.web import redirect_to, render, run_step

bp = Blueprint("placements", __name__, url_prefix="/penempatan")
NEED_ROLES = (*ADMINS, "pimpinan_unit")


def placement_or_404(kind, placement_id: int) -> Placement:
    placement = db.session.get(Placement, placement_id)
    if placement is None or placement.kind != kind.slug or not rules.can_view(current_user, placement):
        abort(404)
    return placement


def need_or_404(kind, need_id: int) -> PlacementNeed:
    need = db.session.get(PlacementNeed, need_id)
    if need is None or need.kind != kind.slug or not rules.can_view_need(current_user, need):
        abort(404)
    return need


def employee_by_nip(raw: str) -> Employee | None:
    nip = normalise(raw or "")[:18]
    return db.session.scalar(select(Employee).where(Employee.nip == nip)) if nip else None


@bp.app_template_global()
def placement_profile(employee: Employee) -> dict:
    """Development blocks and gained competencies for the employee page (MG-10, MG-11)."""
    from portal.placements.models import EmployeeCompetency

    gained = list(db.session.scalars(select(EmployeeCompetency).where(
        EmployeeCompetency.employee_id == employee.id).order_by(EmployeeCompetency.gained_on.desc())))
    from portal.placements.models import PlacementFollowup

    followups = list(db.session.scalars(select(PlacementFollowup).join(Placement).where(
        Placement.employee_id == employee.id).order_by(PlacementFollowup.on_date.desc()).limit(50)))
    return {"blocks": blocks_of(employee.id), "competencies": gained, "followups": followups, "today": today()}


# --------------------------------------------------------------------------- list

@bp.route("/<kind>/")
@access(*ROLES)
def index(kind: str):
    spec = kind_or_404(kind)
    q, status, host_type = arg("q"), arg("status", tuple(STATUS)), arg("host", tuple(c.key for c in spec.host_types))
    query = rules.visible_placements(current_user, spec.slug)
    if q:
        like = f"%{q}%"
        query = query.where(or_(Employee.nama.ilike(like), Employee.nip.like(like), Placement.host_name.ilike(like)))
    if status:
        query = query.where(Placement.status == status)
    if host_type:
        query = query.where(Placement.host_type == host_type)
    page = db.paginate(query.order_by(Placement.created_at.desc(), Placement.id.desc()), page=page_number(),
                       per_page=25, error_out=False)
    return render("placements/index.html", block="results", kind=spec, page=page,
                  filters={"q": q, "status": status, "host": host_type}, statuses=STATUS,
                  is_manager=current_user.has_any(*NEED_ROLES), choice_label=choice_label)


# --------------------------------------------------------------------------- needs (MG-13)

@bp.route("/<kind>/kebutuhan")
@access(*NEED_ROLES)
def needs(kind: str):
    spec = kind_or_404(kind)
    query = rules.visible_needs(current_user, spec.slug).order_by(PlacementNeed.created_at.desc())
    page = db.paginate(query, page=page_number(), per_page=25, error_out=False)
    return render("placements/needs.html", kind=spec, page=page, bases=BASES,
                  can_create=current_user.has_any(*ADMINS))


def _need_units():
    return list(db.session.scalars(select(Unit).where(manageable_units(current_user)).order_by(Unit.path).limit(500)))


@bp.route("/<kind>/kebutuhan/baru", methods=["GET", "POST"])
@access(*ADMINS)
@once_per_form
def need_new(kind: str):
    spec = kind_or_404(kind)
    units = _need_units()

    def page(error: str | None = None, status: int = 422):
        return render("placements/need_form.html", kind=spec, units=units, bases=BASES, error=error,
                      typed=request.form), status

    if request.method == "GET":
        return page(status=200)
    unit = next((u for u in units if str(u.id) == request.form.get("unit_id", "")), None)

    def create():
        if unit is None:
            raise PlacementError(f"Pilih unit peserta dari daftar ({spec.rules.needs}).")
        return create_need(spec, unit, current_user, kompetensi=request.form.get("kompetensi", ""),
                           basis=request.form.get("basis", ""), akpk=request.form.get("akpk", ""),
                           target=request.form.get("target", ""))

    return run_step(create, "Kebutuhan tersimpan. Unit SDM menyetujuinya; usulkan kandidat.",
                    lambda need: redirect_to("placements.need_detail", kind=spec.slug, need_id=need.id),
                    refused=lambda error: page(str(error)), flash_refusal=False)


@bp.route("/<kind>/kebutuhan/<int:need_id>")
@access(*NEED_ROLES)
def need_detail(kind: str, need_id: int):
    spec = kind_or_404(kind)
    need = need_or_404(spec, need_id)
    answer, candidate = None, None
    nip = arg("nip", max_length=40)
    if nip:
        candidate = employee_by_nip(nip)
        if candidate is not None and candidate.unit.path.startswith(need.unit.path):
            answer = check(candidate, spec.slug, today(), context={"role": "peserta"})
    return render("placements/need.html", block="eligibility", kind=spec, need=need, nip=nip,
                  candidate=candidate, answer=answer, statuses=NEED_STATUS, bases=BASES,
                  can_manage=rules.can_manage_unit_needs(current_user, need.unit),
                  is_sdm=rules.is_sdm(current_user))


# --------------------------------------------------------------------------- detail

def detail_page(spec, placement: Placement, error: tuple[str, str] | None = None, status: int = 200,
                cost_form: CostForm | None = None):
    """The placement page; ``error`` = (section, message) re-shows the form with what was typed."""
    day = today()
    user = current_user
    context = {
        "cost_form": cost_form or CostForm(obj=placement, formdata=None),
        "note_actions": NOTE_ACTIONS, "followups": FOLLOWUPS,
        "actions": allowed_actions(spec, placement, user),  # the forms shown (portal.placements.actions)
        "kind": spec, "p": placement, "today": day, "choice_label": choice_label,
        "plan": stage_plan(spec, placement.start_date, placement.end_date) if placement.start_date else [],
        "periods": periods(placement, day), "cadences": CADENCES, "justification": JUSTIFICATION,
        "missing": missing_to_start(spec, placement) if placement.status == PlacementStatus.PERSIAPAN else [],
        "answer": check(placement.employee, spec.slug, placement.start_date or day, eligibility_context(placement))
        if placement.status == PlacementStatus.PERSIAPAN else None,
        "outcomes": OUTCOMES, "causes": CAUSES, "note_roles": NOTE_ROLES,
        "competencies": competencies(placement),
        "can_manage": rules.can_manage(user, placement), "is_sdm": rules.is_sdm(user),
        "is_participant": rules.is_participant(user, placement), "is_atasan": rules.is_atasan(user, placement),
        "is_mentor": rules.is_mentor(user, placement),
        "error_section": error[0] if error else "", "error": error[1] if error else "",
        "typed": request.form if error else {},
    }
    return render("placements/detail.html", **context), status


@bp.route("/<kind>/<int:placement_id>")
@access(*ROLES)
def detail(kind: str, placement_id: int):
    spec = kind_or_404(kind)
    return detail_page(spec, placement_or_404(spec, placement_id))


@bp.route("/<kind>/<int:placement_id>/perjanjian.pdf")
@access(*ROLES)
def agreement_file(kind: str, placement_id: int):
    spec = kind_or_404(kind)
    placement = placement_or_404(spec, placement_id)
    if placement.agreement_file is None:
        abort(404)
    return send_stored(placement.agreement_file, f"perjanjian-{spec.slug}-{placement.id}.pdf")


def parse_date(raw: str | None) -> dt.date | None:
    """A form date, ``None`` when empty; :class:`PlacementError` when malformed."""
    text = (raw or "").strip()
    if not text:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PlacementError("Tanggal tidak valid: gunakan format tahun-bulan-tanggal, mis. 2026-03-31.") from None
