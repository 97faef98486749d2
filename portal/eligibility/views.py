"""``/kelayakan``: check oneself (or, for an atasan/admin, an employee in scope) against every
installed mechanism on a date."""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user
from sqlalchemy import select

from portal.access import MANAGERS, ROLES, access
from portal.eligibility.dates import parse_date
from portal.eligibility.service import check
from portal.extensions import db
from portal.models import Employee
from portal.pagination import arg
from portal.plugins import registry
from portal.scope import can_view_employee
from portal.web import render

bp = Blueprint("eligibility", __name__)


def _subject(nip: str, can_choose: bool) -> tuple[Employee | None, str | None]:
    """The employee to check: oneself, or someone in the user's scope (atasan, admin)."""
    own = current_user.employee
    if not nip or nip == own.nip:
        return own, None
    if not can_choose:
        return None, "Anda hanya dapat memeriksa kelayakan Anda sendiri."
    employee = db.session.scalar(select(Employee).where(Employee.nip == nip))
    # One message for "unknown" and "out of scope": a NIP reveals nothing.
    if employee is None or not can_view_employee(current_user, employee):
        return None, f"Pegawai dengan NIP {nip} tidak ditemukan atau di luar kewenangan Anda."
    return employee, None


def _mechanisms() -> list[str]:
    """Installed mechanisms: 70, then 20, then 10; by title within a model."""
    plugins = sorted(registry().installed(), key=lambda p: (-p.info.model, p.info.title))
    return [plugin.slug for plugin in plugins]


@bp.route("/kelayakan")
@access(*ROLES)
def index():
    date_text = arg("tanggal", max_length=20)
    on_date, date_error = parse_date(date_text)
    nip = arg("nip", max_length=30).replace(" ", "")
    can_choose = current_user.has_any(*MANAGERS)
    employee, nip_error = _subject(nip, can_choose)
    answers = []
    if employee is not None and on_date is not None:
        answers = [check(employee, slug, on_date) for slug in _mechanisms()]
    return render("eligibility/index.html", block="results", employee=employee, on_date=on_date,
                  date_text=date_text or (on_date.isoformat() if on_date else ""), nip=nip,
                  date_error=date_error, nip_error=nip_error, can_choose=can_choose,
                  answers=answers)
