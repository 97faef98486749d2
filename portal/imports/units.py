"""Unit import: validate every row with the unit rules, then write all rows in bulk."""

from __future__ import annotations

from sqlalchemy import insert, update

from portal.extensions import db
from portal.imports.reader import Sheet
from portal.imports.validation import (
    Preview,
    Problem,
    check_header,
    chunks,
    duplicates,
    key_map,
    sorted_problems,
)
from portal.models import Employee, Unit
from portal.units.service import (
    UNIT_COLUMNS,
    check_unit_references,
    parse_unit,
    rebuild_paths,
)

KIND = "units"


def validate(sheet: Sheet, allowed_unit_kodes: set[str] | None) -> Preview:
    preview = Preview(KIND, rows=len(sheet.rows), columns=frozenset(sheet.header),
                      warnings=check_header(sheet, UNIT_COLUMNS, ()))
    problems = [Problem(*found) for found in sheet.cell_problems]
    row_numbers = []
    for row_number, raw in sheet.rows:
        record, errors = parse_unit(raw)
        preview.records.append(record)
        row_numbers.append(row_number)
        problems += [Problem(row_number, column, message) for column, message in errors]
    problems += duplicates((r.kode for r in preview.records), row_numbers, "kode", "Kode unit")
    references = check_unit_references(preview.records, allowed_unit_kodes)
    for index, found in references.items():
        problems += [Problem(row_numbers[index], column, message) for column, message in found]
    preview.problems = sorted_problems(problems, UNIT_COLUMNS)
    existing = _ids({r.kode for r in preview.records})
    preview.updated = sum(1 for r in preview.records if r.kode in existing)
    preview.created = len(preview.records) - preview.updated
    return preview


def _ids(kodes: set[str]) -> dict[str, int]:
    return key_map(Unit.kode, Unit.id, kodes)


def _employee_ids(nips: set[str]) -> dict[str, int]:
    return key_map(Employee.nip, Employee.id, nips)


def write(preview: Preview) -> None:
    """Create new units, update known ones, then hang them in the tree and rebuild the paths.

    The caller has validated ``preview`` in this transaction and commits.
    """
    records = preview.records
    kodes = {r.kode for r in records} | {r.induk_kode for r in records if r.induk_kode}
    id_of = _ids(kodes)
    new = [{"kode": r.kode, "nama": r.nama, "eselon": r.eselon}
           for r in records if r.kode not in id_of]
    for chunk in chunks(new, 1000):
        id_of.update(db.session.execute(insert(Unit).returning(Unit.kode, Unit.id), chunk).all())
    heads = _employee_ids({r.pimpinan_nip for r in records if r.pimpinan_nip})
    rows = [{
        "id": id_of[r.kode], "nama": r.nama, "eselon": r.eselon,
        "parent_id": id_of[r.induk_kode] if r.induk_kode else None,
        "head_id": heads[r.pimpinan_nip] if r.pimpinan_nip else None,
    } for r in records]
    for chunk in chunks(rows, 1000):
        db.session.execute(update(Unit), chunk)
    rebuild_paths()
