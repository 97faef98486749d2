"""What an incoming row (import or API) shares: the employee named by NIP, within the writer's
units, and a date that is a real day not in the future."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal import nip as nip_rules
from portal.clock import today
from portal.employees.service import parse_iso_date
from portal.extensions import db
from portal.imports.validation import chunks
from portal.models import Employee, Unit

EARLIEST = dt.date(2000, 1, 1)


def employees_by_nip(nips: set[str]) -> dict[str, tuple[int, str]]:
    """``{nip: (employee id, unit kode)}`` of the registered employees among ``nips``."""
    found: dict[str, tuple[int, str]] = {}
    for chunk in chunks(sorted(nips)):
        rows = db.session.execute(select(Employee.nip, Employee.id, Unit.kode)
                                  .join(Unit, Unit.id == Employee.unit_id)
                                  .where(Employee.nip.in_(chunk)))
        found.update({nip: (employee_id, kode) for nip, employee_id, kode in rows})
    return found


def employee_problem(nip: str, known: dict[str, tuple[int, str]],
                     allowed_unit_kodes: set[str] | None) -> str | None:
    """Why the row's NIP cannot be written (unknown, or outside the writer's units), or None."""
    if not nip:
        return "NIP wajib diisi."
    if nip not in known:
        return f"Pegawai dengan NIP {nip} belum terdaftar di portal."
    if allowed_unit_kodes is not None and known[nip][1] not in allowed_unit_kodes:
        return f"Pegawai dengan NIP {nip} berada di luar unit kewenangan Anda."
    return None


def clean_nip(text: str) -> str:
    return nip_rules.normalise(text or "")


def past_date(text: str, label: str) -> tuple[dt.date | None, str | None]:
    """A ``YYYY-MM-DD`` date between 1 January 2000 and today (WIB)."""
    text = (text or "").strip()
    if not text:
        return None, f"{label} wajib diisi (YYYY-MM-DD)."
    value = parse_iso_date(text)
    if value is None:
        return None, f"{label} harus berformat YYYY-MM-DD dan ada di kalender."
    if not EARLIEST <= value <= today():
        return None, f"{label} harus antara 2000-01-01 dan hari ini."
    return value, None
