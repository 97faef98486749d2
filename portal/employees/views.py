"""Employees: live search, filters, detail, create and edit within scope, gaps, export."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy import select

from portal.access import ADMINS, MANAGERS, access
from portal.assessments import skp
from portal.assessments.results import history as assessment_history
from portal.audit import record
from portal.employees import editing, service
from portal.employees.forms import EmployeeForm, GapForm
from portal.employees.queries import EmployeeFilters, employee_query
from portal.exports import xlsx_response
from portal.extensions import db
from portal.i18n import tanggal
from portal.idempotency import once_per_form
from portal.models import Employee, EmployeeGap
from portal.models.employee import JENIS_JABATAN_LABELS, STATUS_ASN
from portal.pagination import page_number
from portal.scope import can_edit_employee, can_view_employee
from portal.web import render

bp = Blueprint("employees", __name__, url_prefix="/pegawai")
EXPORT_LIMIT = 50_000


@bp.route("/")
@access(*MANAGERS)
def index():
    filters = EmployeeFilters.from_request()
    page = db.paginate(employee_query(current_user, filters), page=page_number(), per_page=25,
                       error_out=False)
    return render("employees/index.html", block="results", page=page, filters=filters,
                  statuses=STATUS_ASN, jenis_labels=JENIS_JABATAN_LABELS,
                  can_create=current_user.has_any(*ADMINS))


@bp.route("/ekspor.xlsx")
@access(*MANAGERS)
def export():
    filters = EmployeeFilters.from_request()
    employees = db.session.scalars(employee_query(current_user, filters).limit(EXPORT_LIMIT))
    header = ["NIP", "Nama", "Unit", "Status ASN", "Jenis jabatan", "Jenjang", "Jabatan", "Golongan",
              "NIP atasan", "Hi-Po", "Pendidikan"]
    rows = ([e.nip, e.nama, e.unit.nama, e.status_asn, e.jenis_jabatan_label, e.jenjang, e.jabatan,
             e.golongan, e.supervisor.nip if e.supervisor else "", "ya" if e.hipo else "tidak", e.pendidikan]
            for e in employees)
    return xlsx_response("pegawai.xlsx", "Pegawai", header, rows)


def _visible_or_404(employee_id: int) -> Employee:
    employee = db.session.get(Employee, employee_id)
    # Out-of-scope records answer 404 like missing ones: ids reveal nothing.
    if employee is None or not can_view_employee(current_user, employee):
        abort(404)
    return employee


@bp.route("/<int:employee_id>")
@access(*MANAGERS)
def detail(employee_id: int):
    employee = _visible_or_404(employee_id)
    subordinates = db.session.scalars(
        select(Employee).where(Employee.supervisor_id == employee.id).order_by(Employee.nama)
    ).all()
    return render("employees/detail.html", employee=employee, subordinates=subordinates,
                  can_edit=can_edit_employee(current_user, employee), gap_form=GapForm(),
                  contract_end=tanggal(employee.pppk_kontrak_selesai),
                  assessments=assessment_history(employee.id),
                  skp_ratings=skp.history(employee.id))


def _save(form: EmployeeForm, employee: Employee | None) -> Employee | None:
    """Save through :func:`portal.employees.editing.save`; None (the problems on the form's
    fields) when refused."""
    raw = {name: form[name].data for name in service.EMPLOYEE_COLUMNS + service.OPTIONAL_COLUMNS}
    raw["hipo"] = "ya" if form.hipo.data else "tidak"
    raw["pppk_keahlian_langka"] = "ya" if form.pppk_keahlian_langka.data else "tidak"
    saved, problems = editing.save(raw, employee, current_user)
    for column, message in problems:
        form[column].errors = list(form[column].errors) + [message]
    if saved is not None:
        db.session.commit()
    return saved


@bp.route("/baru", methods=["GET", "POST"])
@access(*ADMINS)
@once_per_form
def create():
    form = EmployeeForm()
    if form.validate_on_submit() and (employee := _save(form, None)):
        flash(f"Pegawai {employee.nama} ditambahkan.", "success")
        return redirect(url_for("employees.detail", employee_id=employee.id))
    return render("employees/form.html", form=form, employee=None)


@bp.route("/<int:employee_id>/ubah", methods=["GET", "POST"])
@access(*ADMINS)
def edit(employee_id: int):
    employee = _visible_or_404(employee_id)
    if not can_edit_employee(current_user, employee):
        abort(403)
    form = EmployeeForm(data=editing.form_values(employee))
    if form.validate_on_submit() and _save(form, employee):
        flash(f"Data {employee.nama} diperbarui.", "success")
        return redirect(url_for("employees.detail", employee_id=employee.id))
    return render("employees/form.html", form=form, employee=employee)


@bp.route("/<int:employee_id>/kesenjangan", methods=["POST"])
@access(*ADMINS)
def add_gap(employee_id: int):
    employee = _visible_or_404(employee_id)
    if not can_edit_employee(current_user, employee):
        abort(403)
    form = GapForm()
    if form.validate_on_submit():
        gap = EmployeeGap(standard=form.standard.data, kompetensi=form.kompetensi.data.strip(),
                          gap_level=form.gap_level.data)
        employee.gaps.append(gap)
        record("employee.gap_add", "employee", employee.nip, None,
               {"standard": gap.standard, "kompetensi": gap.kompetensi, "gap": gap.gap_level})
        db.session.commit()
        flash("Kesenjangan kompetensi ditambahkan.", "success")
        return redirect(url_for("employees.detail", employee_id=employee.id))
    return render("employees/detail.html", employee=employee, gap_form=form, can_edit=True,
                  subordinates=[], contract_end=tanggal(employee.pppk_kontrak_selesai))


@bp.route("/<int:employee_id>/kesenjangan/<int:gap_id>/hapus", methods=["POST"])
@access(*ADMINS)
def delete_gap(employee_id: int, gap_id: int):
    employee = _visible_or_404(employee_id)
    gap = db.session.get(EmployeeGap, gap_id)
    if gap is None or gap.employee_id != employee.id:
        abort(404)
    if not can_edit_employee(current_user, employee):
        abort(403)
    record("employee.gap_delete", "employee", employee.nip,
           {"standard": gap.standard, "kompetensi": gap.kompetensi, "gap": gap.gap_level}, None)
    db.session.delete(gap)
    db.session.commit()
    flash("Kesenjangan kompetensi dihapus.", "success")
    return redirect(url_for("employees.detail", employee_id=employee.id))
