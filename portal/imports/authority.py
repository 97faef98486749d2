"""Authority from data through the import door (docs/security.md, "Kewenangan dari data").

An import sets atasan (``atasan_nip``) and unit heads (``pimpinan_nip``) in bulk, so it obeys the
same guard as the edit forms (``portal.authority``): nobody appoints themselves or an account
they control, an admin_unit chooses within its scope. Changes of an existing employee's atasan
or of an existing unit's head are audited old → new and told to the people concerned; a first
load (new employees, new units) is not announced person by person.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from portal import authority
from portal.extensions import db
from portal.imports.validation import Preview, Problem, key_map
from portal.models import Account, Employee, Unit

COLUMN = {"employees": "atasan_nip", "units": "pimpinan_nip"}


@dataclass(frozen=True)
class Change:
    kind: str
    key: str  # the employee's NIP or the unit's kode
    old_id: int | None
    new_nip: str | None


def _pairs(kind: str, records: list) -> list[tuple[str, int | None, str | None]]:
    """(key, current holder id, wanted NIP) of every record about an existing row."""
    if kind == "employees":
        current = key_map(Employee.nip, Employee.supervisor_id, {r.nip for r in records})
        return [(r.nip, current[r.nip], r.atasan_nip or None) for r in records if r.nip in current]
    current = key_map(Unit.kode, Unit.head_id, {r.kode for r in records})
    return [(r.kode, current[r.kode], r.pimpinan_nip or None) for r in records if r.kode in current]


def _employees(nips: set[str]) -> dict[str, Employee]:
    ids = key_map(Employee.nip, Employee.id, nips)
    return {e.nip: e for e in db.session.scalars(select(Employee).where(Employee.id.in_(ids.values())))} \
        if ids else {}


def check(kind: str, actor: Account, preview: Preview, row_numbers: list[int]) -> None:
    """Add a problem for every row that would make ``actor`` (or an account they control)
    atasan or head, or choose one outside their scope."""
    wanted = {(r.atasan_nip if kind == "employees" else r.pimpinan_nip) for r in preview.records} - {""}
    people = _employees(wanted | ({r.nip for r in preview.records} if kind == "employees" else set()))
    existing = {key: old for key, old, _new in _pairs(kind, preview.records)}
    for index, record in enumerate(preview.records):
        nip = record.atasan_nip if kind == "employees" else record.pimpinan_nip
        new = people.get(nip) if nip else None
        if nip and new is None:
            continue  # a new employee of the same file: the file's unit scope already applies
        key = record.nip if kind == "employees" else record.kode
        old_id = existing.get(key)
        old = db.session.get(Employee, old_id) if old_id else None
        if kind == "employees":
            problem = authority.atasan_refusal(actor, people.get(record.nip), old, new)
        else:
            problem = authority.head_refusal(actor, old, new)
        if problem:
            preview.problems.append(Problem(row_numbers[index], COLUMN[kind], problem))
    preview.problems.sort(key=lambda p: p.row)


def changes(kind: str, records: list) -> list[Change]:
    """The atasan/head changes the import will make to existing rows (read before writing)."""
    ids = key_map(Employee.nip, Employee.id, {new for _key, _old, new in _pairs(kind, records) if new})
    return [Change(kind, key, old, new) for key, old, new in _pairs(kind, records)
            if old != (ids.get(new) if new else None)]


def announce(found: list[Change]) -> None:
    """After the write: audit and notify each change (the caller commits)."""
    for change in found:
        old = db.session.get(Employee, change.old_id) if change.old_id else None
        new = db.session.scalar(select(Employee).where(Employee.nip == change.new_nip)) \
            if change.new_nip else None
        if change.kind == "employees":
            subject = db.session.scalar(select(Employee).where(Employee.nip == change.key))
            authority.atasan_changed(subject, old, new)
        else:
            unit = db.session.scalar(select(Unit).where(Unit.kode == change.key))
            authority.head_changed(unit, old, new)
