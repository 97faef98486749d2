"""Assessment results import (§E.8, G-03): validate every row, list conflicts with stored
results, then write all rows and bring the employees' current gaps in step."""

from __future__ import annotations

from portal import audit
from portal.assessments import results
from portal.assessments.people import employee_problem, employees_by_nip
from portal.i18n import tanggal
from portal.imports.reader import Sheet
from portal.imports.validation import Preview, Problem, check_header, sorted_problems

KIND = "assessments"


def validate(sheet: Sheet, allowed_unit_kodes: set[str] | None) -> Preview:
    required = tuple(c for c in results.COLUMNS if c not in results.OPTIONAL)
    preview = Preview(KIND, rows=len(sheet.rows), columns=frozenset(sheet.header),
                      warnings=check_header(sheet, required, results.OPTIONAL))
    problems = [Problem(*found) for found in sheet.cell_problems]
    parsed = []
    for row_number, raw in sheet.rows:
        record, errors = results.parse(raw)
        parsed.append((row_number, record))
        problems += [Problem(row_number, column, message) for column, message in errors]
    known = employees_by_nip({record.nip for _, record in parsed if record.nip})
    stored = results.stored({known[r.nip][0] for _, r in parsed if r.nip in known})
    latest = results.latest_dates(stored)
    first: dict[tuple, int] = {}
    unchanged = 0
    for row_number, record in parsed:
        problem = employee_problem(record.nip, known, allowed_unit_kodes)
        if problem:
            problems.append(Problem(row_number, "nip", problem))
            continue
        if record.assessed_on is None or not record.kompetensi:
            continue
        employee_id = known[record.nip][0]
        key = results.key(employee_id, record)
        if key in first:
            problems.append(Problem(row_number, "kompetensi",
                                    f"Hasil asesmen {record.kompetensi} NIP {record.nip} tanggal "
                                    f"{tanggal(record.assessed_on)} sudah ada di baris {first[key]}."))
            continue
        first[key] = row_number
        preview.records.append((employee_id, record))
        existing = stored.get(key)
        if existing is None:
            preview.created += 1
        elif changed := results.differences(existing, record):
            preview.updated += 1
            preview.conflicts.append(Problem(row_number, "baris", f"NIP {record.nip}: "
                                             + results.describe_change(existing, changed) + "."))
        else:
            unchanged += 1
        newer = results.newer_than(employee_id, record, latest)
        if newer is not None:
            preview.notices.append(Problem(
                row_number, "tanggal_asesmen",
                f"NIP {record.nip}: sudah tersimpan asesmen {record.kompetensi} yang lebih baru "
                f"({tanggal(newer)}); baris ini disimpan sebagai riwayat dan tidak mengubah "
                "kesenjangan saat ini."))
    if unchanged:
        preview.warnings.append(f"{unchanged} baris sama persis dengan data tersimpan dan tidak "
                                "mengubah apa pun.")
    preview.problems = sorted_problems(problems, results.COLUMNS)
    return preview


def write(preview: Preview) -> None:
    """Save every row (the caller validated ``preview`` in this transaction and commits);
    each replaced result is audited with its old values."""
    stored = results.stored({employee_id for employee_id, _ in preview.records})
    source = f"impor: {preview.source}"
    for employee_id, record in preview.records:
        existing = stored.get(results.key(employee_id, record))
        status, old = results.save(employee_id, record, source, existing)
        if status == "diperbarui":
            audit.record("assessment.replace", "assessment_result", existing.id, old,
                         record.values(), summary=f"Hasil asesmen {record.kompetensi} NIP "
                         f"{record.nip} tanggal {record.assessed_on} diganti oleh {source}")
    results.sync_gaps({employee_id for employee_id, _ in preview.records})
