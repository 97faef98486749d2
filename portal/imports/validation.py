"""What a preview reports, and the checks every kind of import shares (header, duplicates)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import select

from portal.extensions import db
from portal.imports.reader import ImportFileError, Sheet

CHUNK = 900  # keeps IN (...) lists below every database's parameter limit
FULL_SCAN_FROM = 2000  # from this many keys one pass over the table beats many IN queries


@dataclass(frozen=True)
class Problem:
    row: int  # as in the spreadsheet: the header is row 1
    column: str
    message: str


@dataclass
class Preview:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    columns: frozenset[str] = frozenset()
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    records: list = field(default_factory=list)  # parsed records, in file order
    # rows that replace stored values, listed before saving (never overwritten silently)
    conflicts: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)  # rows saved as history only
    source: str = ""  # the file name, set by the commit

    @property
    def ok(self) -> bool:
        return not self.problems


def check_header(sheet: Sheet, required: tuple[str, ...], optional: tuple[str, ...]) -> list[str]:
    """Refuse a file without the required columns; return warnings for unknown ones."""
    present = set(sheet.header)
    missing = [name for name in required if name not in present]
    if missing:
        raise ImportFileError(
            f"Kolom wajib tidak ditemukan di baris 1: {', '.join(missing)}. "
            f"Judul kolom yang diperlukan: {', '.join(required)}."
        )
    known = set(required) | set(optional)
    unknown = [name for name in sheet.header if name and name not in known]
    if unknown:
        return [f"Kolom tidak dikenal diabaikan: {', '.join(unknown)}."]
    return []


def duplicates(keys: Iterable[str], rows: Iterable[int], column: str, label: str) -> list[Problem]:
    """A problem for every repeated key, naming the row where it first appeared."""
    first: dict[str, int] = {}
    found = []
    for key, row in zip(keys, rows, strict=True):
        if not key:
            continue
        if key in first:
            found.append(Problem(row, column, f"{label} {key} sudah ada di baris {first[key]}."))
        else:
            first[key] = row
    return found


def sorted_problems(problems: list[Problem], columns: tuple[str, ...]) -> list[Problem]:
    order = {name: index for index, name in enumerate(columns)}
    return sorted(problems, key=lambda p: (p.row, order.get(p.column, len(order))))


def chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def key_map(key, value, keys: set[str]) -> dict:
    """``{key: value}`` of the rows whose ``key`` column is in ``keys``."""
    if len(keys) >= FULL_SCAN_FROM:
        return {k: v for k, v in db.session.execute(select(key, value)) if k in keys}
    found: dict = {}
    for chunk in chunks(sorted(keys)):
        found.update(db.session.execute(select(key, value).where(key.in_(chunk))).all())
    return found
