"""Import of results from the ministry's systems (assessment results, SKP ratings): validate
every row, list the rows that would replace stored values (conflicts) before anything is
written, then write all rows. One class for every :class:`~portal.assessments.spec.ResultSpec`."""

from __future__ import annotations

from portal import audit
from portal.assessments.people import employee_problem, employees_by_nip
from portal.assessments.spec import ResultSpec, save
from portal.imports.reader import Sheet
from portal.imports.validation import Preview, Problem, check_header, sorted_problems


class ResultImport:
    """The ``validate``/``write`` pair the import pipeline (``importer.KINDS``) calls."""

    def __init__(self, spec: ResultSpec):
        self.spec = spec

    def validate(self, sheet: Sheet, allowed_unit_kodes: set[str] | None) -> Preview:
        spec = self.spec
        preview = Preview(spec.kind, rows=len(sheet.rows), columns=frozenset(sheet.header),
                          warnings=check_header(sheet, spec.required, spec.optional))
        problems = [Problem(*found) for found in sheet.cell_problems]
        parsed = []
        for row_number, raw in sheet.rows:
            record, errors = spec.parse(raw)
            parsed.append((row_number, record, not errors))
            problems += [Problem(row_number, column, message) for column, message in errors]
        known = employees_by_nip({record.nip for _, record, _ in parsed if record.nip})
        stored = spec.stored({known[r.nip][0] for _, r, _ in parsed if r.nip in known})
        first: dict[tuple, int] = {}
        unchanged = 0
        for row_number, record, clean in parsed:
            problem = employee_problem(record.nip, known, allowed_unit_kodes)
            if problem:
                problems.append(Problem(row_number, "nip", problem))
            if problem or not clean:
                continue
            employee_id = known[record.nip][0]
            key = spec.key(employee_id, record)
            if key in first:
                problems.append(Problem(row_number, "baris", f"{spec.describe(record)} sudah ada "
                                                             f"di baris {first[key]}."))
                continue
            first[key] = row_number
            preview.records.append((employee_id, record))
            existing = stored.get(key)
            if existing is None:
                preview.created += 1
            elif changed := spec.differences(existing, record):
                preview.updated += 1
                preview.conflicts.append(Problem(
                    row_number, "baris", spec.describe_change(existing, record, changed) + "."))
            else:
                unchanged += 1
            notice = spec.notice(employee_id, record, stored) if spec.notice else None
            if notice:
                preview.notices.append(Problem(row_number, "baris", notice))
        if unchanged:
            preview.warnings.append(f"{unchanged} baris sama persis dengan data tersimpan dan "
                                    "tidak mengubah apa pun.")
        preview.problems = sorted_problems(problems, spec.columns)
        return preview

    def write(self, preview: Preview) -> None:
        """Save every row (the caller validated ``preview`` in this transaction and commits);
        each replaced value is audited with its old value."""
        spec = self.spec
        employee_ids = {employee_id for employee_id, _ in preview.records}
        stored = spec.stored(employee_ids)
        source = f"impor: {preview.source}"
        for employee_id, record in preview.records:
            status, old, row = save(spec, employee_id, record, source,
                                    stored.get(spec.key(employee_id, record)))
            if status == "diperbarui":
                audit.record(f"{spec.entity}.replace", spec.entity, row.id, old,
                             spec.values(record),
                             summary=f"{spec.describe(record)} diganti oleh {source}")
        if spec.after_write:
            spec.after_write(employee_ids)
