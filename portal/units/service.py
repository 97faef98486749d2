"""Unit rules shared by the forms and the importer: parsing, references, tree paths."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, update

from portal import nip as nip_rules
from portal.extensions import db
from portal.models import Employee, Unit
from portal.models.unit import ESELON_LEVELS

UNIT_COLUMNS = ("kode", "nama", "eselon", "induk_kode", "pimpinan_nip")


@dataclass
class UnitRecord:
    kode: str
    nama: str
    eselon: str
    induk_kode: str
    pimpinan_nip: str


KODE_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,30}")


def kode_problem(kode: str) -> str | None:
    """A unit code is 1–30 letters, digits, ``.``, ``-`` or ``_`` (issue 15 item 7: codes go
    into file names, headers and URLs; quotes, spaces and line breaks would break them)."""
    if len(kode) > 30:
        return "Kode unit maksimal 30 karakter."
    if not KODE_PATTERN.fullmatch(kode):
        return "Kode unit hanya boleh berisi huruf, angka, titik (.), tanda hubung (-) dan garis bawah (_)."
    return None


def parse_unit(raw: dict[str, str]) -> tuple[UnitRecord, list[tuple[str, str]]]:
    """Clean one unit row; return the record and (column, message) problems."""
    value = {key: (raw.get(key) or "").strip() for key in UNIT_COLUMNS}
    errors: list[tuple[str, str]] = []
    if not value["kode"]:
        errors.append(("kode", "Kode unit wajib diisi."))
    elif problem := kode_problem(value["kode"]):
        errors.append(("kode", problem))
    if value["induk_kode"] and (problem := kode_problem(value["induk_kode"])):
        errors.append(("induk_kode", problem))
    if not value["nama"]:
        errors.append(("nama", "Nama unit wajib diisi."))
    elif len(value["nama"]) > 200:
        errors.append(("nama", "Nama unit maksimal 200 karakter."))
    eselon = value["eselon"].upper()
    if eselon not in ESELON_LEVELS:
        errors.append(("eselon", f"Eselon harus salah satu dari {', '.join(ESELON_LEVELS)}."))
    if value["induk_kode"] and value["induk_kode"] == value["kode"]:
        errors.append(("induk_kode", "Unit tidak boleh menjadi induk dirinya sendiri."))
    record = UnitRecord(value["kode"], value["nama"], eselon, value["induk_kode"],
                        nip_rules.normalise(value["pimpinan_nip"]))
    return record, errors


def parent_cycle(kode: str, parent_of: dict[str, str]) -> bool:
    """True when following parents from ``kode`` comes back to it."""
    seen = {kode}
    current = parent_of.get(kode)
    while current:
        if current in seen:
            return True
        seen.add(current)
        current = parent_of.get(current)
    return False


def looping(starts: list[str], parent_of: dict[str, str]) -> set[str]:
    """The keys among ``starts`` that lie on a loop of parents (each is its own ancestor).

    Every key is walked once (memoised), so a long chain in a big file stays linear.
    """
    on_loop: dict[str, bool] = {}
    for start in starts:
        path: list[str] = []
        position: dict[str, int] = {}
        current = start
        while current and current not in on_loop and current not in position:
            position[current] = len(path)
            path.append(current)
            current = parent_of.get(current)
        loop_start = position.get(current, len(path)) if current else len(path)
        for index, key in enumerate(path):
            on_loop[key] = index >= loop_start
    return {start for start in starts if on_loop.get(start)}


def existing_parent_map() -> dict[str, str]:
    parent = db.aliased(Unit)
    rows = db.session.execute(
        select(Unit.kode, parent.kode).outerjoin(parent, Unit.parent_id == parent.id)
    )
    return {kode: parent_kode for kode, parent_kode in rows if parent_kode}


def _existing_nips(nips: set[str]) -> set[str]:
    if len(nips) >= 2000:  # one pass over the table beats many IN (...) queries
        return {nip for nip in db.session.scalars(select(Employee.nip)) if nip in nips}
    found: set[str] = set()
    wanted = sorted(nips)
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        found |= set(db.session.scalars(select(Employee.nip).where(Employee.nip.in_(chunk))))
    return found


def check_unit_references(
    records: list[UnitRecord], allowed_unit_kodes: set[str] | None = None
) -> dict[int, list[tuple[str, str]]]:
    """Problems per record index: unknown parent or head, cycles in the tree, scope.

    ``allowed_unit_kodes`` (None: no limit) are the existing units the user administers: a
    record may then only change such a unit, hang it below one of them (or below another unit
    of ``records``), and never create a top-level unit.
    """
    known_units = set(db.session.scalars(select(Unit.kode)))
    file_units = {r.kode for r in records}
    parent_units = known_units | file_units
    known_heads = _existing_nips({r.pimpinan_nip for r in records if r.pimpinan_nip})
    current_parent = existing_parent_map()
    parent_of = dict(current_parent)
    parent_of.update({r.kode: r.induk_kode for r in records})
    in_cycle = looping([r.kode for r in records if r.induk_kode], parent_of)
    problems: dict[int, list[tuple[str, str]]] = {}
    for index, record in enumerate(records):
        found = []
        if record.induk_kode and record.induk_kode not in parent_units:
            found.append(("induk_kode", f"Unit induk {record.induk_kode} tidak ditemukan."))
        elif record.induk_kode and record.kode in in_cycle:
            found.append(("induk_kode", "Induk ini membuat lingkaran pada pohon unit."))
        if allowed_unit_kodes is not None:
            found += _scope_problems(record, allowed_unit_kodes, known_units, file_units,
                                     current_parent)
        if record.pimpinan_nip and record.pimpinan_nip not in known_heads:
            found.append(("pimpinan_nip",
                          f"Pimpinan dengan NIP {record.pimpinan_nip} belum terdaftar."))
        if found:
            problems[index] = found
    return problems


def _scope_problems(record: UnitRecord, allowed: set[str], known_units: set[str],
                    file_units: set[str], current_parent: dict[str, str]) -> list[tuple[str, str]]:
    if record.kode in known_units and record.kode not in allowed:
        return [("kode", f"Unit {record.kode} di luar kewenangan Anda.")]
    if record.kode in known_units and record.induk_kode == current_parent.get(record.kode, ""):
        return []  # the parent stays as it is
    if not record.induk_kode:
        return [("induk_kode", "Hanya Admin SDM yang dapat membuat unit tingkat teratas.")]
    if record.induk_kode not in allowed and record.induk_kode not in file_units:
        return [("induk_kode", f"Unit induk {record.induk_kode} di luar kewenangan Anda.")]
    return []


def rebuild_paths() -> None:
    """Recompute every unit's materialised path (after imports or moves)."""
    rows = db.session.execute(select(Unit.id, Unit.parent_id)).all()
    parent = dict(rows)
    paths: dict[int, str] = {}

    def path_of(unit_id: int) -> str:
        if unit_id not in paths:
            up = parent.get(unit_id)
            paths[unit_id] = (path_of(up) if up else "/") + f"{unit_id}/"
        return paths[unit_id]

    for unit_id in parent:
        path_of(unit_id)
    if paths:
        db.session.execute(update(Unit), [{"id": k, "path": v} for k, v in paths.items()])


def move_unit(unit: Unit, new_parent: Unit | None) -> None:
    """Re-hang ``unit`` (and its subtree) under ``new_parent``."""
    old_path = unit.path
    new_path = (new_parent.path if new_parent else "/") + f"{unit.id}/"
    unit.parent = new_parent
    descendants = db.session.scalars(
        select(Unit).where(Unit.path.startswith(old_path, autoescape=True))
    )
    for descendant in descendants:
        descendant.path = new_path + descendant.path[len(old_path):]


def subtree_ids(unit: Unit) -> list[int]:
    return list(db.session.scalars(
        select(Unit.id).where(Unit.path.startswith(unit.path, autoescape=True))
    ))
