"""Employee import: validate every row with the employee rules, then write all rows in bulk."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from portal.employees.service import (
    EMPLOYEE_COLUMNS,
    OPTIONAL_COLUMNS,
    check_employee_references,
    parse_employee,
)
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

KIND = "employees"


def validate(sheet: Sheet, allowed_unit_kodes: set[str] | None) -> Preview:
    preview = Preview(KIND, rows=len(sheet.rows), columns=frozenset(sheet.header),
                      warnings=check_header(sheet, EMPLOYEE_COLUMNS, OPTIONAL_COLUMNS))
    problems = [Problem(*found) for found in sheet.cell_problems]
    row_numbers = []
    for row_number, raw in sheet.rows:
        record, errors = parse_employee(raw)
        preview.records.append(record)
        row_numbers.append(row_number)
        problems += [Problem(row_number, column, message) for column, message in errors]
    problems += duplicates((r.nip for r in preview.records), row_numbers, "nip", "NIP")
    references = check_employee_references(preview.records, allowed_unit_kodes)
    for index, found in references.items():
        problems += [Problem(row_numbers[index], column, message) for column, message in found]
    preview.problems = sorted_problems(problems, EMPLOYEE_COLUMNS + OPTIONAL_COLUMNS)
    existing = _ids({r.nip for r in preview.records})
    preview.updated = sum(1 for r in preview.records if r.nip in existing)
    preview.created = len(preview.records) - preview.updated
    return preview


def _ids(nips: set[str]) -> dict[str, int]:
    return key_map(Employee.nip, Employee.id, nips)


def write(preview: Preview) -> None:
    """Insert new employees, update known ones, then link the rows whose supervisor is new.

    A supervisor already registered is set in the same statement; one that is a new row of the
    file is linked in a last pass, once every employee exists. Optional columns missing from
    the file leave the stored values alone. The caller has validated ``preview`` in this
    transaction and commits.
    """
    records = preview.records
    skipped = [name for name in OPTIONAL_COLUMNS if name not in preview.columns]
    unit_id = dict(db.session.execute(select(Unit.kode, Unit.id)).all())
    id_of = _ids({r.nip for r in records} | {r.atasan_nip for r in records if r.atasan_nip})
    new, changed, later = [], [], []
    for r in records:
        values = {**r.model_values(), "unit_id": unit_id[r.unit_kode],
                  "supervisor_id": id_of.get(r.atasan_nip) if r.atasan_nip else None}
        if r.atasan_nip and r.atasan_nip not in id_of:
            later.append(r)
        if r.nip in id_of:
            for name in skipped:
                del values[name]
            changed.append({"id": id_of[r.nip], **values})
        else:
            new.append(values)
    # render_nulls: rows with and without NULLs share one executemany instead of one per run.
    # No RETURNING: a plain executemany is much cheaper on psycopg; one lookup gets the ids.
    for chunk in chunks(new, 5000):
        db.session.execute(insert(Employee).execution_options(render_nulls=True), chunk)
    if new:
        id_of.update(_ids({row["nip"] for row in new}))
    for chunk in chunks(changed, 5000):
        db.session.execute(update(Employee), chunk)
    links = [{"id": id_of[r.nip], "supervisor_id": id_of[r.atasan_nip]} for r in later]
    for chunk in chunks(links, 5000):
        db.session.execute(update(Employee), chunk)
