"""Reading a report's filters from the query string; bad input gives an Indonesian message."""

from __future__ import annotations

import datetime as dt

from flask import abort, request
from flask_login import current_user
from sqlalchemy import select

from portal.clock import today
from portal.extensions import db
from portal.mechanisms.catalogue import mechanism_choices
from portal.models import Employee, Unit
from portal.nip import normalise
from portal.pagination import parse_date_text, parse_id, parse_year
from portal.refusal import Refusal
from portal.scope import can_view_employee, viewable_units
from portal.types import ReportPeriod

MAX_DAYS = 5 * 366


class FilterError(Refusal):
    """A filter value is invalid; the message is Indonesian."""


def current_quarter(on: dt.date) -> ReportPeriod:
    first_month = 3 * ((on.month - 1) // 3) + 1
    start = dt.date(on.year, first_month, 1)
    end = dt.date(on.year + (first_month == 10), 1 if first_month == 10 else first_month + 3, 1)
    return ReportPeriod(start, end - dt.timedelta(days=1))


def _date(name: str) -> dt.date | None:
    value, problem = parse_date_text(request.args.get(name))
    if problem:
        raise FilterError(problem)
    return value


def period() -> ReportPeriod:
    default = current_quarter(today())
    start, end = _date("dari") or default.start, _date("sampai") or default.end
    if end < start:
        raise FilterError("Tanggal akhir periode sebelum tanggal awal.")
    if (end - start).days > MAX_DAYS:
        raise FilterError("Periode laporan paling panjang 5 tahun.")
    return ReportPeriod(start, end)


def year() -> int:
    found, problem = parse_year(request.args.get("tahun"))
    if problem:
        raise FilterError(problem)
    return found or today().year


def units() -> list[Unit]:
    return list(db.session.scalars(select(Unit).where(viewable_units(current_user)).order_by(Unit.path)))


def unit() -> Unit:
    """The chosen unit (404 outside the user's scope); default: the first in scope."""
    raw = (request.args.get("unit") or "").strip()
    if raw:
        found = db.session.get(Unit, unit_id) if (unit_id := parse_id(raw)) else None
        if found is None or found.id not in {u.id for u in units()}:
            abort(404)
        return found
    available = units()
    if not available:
        raise FilterError("Tidak ada unit dalam lingkup Anda.")
    return available[0]


def employee() -> Employee:
    """The transcript's employee (``pegawai`` id or ``nip``): yourself, or someone you may
    view (404 otherwise, so ids and NIPs reveal nothing)."""
    raw = (request.args.get("pegawai") or "").strip()
    nip = normalise(request.args.get("nip") or "")[:30]
    if not raw and not nip:
        return current_user.employee
    if nip:
        found = db.session.scalar(select(Employee).where(Employee.nip == nip))
    else:
        found = db.session.get(Employee, employee_id) if (employee_id := parse_id(raw)) else None
    if found is None or not can_view_employee(current_user, found):
        abort(404)
    return found


def mechanism() -> str:
    choices = [slug for slug, _ in mechanism_choices()]
    raw = (request.args.get("mekanisme") or "").strip()
    if not raw:
        return choices[0]
    if raw not in choices:
        raise FilterError("Mekanisme tidak dikenal.")
    return raw
