"""States of a record in one place (issue 13): a model lists its states once, as
``STATUSES = {value: (label, badge)}`` (or ``{value: label}``), and :class:`HasStatus` gives
every page, export and e-mail the same ``status_label`` and ``status_badge``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar


class HasStatus:
    """Mixin for a model with a ``status`` column and a class-level ``STATUSES`` mapping."""

    STATUSES: ClassVar[Mapping[str, tuple[str, str] | str]] = {}
    status: str

    def _state(self) -> tuple[str, str]:
        found = self.STATUSES.get(self.status)
        if found is None:
            return self.status, ""
        return (found, "") if isinstance(found, str) else (found[0], found[1])

    @property
    def status_label(self) -> str:
        return self._state()[0]

    @property
    def status_badge(self) -> str:
        return self._state()[1]
