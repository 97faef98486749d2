"""An import preview as the preview job stores it (JSON in ``task_job.result``) and its page
reads it back: the counts in full, the listed rows (problems, warnings, conflicts) up to
:data:`SHOWN` each. Works for both importers' results (:class:`portal.imports.validation.
Preview` and :class:`portal.activities.validation.ActivityPreview`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from portal.imports.validation import Problem

SHOWN = 500  # rows of each list kept; the page says how many more there are
LISTS = ("problems", "row_warnings", "conflicts", "notices")


@dataclass
class StoredPreview:
    kind: str
    rows: int = 0
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    row_warnings: list[Problem] = field(default_factory=list)
    conflicts: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # the whole length of each list
    created: int = 0
    updated: int = 0
    accepted: int = 0
    not_counted: int = 0
    counted_jp: str = "0"

    @property
    def ok(self) -> bool:
        return not self.counts.get("problems")

    def count(self, name: str) -> int:
        return self.counts.get(name, 0)

    def hidden(self, name: str) -> int:
        return max(0, self.count(name) - len(getattr(self, name)))

    @classmethod
    def of(cls, result, kind: str) -> StoredPreview:
        lists = {name: list(getattr(result, name, []) or []) for name in LISTS}
        accepted = getattr(result, "accepted", None)
        return cls(kind=kind, rows=result.rows, warnings=list(result.warnings),
                   counts={name: len(items) for name, items in lists.items()},
                   created=getattr(result, "created", 0), updated=getattr(result, "updated", 0),
                   accepted=len(accepted) if accepted is not None else 0,
                   not_counted=getattr(result, "not_counted", 0),
                   counted_jp=str(getattr(result, "counted_jp", 0)),
                   **{name: [Problem(p.row, p.column, p.message) for p in items[:SHOWN]]
                      for name, items in lists.items()})

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> StoredPreview:
        values = dict(data)
        for name in LISTS:
            values[name] = [Problem(*item) if isinstance(item, list) else Problem(**item)
                            for item in values.get(name, [])]
        return cls(**values)
