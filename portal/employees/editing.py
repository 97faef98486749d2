"""Creating and changing an employee from the form (the view only renders): the importer's rules
for the values, the user's scope for the unit, the authority rules for the atasan, one write and
one audit record of what changed. Problems are ``(field, message)`` pairs in Indonesian."""

from __future__ import annotations

from sqlalchemy import select

from portal import authority
from portal.audit import record
from portal.employees import service
from portal.extensions import db
from portal.models import Account, Employee, Unit
from portal.scope import can_manage_unit

Problems = list[tuple[str, str]]


def form_values(employee: Employee) -> dict:
    return {
        "nip": employee.nip, "nama": employee.nama, "unit_kode": employee.unit.kode,
        "status_asn": employee.status_asn, "jenis_jabatan": employee.jenis_jabatan,
        "jenjang": employee.jenjang, "jabatan": employee.jabatan, "golongan": employee.golongan,
        "atasan_nip": employee.supervisor.nip if employee.supervisor else "",
        "email": employee.email or "", "hipo": employee.hipo,
        "pppk_kontrak_selesai": employee.pppk_kontrak_selesai.isoformat()
        if employee.pppk_kontrak_selesai else "",
        "pppk_keahlian_langka": employee.pppk_keahlian_langka, "pendidikan": employee.pendidikan,
    }


def _identity_problems(parsed, employee: Employee | None) -> Problems:
    clash = db.session.scalar(select(Employee).where(Employee.nip == parsed.nip))
    problems = []
    if clash is not None and clash is not employee:
        problems.append(("nip", f"NIP {parsed.nip} sudah terdaftar atas nama {clash.nama}."))
    return problems + service.check_employee_references([parsed]).get(0, [])


def _write(parsed, employee: Employee | None, unit: Unit | None, atasan: Employee | None) -> Employee:
    before = form_values(employee) if employee else None
    old_atasan = employee.supervisor if employee else None
    if employee is None:
        employee = Employee(**parsed.model_values(), unit=unit)
        db.session.add(employee)
    else:
        for key, value in parsed.model_values().items():
            setattr(employee, key, value)
        employee.unit = unit
    employee.supervisor = atasan
    db.session.flush()
    authority.atasan_changed(employee, old_atasan, atasan)
    after = form_values(employee)
    changed_before = {k: v for k, v in (before or {}).items() if after.get(k) != v}
    record("employee.create" if before is None else "employee.update", "employee", employee.nip,
           changed_before or None, {k: after[k] for k in (changed_before or after)},
           summary=f"Pegawai {employee.nip} {employee.nama}")
    return employee


def save(raw: dict, employee: Employee | None, user: Account) -> tuple[Employee | None, Problems]:
    """Create (``employee`` None) or change an employee; ``(None, problems)`` when refused,
    nothing written. The NIP of an existing employee is not changed here."""
    if employee is not None:
        raw = {**raw, "nip": employee.nip}
    parsed, problems = service.parse_employee(raw)
    if not problems:
        problems += _identity_problems(parsed, employee)
    unit = db.session.scalar(select(Unit).where(Unit.kode == parsed.unit_kode))
    if unit is not None and not can_manage_unit(user, unit):
        problems.append(("unit_kode", "Unit ini di luar kewenangan Anda."))
    atasan = (db.session.scalar(select(Employee).where(Employee.nip == parsed.atasan_nip))
              if parsed.atasan_nip else None)
    old_atasan = employee.supervisor if employee else None
    if not problems and (problem := authority.atasan_refusal(user, employee, old_atasan, atasan)):
        problems.append(("atasan_nip", problem))
    if problems:
        return None, problems
    return _write(parsed, employee, unit, atasan), []
