"""JP pegawai (/admin/jp/pegawai/<id>): the HR unit reads one employee's ledger rows and cancels
a wrong one — behind a confirmation page with a reason, audited (``jp.cancel``); the caps of
its month are re-applied and, if chosen, the certificates issued from it are revoked.
"""

from __future__ import annotations

from flask import abort, current_app, flash, request
from flask_login import current_user
from sqlalchemy import select

from portal.access import SDM, access
from portal.certificates.service import CertificateError, revoke
from portal.clock import today
from portal.extensions import db
from portal.ledger import service
from portal.ledger.forms import CancelEntryForm
from portal.ledger.models import LedgerEntry
from portal.ledger.params import year_arg
from portal.mechanisms.catalogue import mechanism_choices
from portal.models import Certificate, Employee
from portal.pagination import page_number
from portal.routes import Routes
from portal.web import redirect_to, render

routes = Routes()


def _live_certificates(entry: LedgerEntry) -> list[Certificate]:
    return list(db.session.scalars(select(Certificate).where(
        Certificate.ledger_entry_id == entry.id, Certificate.revoked_at.is_(None))))


@routes.route("/jp/pegawai/<int:employee_id>")
@access(*SDM)
def employee_entries(employee_id: int):
    employee = db.session.get(Employee, employee_id) or abort(404)
    year = year_arg()
    slugs = {slug for slug, _ in mechanism_choices()}
    mechanism = request.args.get("mekanisme", "")
    mechanism = mechanism if mechanism in slugs else ""
    page = db.paginate(service.entries(employee.id, year, mechanism or None), page=page_number(),
                       per_page=current_app.config["PORTAL_PAGE_SIZE"], error_out=False)
    years = sorted(set(service.entry_years(employee.id)) | {today().year, year}, reverse=True)
    args = {key: value for key, value in
            {"employee_id": employee.id, "tahun": year, "mekanisme": mechanism}.items() if value}
    return render("ledger/employee_entries.html", employee=employee, year=year, years=years,
                  summary=service.year_summary(employee.id, year), page=page, args=args,
                  choices=mechanism_choices(), mechanism=mechanism)


@routes.route("/jp/entri/<int:entry_id>/batal", methods=["GET", "POST"])
@access(*SDM)
def cancel_entry(entry_id: int):
    entry = db.session.get(LedgerEntry, entry_id) or abort(404)
    employee = db.session.get(Employee, entry.employee_id)
    certificates = _live_certificates(entry)
    form = CancelEntryForm()
    if entry.is_cancelled:
        flash("Entri JP ini sudah dibatalkan.", "warning")
        return redirect_to("ledger_admin.employee_entries", employee_id=employee.id,
                           tahun=entry.activity_date.year)
    if form.validate_on_submit():
        try:
            service.cancel(entry.id, current_user.id, form.reason.data)
            if form.revoke_certificates.data:
                for certificate in certificates:
                    revoke(certificate.id, f"JP dibatalkan: {form.reason.data.strip()}",
                           current_user.id)
            db.session.commit()
        except (service.LedgerError, CertificateError) as error:
            db.session.rollback()
            form.reason.errors.append(str(error))
        else:
            flash(f"Entri JP “{entry.title}” dibatalkan. Batas bulanan dihitung ulang.", "success")
            return redirect_to("ledger_admin.employee_entries", employee_id=employee.id,
                               tahun=entry.activity_date.year)
    return render("ledger/cancel_entry.html", entry=entry, employee=employee, form=form,
                  certificates=certificates)
