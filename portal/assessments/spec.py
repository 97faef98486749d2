"""What the import and the API write need to know about one kind of incoming result
(assessment results, SKP ratings), and the steps they share: compare with what is stored,
describe a replacement, store a batch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from portal.extensions import db
from portal.models.account import utcnow


@dataclass(frozen=True)
class ResultSpec:
    kind: str  # the import kind ("assessments")
    noun: str  # "hasil asesmen"
    entity: str  # table name, for the audit log
    columns: tuple[str, ...]  # import columns, in template order
    optional: tuple[str, ...]
    api_fields: dict[str, str]  # API field -> import column (one parser for both)
    labels: dict[str, str]  # stored attribute -> Indonesian label (for conflicts)
    parse: Callable  # raw dict -> (record, [(column, message)])
    key: Callable  # (employee id, record) -> idempotency key
    stored: Callable  # employee ids -> {key: row}
    describe: Callable  # record -> "Hasil asesmen X tanggal D"
    as_json: Callable  # record or row -> dict
    make: Callable  # (employee id, record, source) -> new row
    notice: Callable | None = None  # (employee id, record, stored) -> message | None
    after_write: Callable | None = None  # (employee ids) -> None
    shown: Callable = field(default=str)  # (attribute, value) -> text

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in self.optional)

    def values(self, record) -> dict:
        return {name: getattr(record, name) for name in self.labels}

    def differences(self, row, record) -> dict[str, tuple]:
        """``{attribute: (stored, incoming)}`` where the stored row differs from ``record``."""
        return {name: (getattr(row, name), getattr(record, name)) for name in self.labels
                if getattr(row, name) != getattr(record, name)}

    def describe_change(self, row, record, changed: dict[str, tuple]) -> str:
        parts = ", ".join(f"{self.labels[name]} {self.shown(name, old)} → "
                          f"{self.shown(name, new)}" for name, (old, new) in changed.items())
        return (f"{self.describe(record)} sudah tersimpan (sumber: {row.source}) dan akan "
                f"diganti: {parts}")


def save(spec: ResultSpec, employee_id: int, record, source: str, existing):
    """Insert or update one result: (``dibuat`` | ``sama`` | ``diperbarui``, old values, row)."""
    if existing is None:
        row = spec.make(employee_id, record, source[:160])
        db.session.add(row)
        return "dibuat", None, row
    changed = spec.differences(existing, record)
    if not changed:
        return "sama", None, existing
    for name, (_, new) in changed.items():
        setattr(existing, name, new)
    existing.source, existing.updated_at = source[:160], utcnow()
    return "diperbarui", {name: old for name, (old, _) in changed.items()}, existing


def store(spec: ResultSpec, employee_id: int, records: list, source: str) -> list[tuple]:
    """Save one employee's parsed results: per record (status, old values, row)."""
    existing = spec.stored({employee_id})
    answers = [save(spec, employee_id, record, source, existing.get(spec.key(employee_id, record)))
               for record in records]
    db.session.flush()
    if spec.after_write:
        spec.after_write({employee_id})
    return answers
