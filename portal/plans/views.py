"""Development plans under /rencana: draft (employee or admin in scope), submit, and the atasan's
agreement or return; plan against realisation from the JP ledger."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user
from sqlalchemy import select

from portal.access import ROLES, access
from portal.assessments import skp
from portal.extensions import db
from portal.idempotency import once_per_form
from portal.models import Employee
from portal.models.plan import DevelopmentPlan, DevelopmentPlanItem, PlanStatus
from portal.plans import permissions, service
from portal.plans.realisation import realisation
from portal.plans.rules import BASES, mechanism_options
from portal.web import redirect_to, render, run_step

bp = Blueprint("plans", __name__, url_prefix="/rencana")

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")


def _employee_or_404(employee_id: int) -> Employee:
    employee = db.session.get(Employee, employee_id)
    if employee is None or not permissions.can_view(current_user, employee):
        abort(404)
    return employee


def _plan_or_404(plan_id: int) -> DevelopmentPlan:
    plan = db.session.get(DevelopmentPlan, plan_id)
    if plan is None or not permissions.can_view(current_user, plan.employee):
        abort(404)
    return plan


def _draftable_plan(plan_id: int) -> DevelopmentPlan:
    plan = _plan_or_404(plan_id)
    if not permissions.can_draft(current_user, plan.employee):
        abort(404)
    return plan


def _decidable_plan(plan_id: int) -> DevelopmentPlan:
    plan = db.session.get(DevelopmentPlan, plan_id)
    if plan is None or not permissions.can_decide(current_user, plan):
        abort(404)  # another atasan learns nothing, not even that the plan exists
    return plan


def _plans_of(employee: Employee) -> list[DevelopmentPlan]:
    return list(db.session.scalars(select(DevelopmentPlan).where(
        DevelopmentPlan.employee_id == employee.id).order_by(DevelopmentPlan.year.desc())))


def _employee_page(employee: Employee, status: int = 200, errors: dict | None = None,
                   values: dict | None = None, lookup_error: str | None = None):
    return render("plans/employee.html", employee=employee, plans=_plans_of(employee),
                  own=employee.id == current_user.employee_id,
                  can_draft=permissions.can_draft(current_user, employee), bases=BASES,
                  errors=errors or {}, values=values or {"year": str(service.year_now())},
                  lookup_error=lookup_error, awaiting=_awaiting_count(),
                  is_admin=current_user.has_any("admin_unit", "admin_sdm", "superadmin")), status


def _awaiting_count() -> int:
    return len(_awaiting()) if current_user.has_any("atasan") else 0


def _awaiting() -> list[DevelopmentPlan]:
    return list(db.session.scalars(
        select(DevelopmentPlan).join(Employee, Employee.id == DevelopmentPlan.employee_id)
        .where(Employee.supervisor_id == current_user.employee_id,
               DevelopmentPlan.status == PlanStatus.DIAJUKAN)
        .order_by(DevelopmentPlan.submitted_at)))


@bp.route("/")
@access(*ROLES)
def index():
    """The signed-in employee's plans; an admin may open another employee's by NIP."""
    nip = "".join(request.args.get("nip", "").split())
    if nip:
        employee = db.session.scalar(select(Employee).where(Employee.nip == nip))
        if employee is not None and permissions.can_draft(current_user, employee):
            return redirect_to("plans.employee", employee_id=employee.id)
        return _employee_page(current_user.employee, 422, lookup_error=(
            f"Pegawai dengan NIP {nip} tidak ditemukan di unit dalam kewenangan Anda."),
            values={"year": str(service.year_now()), "nip": nip})
    return _employee_page(current_user.employee)


@bp.route("/pegawai/<int:employee_id>")
@access(*ROLES)
def employee(employee_id: int):
    return _employee_page(_employee_or_404(employee_id))


@bp.route("/pegawai/<int:employee_id>/baru", methods=["POST"])
@access(*ROLES)
@once_per_form
def create(employee_id: int):
    employee = _employee_or_404(employee_id)
    if not permissions.can_draft(current_user, employee):
        abort(404)
    values = {key: request.form.get(key, "") for key in ("year", "basis", "notes")}

    def created(plan: DevelopmentPlan):
        flash(f"Rencana pengembangan {plan.year} dibuat. Tambahkan butir rencananya.", "success")
        return redirect_to("plans.detail", plan_id=plan.id)

    return run_step(lambda: service.create(employee, values["year"], values["basis"], values["notes"]), "",
                    created, flash_refusal=False,
                    refused=lambda error: _employee_page(employee, 422, values=values,
                                                         errors=getattr(error, "errors", {})))


def _detail_page(plan: DevelopmentPlan, status: int = 200, errors: dict | None = None,
                 values: dict | None = None):
    rows, summary = realisation(plan)
    return render(
        "plans/detail.html", plan=plan, employee=plan.employee, errors=errors or {},
        values=values or {"basis": plan.basis, "notes": plan.notes},
        bases=BASES, months=MONTHS, options=mechanism_options(plan.employee.unit),
        can_draft=permissions.can_draft(current_user, plan.employee) and plan.editable,
        can_decide=permissions.can_decide(current_user, plan) and plan.submitted,
        realisation=rows, summary=summary, skp=skp.latest(plan.employee_id),
        below_expectation=skp.BELOW_EXPECTATION,
    ), status


@bp.route("/<int:plan_id>")
@access(*ROLES)
def detail(plan_id: int):
    return _detail_page(_plan_or_404(plan_id))


def _apply(plan: DevelopmentPlan, change, values: dict, success: str):
    """Run ``change``; on PlanError roll back and show the page again with what was typed."""
    return run_step(change, success, lambda: redirect_to("plans.detail", plan_id=plan.id),
                    refused=lambda error: _detail_page(plan, 422, errors=getattr(error, "errors", {}),
                                                       values=values),
                    flash_refusal=False)


@bp.route("/<int:plan_id>/ubah", methods=["POST"])
@access(*ROLES)
def update(plan_id: int):
    plan = _draftable_plan(plan_id)
    values = {key: request.form.get(key, "") for key in ("basis", "notes")}
    return _apply(plan, lambda: service.update(plan, values["basis"], values["notes"]), values,
                  "Dasar dan catatan rencana disimpan.")


@bp.route("/<int:plan_id>/butir", methods=["POST"])
@access(*ROLES)
def add_item(plan_id: int):
    plan = _draftable_plan(plan_id)
    values = {key: request.form.get(key, "") for key in
              ("mechanism", "target_jp", "planned_month", "gap_id", "description")}
    values |= {"basis": plan.basis, "notes": plan.notes}
    return _apply(plan, lambda: service.add_item(plan, values), values, "Butir rencana ditambahkan.")


@bp.route("/<int:plan_id>/butir/<int:item_id>/hapus", methods=["POST"])
@access(*ROLES)
def remove_item(plan_id: int, item_id: int):
    plan = _draftable_plan(plan_id)
    item = db.session.get(DevelopmentPlanItem, item_id)
    if item is None or item.plan_id != plan.id:
        abort(404)
    return _apply(plan, lambda: service.remove_item(plan, item), {}, "Butir rencana dihapus.")


@bp.route("/<int:plan_id>/ajukan", methods=["POST"])
@access(*ROLES)
def submit(plan_id: int):
    plan = _draftable_plan(plan_id)
    return _apply(plan, lambda: service.submit(plan), {},
                  "Rencana diajukan ke atasan langsung untuk disetujui.")


@bp.route("/<int:plan_id>/setujui", methods=["POST"])
@access(*ROLES)
def agree(plan_id: int):
    plan = _decidable_plan(plan_id)
    return _apply(plan, lambda: service.agree(plan, current_user.employee), {},
                  f"Rencana pengembangan {plan.employee.nama} disetujui.")


@bp.route("/<int:plan_id>/kembalikan", methods=["POST"])
@access(*ROLES)
def send_back(plan_id: int):
    plan = _decidable_plan(plan_id)
    values = {"return_note": request.form.get("return_note", "")}
    return _apply(plan, lambda: service.send_back(plan, current_user.employee,
                                                  values["return_note"]), values,
                  f"Rencana pengembangan {plan.employee.nama} dikembalikan dengan catatan.")


@bp.route("/persetujuan")
@access("atasan")
def approvals():
    """The atasan's reports' plans awaiting agreement."""
    return render("plans/approvals.html", plans=_awaiting())
