"""The atasan's monitoring form, Tabel 7 (BM-03): filled row by row in place (htmx, or a plain
form post without JS), sent to the HR unit, exported as PDF and XLSX in the table's layout."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_login import current_user
from sqlalchemy import select

from portal.sdk import (
    Employee,
    Routes,
    access,
    commit_or_flash,
    db,
    flash_and,
    int_arg,
    redirect_to,
    render,
    report_download,
    run_step,
    today,
)
from portal_belajar_mandiri import reports, rules, workflow
from portal_belajar_mandiri.forms import MonitoringForm
from portal_belajar_mandiri.models import ASSIGNED, KESESUAIAN, MandiriAssignment

routes = Routes()

MAX_ROWS = 500


def _year() -> int:
    year = int_arg("tahun") or today().year
    return year if 2000 <= year <= today().year + 1 else today().year


def team(year: int) -> list[MandiriAssignment]:
    """The atasan's direct reports in belajar mandiri during ``year`` (current supervisor data)."""
    period = reports.year_period(year)
    return list(db.session.scalars(
        select(MandiriAssignment).join(Employee, MandiriAssignment.employee_id == Employee.id)
        .where(Employee.supervisor_id == current_user.employee_id,
               MandiriAssignment.status.in_(ASSIGNED), reports.overlapping(period))
        .order_by(Employee.nama, MandiriAssignment.id).limit(MAX_ROWS)))


def row_form(a: MandiriAssignment, formdata=None) -> MonitoringForm:
    prefix = f"r{a.id}"
    if formdata is not None:
        return MonitoringForm(formdata=formdata, prefix=prefix)
    saved = a.monitoring
    data = ({k: getattr(saved, k) for k in workflow.MONITORING_FIELDS} if saved
            else workflow.suggested(a))
    return MonitoringForm(formdata=None, prefix=prefix, data=data)


def _row_context(a: MandiriAssignment, index: int, form=None) -> dict:
    return {"a": a, "no": index, "form": form or row_form(a), "year": _year(), "error": None,
            "kesesuaian": KESESUAIAN}


@routes.route("/monitoring")
@access("atasan")
def monitoring():
    year = _year()
    rows = [_row_context(a, i) for i, a in enumerate(team(year), start=1)]
    return render("belajar_mandiri/monitoring.html", rows=rows, year=year,
                  unsent=sum(1 for r in rows if not (r["a"].monitoring and r["a"].monitoring.sent_at)),
                  instansi=reports.instansi(), unit=current_user.employee.unit)


def _own_row(assignment_id: int) -> MandiriAssignment:
    a = db.session.get(MandiriAssignment, assignment_id)
    if a is None or not rules.is_atasan(current_user, a):
        abort(404)
    return a


@routes.route("/monitoring/<int:assignment_id>", methods=["POST"])
@access("atasan")
def save_row(assignment_id: int):
    """Save one Tabel 7 row; htmx gets the row back, a plain post goes back to the table."""
    a = _own_row(assignment_id)
    form = MonitoringForm(prefix=f"r{a.id}")
    htmx = request.htmx and not request.htmx.boosted
    index = int_arg("no") or 1
    if not form.validate_on_submit():
        return _row_page(assignment_id, form, index, htmx)
    if htmx:  # the row swapped in place, saved or with its refusal
        return run_step(lambda: workflow.save_monitoring(a, current_user.employee, form.values()), "",
                        lambda: render_template("belajar_mandiri/_monitoring_row.html", saved=True,
                                                **_row_context(a, index)),
                        refused=lambda error: _row_page(assignment_id, form, index, htmx, str(error)),
                        flash_refusal=False)
    return run_step(lambda: workflow.save_monitoring(a, current_user.employee, form.values()),
                    f"Baris monitoring {a.employee.nama} disimpan ({rules.BM_03}).",
                    lambda: redirect_to("belajar_mandiri.monitoring", tahun=_year()),
                    refused=lambda error: _row_page(assignment_id, form, index, htmx, str(error)),
                    flash_refusal=False)


def _row_page(assignment_id: int, form: MonitoringForm, index: int, htmx: bool, error: str | None = None):
    """The row again with the atasan's input and the refusal beside it (422)."""
    a = _own_row(assignment_id)
    context = _row_context(a, index, form) | {"error": error}
    if htmx:
        return render_template("belajar_mandiri/_monitoring_row.html", **context), 422
    rows = [context if r.id == a.id else _row_context(r, i)
            for i, r in enumerate(team(_year()), start=1)]
    return render("belajar_mandiri/monitoring.html", rows=rows, year=_year(), unsent=len(rows),
                  instansi=reports.instansi(), unit=current_user.employee.unit), 422


@routes.route("/monitoring/kirim", methods=["POST"])
@access("atasan")
def send():
    year = _year()
    commit_or_flash(lambda: workflow.send_monitoring(team(year), current_user.employee),
                    f"Formulir monitoring dikirim ke unit pengembangan SDM ({rules.BM_03}).")
    return redirect_to("belajar_mandiri.monitoring", tahun=year)


@routes.route("/monitoring.<any(pdf, xlsx):fmt>")
@access("atasan")
def export(fmt: str):
    report = reports.tabel_7(current_user.employee, team(_year()))
    return report_download(report, fmt, flash_and(lambda: redirect_to("belajar_mandiri.monitoring", tahun=_year())))
