"""Pages under /m/formal/: my reports, new report, detail and certificate, verification."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user

from portal.sdk import (
    MANAGERS,
    ROLES,
    LedgerError,
    UploadError,
    access,
    db,
    jp_number,
    megabytes,
    once_per_form,
    page_number,
    redirect_to,
    render,
    send_stored,
    today,
    year_summary,
)
from portal.sdk import check_eligibility as check
from portal_formal import scope, workflow
from portal_formal.forms import RejectForm, ReportForm
from portal_formal.jp import ACTIVITY_TYPES, MAX_JP, ROLE, SLUG
from portal_formal.models import STATUS_LABELS, FormalReport
from portal_formal.queries import ReportFilters, my_reports, pending_count_of

bp = Blueprint("formal", __name__, template_folder="templates")
PER_PAGE = 20


def _report_or_404(report_id: int) -> FormalReport:
    # Out-of-scope reports answer 404 like missing ones: ids reveal nothing.
    report = scope.visible_or_none(current_user, report_id)
    if report is None:
        abort(404)
    return report


@bp.route("/")
@access(*ROLES)
def index():
    filters = ReportFilters.from_request()
    page = db.paginate(my_reports(current_user.employee_id, filters), page=page_number(),
                       per_page=PER_PAGE, error_out=False)
    return render("formal/index.html", block="results", page=page, filters=filters,
                  statuses=STATUS_LABELS, types=ACTIVITY_TYPES,
                  can_verify=current_user.has_any(*MANAGERS))


@bp.route("/baru", methods=["GET", "POST"])
@access(*ROLES)
@once_per_form
def create():
    form = ReportForm()
    if form.validate_on_submit():
        try:
            report = workflow.submit(
                current_user.employee_id, form.certificate.data, title=form.title.data,
                provider=form.provider.data, activity_type=form.activity_type.data,
                start_date=form.start_date.date, end_date=form.end_date.date, jp=form.jp_value,
                actor_id=current_user.id)
            db.session.commit()
        except UploadError as error:
            db.session.rollback()
            form.certificate.errors = [*form.certificate.errors, str(error)]
        except workflow.WorkflowError as error:
            db.session.rollback()
            form.title.errors = [*form.title.errors, str(error)]
        else:
            flash("Laporan pelatihan dikirim dan menunggu verifikasi atasan langsung.", "success")
            return redirect_to("formal.detail", report_id=report.id)
    elif request.method == "POST" and not form.certificate.errors:
        form.certificate.errors = ["Perbaiki isian yang ditandai, lalu pilih berkas sertifikat lagi."]
    status = 422 if request.method == "POST" else 200
    return render("formal/form.html", form=form, max_mb=megabytes(workflow.certificate_max_bytes()),
                  max_jp=MAX_JP), status


@bp.route("/<int:report_id>")
@access(*ROLES)
def detail(report_id: int):
    report = _report_or_404(report_id)
    return _detail_page(report)


def _detail_page(report: FormalReport, reject_form: RejectForm | None = None, status: int = 200):
    can_verify = scope.can_verify(current_user, report) and report.is_pending
    answer = check(report.employee, SLUG, report.end_date, {"role": ROLE}) if can_verify else None
    return render("formal/detail.html", report=report, types=ACTIVITY_TYPES, answer=answer,
                  can_verify=can_verify,
                  is_owner=report.employee_id == current_user.employee_id,
                  reject_form=reject_form or RejectForm()), status


@bp.route("/<int:report_id>/sertifikat")
@access(*ROLES)
def certificate(report_id: int):
    report = _report_or_404(report_id)
    return send_stored(report.certificate, f"sertifikat-{report.id}-{report.certificate.original_name}")


@bp.route("/verifikasi")
@access(*MANAGERS)
def queue():
    page = db.paginate(scope.queue_query(current_user), page=page_number(), per_page=PER_PAGE,
                       error_out=False)
    return render("formal/queue.html", block="results", page=page, types=ACTIVITY_TYPES)


SELF_VERIFICATION = ("Anda tidak dapat memverifikasi atau menolak laporan pelatihan Anda sendiri; "
                     "keputusan diambil atasan langsung atau admin unit.")


@bp.route("/<int:report_id>/verifikasi", methods=["POST"])
@access(*MANAGERS)
def verify(report_id: int):
    report = _report_or_404(report_id)
    if not scope.can_verify(current_user, report):  # only the owner sees what they cannot verify
        flash(SELF_VERIFICATION, "error")
        return _detail_page(report, status=403)
    try:  # the CSRF token was checked before the view (CSRFProtect)
        _, entry = workflow.verify(report.id, current_user,
                                   override_reason=request.form.get("alasan_kelayakan", "")[:1000])
        db.session.commit()
    except (workflow.WorkflowError, LedgerError) as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect_to("formal.detail", report_id=report_id)
    counted = (f"{jp_number(entry.jp_counted)} JP dicatat ({entry.rule_id})" if entry.counted
               else f"dicatat tanpa JP dihitung: {entry.reason}")
    flash(f"Laporan “{report.title}” diverifikasi: {counted}.", "success")
    return redirect_to("formal.queue")


@bp.route("/<int:report_id>/tolak", methods=["POST"])
@access(*MANAGERS)
def reject(report_id: int):
    report = _report_or_404(report_id)
    if not scope.can_verify(current_user, report):
        flash(SELF_VERIFICATION, "error")
        return _detail_page(report, status=403)
    form = RejectForm()
    if not form.validate_on_submit():
        return _detail_page(report, form, 422)
    try:
        workflow.reject(report.id, current_user, form.reason.data)
        db.session.commit()
    except workflow.WorkflowError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect_to("formal.detail", report_id=report_id)
    flash(f"Laporan “{report.title}” ditolak; pegawai melihat alasannya.", "success")
    return redirect_to("formal.queue")


@bp.route("/kartu")
@access(*ROLES)
def card():
    year = today().year
    summary = year_summary(current_user.employee_id, year)
    return render("formal/card.html", block="card", year=year,
                  pending=pending_count_of(current_user.employee_id),
                  verified_jp=summary["by_mechanism"].get("formal", 0))

