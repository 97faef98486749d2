"""Checking a whole activities file: the core's checks, the plugins' verdicts, duplicates.

Every lookup is one query per chunk of values (NIPs, employees), then set/dict lookups per row:
no query per row. Nothing is written (settings are read without materialising defaults).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from portal.activities import rows as cells
from portal.activities.columns import COLUMNS
from portal.activities.fixed_types import FIXED_TYPES
from portal.extensions import db
from portal.imports.reader import Sheet
from portal.imports.validation import Problem, check_header, chunks, sorted_problems
from portal.ledger.models import LedgerEntry
from portal.ledger.numbers import to_jp
from portal.ledger.service import LedgerError, compute_jp
from portal.mechanisms.switches import disabled_slugs
from portal.models import Employee, Unit
from portal.plugins import registry
from portal.rule_settings.versions import JPSettings, VersionCache
from portal.types import ActivityRow, ImportVerdict, Participation

WHOLE_ROW = "baris"


@dataclass(frozen=True)
class Accepted:
    """A row ready for the ledger: its participation and the JP the ledger will claim."""

    row_number: int
    participation: Participation
    jp: Decimal
    rule_id: str


@dataclass
class ActivityPreview:
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about the whole file
    row_warnings: list[Problem] = field(default_factory=list)  # e.g. beyond a cap
    accepted: list[Accepted] = field(default_factory=list)
    not_counted: int = 0  # forecast in a preview, actual after a commit
    counted_jp: Decimal = Decimal(0)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Person:
    id: int
    unit_id: int
    path: str


def _people(nips: Iterable[str]) -> dict[str, _Person]:
    found: dict[str, _Person] = {}
    for part in chunks(set(nips)):
        query = (select(Employee.nip, Employee.id, Employee.unit_id, Unit.path)
                 .join(Unit, Unit.id == Employee.unit_id).where(Employee.nip.in_(part)))
        for nip, employee_id, unit_id, path in db.session.execute(query):
            found[nip] = _Person(employee_id, unit_id, path)
    return found


def _in_scope(person: _Person, scope: tuple[str, ...] | None) -> bool:
    return scope is None or any(person.path.startswith(path) for path in scope)


def _mechanism_problem(slug: str, installed: set[str]) -> str | None:
    if slug in installed:
        return None
    if slug in FIXED_TYPES:
        return (f"Mekanisme {slug} belum terpasang di portal; riwayatnya dapat diimpor setelah "
                "plugin mekanisme ini dipasang.")
    return (f"Mekanisme {slug!r} tidak dikenal. Gunakan salah satu: "
            f"{', '.join(sorted(set(FIXED_TYPES) | installed))}.")


def _switched_off(units: set[int]) -> dict[int, set[str]]:
    return {unit_id: disabled_slugs(db.session.get(Unit, unit_id)) for unit_id in units}


def _existing_keys(accepted: list[Accepted]) -> dict[tuple, int]:
    """Live ledger rows with the same key as a file row: key -> entry id."""
    if not accepted:
        return {}
    employees = {a.participation.employee_id for a in accepted}
    first = min(a.participation.on_date for a in accepted)
    last = max(a.participation.on_date for a in accepted)
    keys: dict[tuple, int] = {}
    for part in chunks(employees):
        query = (select(LedgerEntry.id, LedgerEntry.employee_id, LedgerEntry.mechanism,
                        LedgerEntry.activity_type, LedgerEntry.role, LedgerEntry.activity_date,
                        LedgerEntry.reference)
                 .where(LedgerEntry.employee_id.in_(part), LedgerEntry.activity_date >= first,
                        LedgerEntry.activity_date <= last, LedgerEntry.cancelled_at.is_(None)))
        for entry_id, *key in db.session.execute(query):
            keys[tuple(key)] = entry_id
    return keys


def key_of(p: Participation) -> tuple:
    return (p.employee_id, p.mechanism, p.activity_type, p.role, p.on_date, p.reference)


def _verdict(row: ActivityRow) -> ImportVerdict | None:
    return registry().pm.hook.portal_import_row(row=row)


def _checked(verdict: ImportVerdict, row: ActivityRow) -> tuple[Participation | None, str | None]:
    if not verdict.accepted:
        return None, verdict.message or f"Ditolak oleh plugin {row.mechanism}."
    p = verdict.participation
    if p is None or p.employee_id != row.employee_id or p.mechanism != row.mechanism:
        return None, (f"Plugin {row.mechanism} menerima baris ini tetapi tidak mengembalikan "
                      "partisipasi yang sesuai; laporkan ke pengelola plugin.")
    return dataclasses.replace(p, source="import"), None


def _jp(p: Participation, cache: VersionCache) -> tuple[Decimal, str]:
    """JP the ledger will claim; :raises LedgerError: / ValueError: when it cannot."""
    result, _ = compute_jp(p, JPSettings(p.mechanism, p.on_date, cache, materialise=False))
    return to_jp(result.jp), result.rule_id


def _parsed_rows(sheet: Sheet, problems: list) -> list[cells.Cells]:
    problems += [Problem(row, column, message) for row, column, message in sheet.cell_problems]
    parsed: list[cells.Cells] = []
    for row_number, data in sheet.rows:
        row_cells, errors = cells.parse(row_number, data)
        problems += [Problem(row_number, column, message) for column, message in errors]
        if row_cells is not None:
            parsed.append(row_cells)
    return parsed


def _checked_row(c: cells.Cells, person, installed: set[str], cache: VersionCache,
                 first_row: dict[tuple, int]) -> Accepted | Problem:
    """One row that passed its cells: the mechanism's verdict, the JP, no duplicate in the file."""
    if message := _mechanism_problem(c.mechanism, installed):
        return Problem(c.row_number, "mechanism", message)
    row = ActivityRow(c.row_number, person.id, person.unit_id, c.nip, c.mechanism,
                      c.activity_type, c.role, c.on_date, c.title, c.reference, c.jp)
    verdict = _verdict(row)
    if verdict is None:
        return Problem(c.row_number, "mechanism", f"Mekanisme {c.mechanism} belum mendukung impor.")
    participation, message = _checked(verdict, row)
    if message:
        return Problem(c.row_number, WHOLE_ROW, message)
    try:
        jp, rule_id = _jp(participation, cache)
    except (LedgerError, ValueError) as error:
        return Problem(c.row_number, "jp", str(error))
    key = key_of(participation)
    if key in first_row:
        return Problem(c.row_number, WHOLE_ROW, _same_as(f"baris {first_row[key]}"))
    first_row[key] = c.row_number
    return Accepted(c.row_number, participation, jp, rule_id)


def _not_yet_in_ledger(accepted: list[Accepted], problems: list) -> list[Accepted]:
    existing = _existing_keys(accepted)
    kept = []
    for item in accepted:
        entry_id = existing.get(key_of(item.participation))
        if entry_id is not None:
            problems.append(Problem(item.row_number, WHOLE_ROW,
                                    _same_as(f"entri buku JP #{entry_id} yang sudah tercatat")))
        else:
            kept.append(item)
    return kept


def _notes(switched_off: Counter[str], jp_ignored: int) -> list[str]:
    notes = [f"Mekanisme {slug} sedang dinonaktifkan untuk unit {count} pegawai dalam berkas; "
             "riwayatnya tetap diimpor." for slug, count in sorted(switched_off.items())]
    if jp_ignored:
        notes.append(f"Kolom jp diabaikan pada {jp_ignored} baris: JP mekanisme tersebut dihitung oleh "
                     "aturan mekanismenya, bukan dari berkas.")
    return notes


def validate(sheet: Sheet, scope: tuple[str, ...] | None) -> ActivityPreview:
    """Check every row; ``scope`` is the importer's unit paths (None: the whole ministry)."""
    result = ActivityPreview(rows=len(sheet.rows), warnings=list(check_header(sheet, COLUMNS, ())))
    problems = result.problems
    parsed = _parsed_rows(sheet, problems)
    people = _people(c.nip for c in parsed)
    installed = set(registry().slugs())
    off = _switched_off({p.unit_id for p in people.values()})
    cache, first_row = VersionCache(), {}
    switched_off: Counter[str] = Counter()
    jp_ignored = 0
    for c in parsed:
        person = people.get(c.nip)
        if person is None or not _in_scope(person, scope):
            problems.append(Problem(c.row_number, "nip", f"Pegawai dengan NIP {c.nip} tidak "
                                    "ditemukan di unit dalam kewenangan Anda."))
            continue
        outcome = _checked_row(c, person, installed, cache, first_row)
        if isinstance(outcome, Problem):
            problems.append(outcome)
            continue
        switched_off[c.mechanism] += c.mechanism in off.get(person.unit_id, ())
        jp_ignored += c.jp is not None and outcome.participation.jp_stated is None
        result.accepted.append(outcome)
    result.accepted = _not_yet_in_ledger(result.accepted, problems)
    result.warnings += _notes(+switched_off, jp_ignored)
    result.problems = sorted_problems(problems, COLUMNS + (WHOLE_ROW,))
    return result


def _same_as(other: str) -> str:
    return (f"Duplikat: sama persis dengan {other} (NIP, mekanisme, jenis kegiatan, peran, "
            "tanggal dan referensi).")
