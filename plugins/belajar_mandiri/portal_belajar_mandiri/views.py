"""Pages under /m/belajar_mandiri/: the list, BM-01 recommendations and proposals, one assignment
(surat penugasan, receipt, materials, schedule, report)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user
from sqlalchemy import or_, select

from portal.sdk import (
    ADMINS,
    ROLES,
    SDM,
    CostForm,
    DevelopmentPlan,
    DevelopmentPlanItem,
    Employee,
    PdfError,
    Unit,
    access,
    arg,
    check_eligibility,
    commit_or_flash,
    db,
    download,
    int_arg,
    once_per_form,
    page_number,
    redirect_to,
    render,
    run_step,
    today,
    viewable_employees,
    viewable_units,
)
from portal_belajar_mandiri import letters, rules, workflow
from portal_belajar_mandiri.actions import assignment_actions
from portal_belajar_mandiri.forms import ActivityForm, MaterialForm, ProposeForm, ReportForm, ReturnForm
from portal_belajar_mandiri.jp import SLUG
from portal_belajar_mandiri.models import ASSIGNED, STATUS, AssignmentStatus, MandiriActivity, MandiriAssignment

bp = Blueprint(SLUG, __name__, template_folder="templates")
UNIT_ROLES = ("pimpinan_unit",) + ADMINS


def matches(q: str):
    """Search by a part of the name or the start of the NIP (wildcards typed are literal)."""
    return or_(Employee.nama.icontains(q, autoescape=True), Employee.nip.startswith(q, autoescape=True))


def assignment_or_404(assignment_id: int) -> MandiriAssignment:
    a = db.session.get(MandiriAssignment, assignment_id)
    if a is None or not rules.can_view(current_user, a):
        abort(404)
    return a


def _pdf(data_source, filename: str, back: MandiriAssignment):
    try:
        data = data_source()
    except PdfError as error:
        flash(str(error), "error")
        return redirect_to("belajar_mandiri.assignment", assignment_id=back.id)
    return download(data, f"{filename}.pdf")


# --------------------------------------------------------------------------- list

@bp.route("/")
@access(*ROLES)
def index():
    mine = list(db.session.scalars(select(MandiriAssignment).where(
        MandiriAssignment.employee_id == current_user.employee_id).order_by(MandiriAssignment.id.desc())))
    query = (select(MandiriAssignment).join(Employee, MandiriAssignment.employee_id == Employee.id)
             .join(Unit, Employee.unit_id == Unit.id)
             .where(viewable_employees(current_user), MandiriAssignment.employee_id != current_user.employee_id))
    q, status = arg("q"), arg("status", tuple(STATUS))
    if q:
        query = query.where(matches(q))
    if status:
        query = query.where(MandiriAssignment.status == status)
    page = db.paginate(query.order_by(MandiriAssignment.id.desc()), page=page_number(), per_page=20,
                       error_out=False)
    return render("belajar_mandiri/index.html", mine=mine, page=page, q=q, status=status,
                  statuses=STATUS, args={"q": q, "status": status},
                  is_unit=current_user.has_any(*UNIT_ROLES), sdm=rules.is_sdm(current_user),
                  atasan=current_user.has_any("atasan"))


@bp.route("/kartu")
@access(*ROLES)
def card():
    mine = db.session.scalar(select(MandiriAssignment).where(
        MandiriAssignment.employee_id == current_user.employee_id).order_by(MandiriAssignment.id.desc()).limit(1))
    return render("belajar_mandiri/card.html", block="card", a=mine)


# --------------------------------------------------------------------------- BM-01 persiapan

@bp.route("/rekomendasi")
@access(*UNIT_ROLES)
def recommendations():
    """Tabel 6 persiapan 1: employees whose agreed development plan names belajar mandiri."""
    year = int_arg("tahun") or today().year
    if not 2000 <= year <= today().year + 1:
        year = today().year
    q = arg("q")
    query = (select(DevelopmentPlanItem)
             .join(DevelopmentPlan, DevelopmentPlanItem.plan_id == DevelopmentPlan.id)
             .join(Employee, DevelopmentPlan.employee_id == Employee.id)
             .join(Unit, Employee.unit_id == Unit.id)
             .where(viewable_units(current_user), DevelopmentPlan.year == year,
                    DevelopmentPlan.status == "disetujui", DevelopmentPlanItem.mechanism == SLUG))
    if q:
        query = query.where(matches(q))
    page = db.paginate(query.order_by(Unit.path, Employee.nama, DevelopmentPlanItem.id),
                       page=page_number(), per_page=25, error_out=False)
    rows = [(item.plan.employee, item) for item in page.items]
    ids = [e.id for e, _ in rows]
    current = {a.employee_id: a for a in db.session.scalars(select(MandiriAssignment).where(
        MandiriAssignment.employee_id.in_(ids), MandiriAssignment.status.in_(workflow.OPEN)))} if ids else {}
    return render("belajar_mandiri/recommendations.html", page=page, rows=rows, year=year, q=q,
                  current=current, args={"tahun": year, "q": q})


@bp.route("/usulan/<int:employee_id>", methods=["GET", "POST"])
@access(*UNIT_ROLES)
@once_per_form
def propose(employee_id: int):
    """Tabel 6 persiapan 2: the participant unit proposes the employee."""
    employee = db.session.get(Employee, employee_id)
    if employee is None or not rules.is_unit_manager(current_user, employee.unit):
        abort(404)
    item = rules.recommending_item(employee, today().year)
    form = ProposeForm()
    if request.method == "GET" and item is not None:
        form.kompetensi.data = item.gap.kompetensi if item.gap else item.description
        form.tujuan.data = item.description

    def page(status: int = 422):
        answer = check_eligibility(employee, SLUG, form.tanggal_mulai.date or today(), {})
        return render("belajar_mandiri/propose.html", form=form, employee=employee, item=item,
                      pyb=rules.pyb_of(employee), answer=answer), status

    if request.method == "GET":
        return page(200)
    if not form.validate_on_submit():
        return page()
    return run_step(
        lambda: workflow.propose(employee, form.values(), current_user,
                                 override_reason=(form.alasan_kelayakan.data or "").strip()),
        f"{employee.nama} diusulkan; menunggu penugasan oleh Pejabat yang Berwenang ({rules.BM_01}).",
        lambda a: redirect_to("belajar_mandiri.assignment", assignment_id=a.id),
        refused=lambda _error: page(), field=form.kompetensi)


# --------------------------------------------------------------------------- one assignment

def assignment_page(a: MandiriAssignment, status: int = 200, **forms):
    user = current_user
    return render("belajar_mandiri/assignment.html", a=a, today=today(),
                  me=rules.is_self(user, a), actions=assignment_actions.allowed(a, user),
                  atasan=rules.is_atasan(user, a), pyb=a.pyb or rules.pyb_of(a.employee),
                  material_form=forms.get("material_form") or MaterialForm(),
                  activity_form=forms.get("activity_form") or ActivityForm(),
                  report_form=forms.get("report_form") or ReportForm(),
                  return_form=forms.get("return_form") or ReturnForm(),
                  unit_manager=rules.is_unit_manager(user, a.unit),
                  cost_form=forms.get("cost_form") or CostForm(obj=a)), status


@bp.route("/penugasan/<int:assignment_id>")
@access(*ROLES)
def assignment(assignment_id: int):
    return assignment_page(assignment_or_404(assignment_id))


def _step(a: MandiriAssignment, action, success: str):
    return run_step(action, success, lambda: redirect_to("belajar_mandiri.assignment", assignment_id=a.id))


@bp.route("/penugasan/<int:assignment_id>/tugaskan", methods=["POST"])
@access(*UNIT_ROLES)
def assign(assignment_id: int):
    a = assignment_or_404(assignment_id)
    if not rules.can_assign(current_user, a):
        abort(403)
    return _step(a, lambda: workflow.assign(a, current_user),
                 f"Surat penugasan diterbitkan atas nama Pejabat yang Berwenang ({rules.BM_01}).")


@bp.route("/penugasan/<int:assignment_id>/kembalikan", methods=["POST"])
@access(*UNIT_ROLES)
def return_proposal(assignment_id: int):
    a = assignment_or_404(assignment_id)
    if not rules.can_assign(current_user, a):
        abort(403)
    form = ReturnForm()
    if not form.validate_on_submit():
        return assignment_page(a, 422, return_form=form)
    return _step(a, lambda: workflow.return_proposal(a, current_user, form.catatan.data.strip()),
                 f"Usulan dikembalikan ke unit kerja dengan catatan ({rules.BM_01}).")


@bp.route("/penugasan/<int:assignment_id>/surat-penugasan.pdf")
@access(*ROLES)
def assignment_letter(assignment_id: int):
    a = assignment_or_404(assignment_id)
    if a.status not in ASSIGNED:
        abort(404)
    return _pdf(lambda: letters.assignment_letter(a), f"surat-penugasan-belajar-mandiri-{a.id}", a)


@bp.route("/penugasan/<int:assignment_id>/terima", methods=["POST"])
@access(*ROLES)
def accept(assignment_id: int):
    a = assignment_or_404(assignment_id)
    if not rules.is_self(current_user, a):
        abort(403)
    return _step(a, lambda: workflow.accept(a),
                 f"Surat penugasan diterima. Susun jadwal belajar Anda ({rules.BM_02}).")


@bp.route("/penugasan/<int:assignment_id>/jadwal", methods=["POST"])
@access(*ROLES)
def add_activity(assignment_id: int):
    a = assignment_or_404(assignment_id)
    if not rules.is_self(current_user, a):
        abort(403)
    form = ActivityForm()

    def page(_error=None):
        return assignment_page(assignment_or_404(assignment_id), 422, activity_form=form)

    if not form.validate_on_submit():
        return page()
    return run_step(lambda: workflow.add_activity(a, form.kegiatan.data.strip(), form.target.data.strip(),
                                                  form.tanggal.date),
                    "Kegiatan ditambahkan ke jadwal.",
                    lambda: redirect_to("belajar_mandiri.assignment", assignment_id=assignment_id),
                    refused=page, field=form.tanggal)


def _activity_or_404(activity_id: int) -> MandiriActivity:
    activity = db.session.get(MandiriActivity, activity_id)
    if activity is None or not rules.is_self(current_user, activity.assignment):
        abort(404)
    return activity


@bp.route("/kegiatan/<int:activity_id>/selesai", methods=["POST"])
@access(*ROLES)
def mark_done(activity_id: int):
    """Marks one line realised; htmx swaps the line in place, otherwise back to the page."""
    activity = _activity_or_404(activity_id)
    back = redirect_to("belajar_mandiri.assignment", assignment_id=activity.assignment_id)
    if request.htmx and not request.htmx.boosted:  # the line swapped in place, no flash
        return run_step(lambda: workflow.mark_done(activity), "",
                        lambda: render("belajar_mandiri/_activity.html", x=activity, me=True),
                        refused=lambda _error: back)
    return run_step(lambda: workflow.mark_done(activity),
                    f"Kegiatan \u201c{activity.kegiatan}\u201d ditandai terealisasi.", back)


@bp.route("/kegiatan/<int:activity_id>/hapus", methods=["POST"])
@access(*ROLES)
def remove_activity(activity_id: int):
    activity = _activity_or_404(activity_id)
    a = activity.assignment
    return _step(a, lambda: workflow.remove_activity(activity), "Kegiatan dihapus dari jadwal.")


@bp.route("/penugasan/<int:assignment_id>/laporan", methods=["POST"])
@access(*ROLES)
def submit_report(assignment_id: int):
    a = assignment_or_404(assignment_id)
    if not rules.is_self(current_user, a):
        abort(403)
    form = ReportForm()

    def page(_error=None):
        return assignment_page(assignment_or_404(assignment_id), 422, report_form=form)

    if not form.validate_on_submit():
        return page()
    return run_step(lambda: workflow.submit_report(a, form.laporan.data.strip()),
                    "Laporan disampaikan kepada pimpinan unit kerja, dengan tembusan unit "
                    f"pengembangan SDM dan atasan langsung ({rules.BM_04}).",
                    lambda: redirect_to("belajar_mandiri.assignment", assignment_id=assignment_id),
                    refused=page, field=form.laporan)


@bp.route("/penugasan/<int:assignment_id>/laporan.pdf")
@access(*ROLES)
def report_letter(assignment_id: int):
    a = assignment_or_404(assignment_id)
    if a.status not in (AssignmentStatus.DILAPORKAN, AssignmentStatus.SELESAI):
        abort(404)
    return _pdf(lambda: letters.report_letter(a), f"laporan-belajar-mandiri-{a.id}", a)


@bp.route("/penugasan/<int:assignment_id>/laporan/terima", methods=["POST"])
@access(*SDM)
def accept_report(assignment_id: int):
    """Tabel 6 pelaporan 2: the HR unit takes the report in; JP and the e-certificate (G-06)."""
    from portal.sdk import CertificateError
    from portal.sdk import issue_certificate as issue

    a = assignment_or_404(assignment_id)
    if not commit_or_flash(lambda: workflow.accept_report(a, current_user),
                           f"Laporan diterima dan JP dicatat di buku JP ({rules.BM_04})."):
        return redirect_to("belajar_mandiri.assignment", assignment_id=a.id)
    try:
        issue(a.ledger_entry_id, current_user.id)
    except CertificateError as error:
        db.session.rollback()
        flash(f"Sertifikat belum diterbitkan: {error}", "warning")
    else:
        flash("Sertifikat elektronik diterbitkan (G-06).", "success")
    return redirect_to("belajar_mandiri.assignment", assignment_id=a.id)
