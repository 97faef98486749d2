"""``/peluang``: opportunities for me; ``/peluang/pegawai/<id>``: the same for one of the atasan's
people, with a recommendation that lands in the employee's inbox."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request, url_for
from flask_login import current_user
from sqlalchemy import select

from portal import audit
from portal.access import MANAGERS, ROLES, access
from portal.clock import today
from portal.extensions import db
from portal.i18n import angka
from portal.idempotency import once_per_form
from portal.inbox.notices import notify
from portal.ledger.projection import METHOD, for_employee, risk_factor
from portal.ledger.service import year_summary
from portal.models import Account, Employee
from portal.opportunities.service import MODEL_LABELS, offers
from portal.scope import can_view_employee
from portal.web import redirect_to, render

bp = Blueprint("opportunities", __name__, url_prefix="/peluang")


def projection_of(employee: Employee):
    """The employee's projection for this year and their counted JP per model."""
    on_date = today()
    summary = year_summary(employee.id, on_date.year)
    return for_employee(employee, on_date.year, on_date, summary["total_jp"]), summary["by_model"]


def outlook_of(employee: Employee):
    """The employee's projection and ranked offers for this year."""
    projection, by_model = projection_of(employee)
    return projection, offers(employee, today(), projection, by_model)


def _page(employee: Employee, own: bool):
    projection, found = outlook_of(employee)
    open_ = [offer for offer in found if offer.eligible is not False]
    closed = [offer for offer in found if offer.eligible is False]
    return render("opportunities/index.html", employee=employee, own=own, projection=projection,
                  offers=open_, closed=closed, show_closed=request.args.get("semua") == "1",
                  models=MODEL_LABELS, method=METHOD.format(factor=angka(risk_factor(today().year))))


@bp.route("/")
@access(*ROLES)
def mine():
    return _page(current_user.employee, own=True)


def _report_or_404(employee_id: int) -> Employee:
    employee = db.session.get(Employee, employee_id)
    if employee is None or employee.id == current_user.employee_id \
            or not can_view_employee(current_user, employee):
        abort(404)
    return employee


@bp.route("/minta", methods=["POST"])
@access(*ROLES)
@once_per_form
def request_join():
    """Ask whoever decides (the offer's ``contacts``) to include me: a notice in their inbox."""
    employee = current_user.employee
    key = (request.form.get("kunci") or "")[:200]
    projection, found = outlook_of(employee)
    offer = next((o for o in found if o.key == key and o.eligible is not False
                  and o.opportunity.asks_someone), None)
    if offer is None:
        flash("Kegiatan ini tidak lagi terbuka untuk Anda; tidak ada permintaan yang dikirim.", "error")
        return redirect_to("opportunities.mine")
    contacts = [person for person in _deciders(offer.opportunity) if person.id != employee.id]
    if not contacts:
        flash("Penyelenggara kegiatan ini tidak mempunyai akun pegawai di portal; hubungi admin unit "
              "Anda. Tidak ada permintaan yang dikirim.", "error")
        return redirect_to("opportunities.mine")
    o = offer.opportunity
    notify(contacts, f"Permintaan ikut dari {employee.nama}: {o.title}"[:200],
           f"{employee.nama} (NIP {employee.nip}, {employee.unit.nama}) meminta diikutsertakan. "
           f"Proyeksi target JP-nya: {projection.label.lower()}; {projection.advice}",
           kind="pemberitahuan", url=url_for(o.endpoint, **dict(o.values)))
    audit.record("opportunity.request", "employee", employee.id, None,
                 {"kegiatan": offer.key, "kepada": [person.id for person in contacts]},
                 summary=f"{employee.nama} meminta ikut: {o.title}"[:300], actor_id=current_user.id)
    db.session.commit()
    flash("Permintaan Anda dikirim ke penyelenggara; Anda akan diberi tahu bila didaftarkan.", "success")
    return redirect_to("opportunities.mine")


def _deciders(opportunity) -> list[Employee]:
    ids = set(opportunity.contacts) | set(db.session.scalars(
        select(Account.employee_id).where(Account.id.in_([i for i in opportunity.contact_accounts if i]),
                                          Account.employee_id.is_not(None))))
    return list(db.session.scalars(select(Employee).where(Employee.id.in_(ids)).order_by(Employee.id)))


@bp.route("/pegawai/<int:employee_id>")
@access(*MANAGERS)
def for_report(employee_id: int):
    return _page(_report_or_404(employee_id), own=False)


@bp.route("/pegawai/<int:employee_id>/rekomendasi", methods=["POST"])
@access(*MANAGERS)
@once_per_form
def recommend(employee_id: int):
    """Recommend one offer: a notice in the employee's inbox (and e-mail by their choice)."""
    employee = _report_or_404(employee_id)
    key = (request.form.get("kunci") or "")[:200]
    _projection, found = outlook_of(employee)
    offer = next((o for o in found if o.key == key and o.eligible is not False), None)
    if offer is None:
        flash("Kegiatan ini tidak lagi terbuka atau tidak memenuhi syarat untuk pegawai ini; "
              "tidak ada rekomendasi yang dikirim.", "error")
        return redirect_to("opportunities.for_report", employee_id=employee.id)
    adviser = current_user.employee.nama
    notify([employee], f"Rekomendasi dari {adviser}: {offer.opportunity.title}"[:200],
           f"{adviser} merekomendasikan kegiatan ini untuk membantu Anda mencapai target JP "
           f"tahun ini ({angka(offer.jp)} JP, {offer.mechanism_title}).",
           kind="pemberitahuan", url=url_for("opportunities.mine"))
    audit.record("opportunity.recommend", "employee", employee.id, None,
                 {"kegiatan": offer.key, "jp": angka(offer.jp)},
                 summary=f"Rekomendasi kegiatan untuk {employee.nama}: {offer.opportunity.title}"[:300],
                 actor_id=current_user.id)
    db.session.commit()
    flash(f"Rekomendasi dikirim ke kotak masuk {employee.nama}.", "success")
    return redirect_to("opportunities.for_report", employee_id=employee.id)
