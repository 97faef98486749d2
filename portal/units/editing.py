"""Creating and changing a unit from the form (the view only renders): the import's rules for
the values, the user's scope for the parent, the authority rules for the head, one write and one
audit record. Errors are ``(field, message)`` pairs in Indonesian."""

from __future__ import annotations

from sqlalchemy import select

from portal import authority
from portal.audit import record
from portal.extensions import db
from portal.models import Account, Employee, Unit
from portal.scope import can_manage_unit
from portal.units import service

Problems = list[tuple[str, str]]


def _kode_clash(kode: str, unit: Unit | None) -> Problems:
    clash = db.session.scalar(select(Unit).where(Unit.kode == kode))
    if clash is not None and clash is not unit:
        return [("kode", f"Kode {kode} sudah dipakai unit {clash.nama}.")]
    return []


def _parent(induk_kode: str, unit: Unit | None, user: Account) -> tuple[Unit | None, Problems]:
    if not induk_kode:
        if not user.is_ministry_wide and (unit is None or unit.parent_id is not None):
            return None, [("induk_kode", "Hanya Admin SDM yang dapat membuat unit tingkat teratas.")]
        return None, []
    parent = db.session.scalar(select(Unit).where(Unit.kode == induk_kode))
    if parent is None:
        return None, [("induk_kode", f"Unit induk {induk_kode} tidak ditemukan.")]
    if not can_manage_unit(user, parent):
        return parent, [("induk_kode", "Unit induk di luar kewenangan Anda.")]
    if unit is not None and parent.is_within(unit):
        return parent, [("induk_kode", "Unit tidak dapat dipindah ke bawah dirinya sendiri.")]
    return parent, []


def _head(pimpinan_nip: str, unit: Unit | None, user: Account) -> tuple[Employee | None, Problems]:
    if not pimpinan_nip:
        return None, []
    head = db.session.scalar(select(Employee).where(Employee.nip == pimpinan_nip))
    if head is None:
        return None, [("pimpinan_nip", f"Pegawai dengan NIP {pimpinan_nip} tidak ditemukan.")]
    if problem := authority.head_refusal(user, unit.head if unit else None, head):
        return head, [("pimpinan_nip", problem)]
    return head, []


def snapshot(unit: Unit) -> dict:
    return {"kode": unit.kode, "nama": unit.nama, "eselon": unit.eselon,
            "induk": unit.parent.kode if unit.parent else None,
            "pimpinan": unit.head.nip if unit.head else None}


def save(raw: dict[str, str], unit: Unit | None, user: Account) -> tuple[Unit | None, Problems]:
    """Create (``unit`` None) or change a unit from the form's values; ``(None, problems)``
    when refused, nothing written."""
    values, problems = service.parse_unit(raw)
    problems += _kode_clash(values.kode, unit)
    parent, parent_problems = _parent(values.induk_kode, unit, user)
    head, head_problems = _head(values.pimpinan_nip, unit, user)
    problems += parent_problems + head_problems
    if problems:
        return None, problems
    before = snapshot(unit) if unit else None
    old_head = unit.head if unit else None
    if unit is None:
        unit = Unit(kode=values.kode, nama=values.nama, eselon=values.eselon, parent=parent)
        db.session.add(unit)
        db.session.flush()
        unit.path = (parent.path if parent else "/") + f"{unit.id}/"
    else:
        if unit.parent_id != (parent.id if parent else None):
            service.move_unit(unit, parent)
        unit.kode, unit.nama, unit.eselon = values.kode, values.nama, values.eselon
    unit.head_id = head.id if head else None
    authority.head_changed(unit, old_head, head)
    record("unit.create" if before is None else "unit.update", "unit", unit.kode, before,
           snapshot(unit), summary=f"Unit {unit.kode} {unit.nama}")
    return unit, []
