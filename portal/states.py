"""States of a record in one place (issue 13): a model lists its states once, as a
:class:`State` enum (stored value, label, badge), and :class:`HasStatus` gives every page,
export and e-mail the same ``status_label`` and ``status_badge``. Code names a state by its
member (``PairStatus.BERJALAN``), which equals the stored string."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, ClassVar

from portal.refusal import Refusal


class State(StrEnum):
    """The states of one kind of record: ``BERJALAN = "berjalan", "Berjalan", "badge-warn"``.
    A member is its stored string (``State.BERJALAN == "berjalan"``) with ``label`` and
    ``badge``; :meth:`choices` gives the ``{value: (label, badge)}`` the filter macros take."""

    label: str
    badge: str

    def __new__(cls, value: str, label: str, badge: str = "") -> State:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.badge = badge
        return member

    @classmethod
    def choices(cls) -> dict[str, tuple[str, str]]:
        return {member.value: (member.label, member.badge) for member in cls}


class HasStatus:
    """Mixin for a model with a ``status`` column and a class-level ``STATUSES`` (a
    :class:`State` enum, or a ``{value: (label, badge)}`` mapping)."""

    STATUSES: ClassVar[type[State] | Mapping[str, tuple[str, str] | str]] = {}
    status: str

    def _state(self) -> tuple[str, str]:
        statuses = self.STATUSES
        if isinstance(statuses, type) and issubclass(statuses, State):
            try:
                member = statuses(self.status)
            except ValueError:
                return self.status, ""
            return member.label, member.badge
        found = statuses.get(self.status)
        if found is None:
            return self.status, ""
        return (found, "") if isinstance(found, str) else (found[0], found[1])

    @property
    def status_label(self) -> str:
        return self._state()[0]

    @property
    def status_badge(self) -> str:
        return self._state()[1]


Condition = Callable[[Any, Any], bool]


class Actions:
    """What a user may do on one kind of record now (issue 13): a plugin declares each
    step once with the condition under which it is offered, and its page renders only what
    :meth:`allowed` answers — the template holds no state machine. The service still refuses a
    step its rules do not allow (with its own message naming the rule, or :meth:`require`).

    >>> actions = Actions("Langkah ini tidak tersedia untuk Anda pada keadaan ini.")
    >>> @actions.action("approve")
    ... def _approve(record, user): return record.status == "menunggu" and user.is_head
    """

    def __init__(self, refusal: str) -> None:
        self.refusal = refusal
        self._conditions: dict[str, Condition] = {}

    def action(self, *names: str) -> Callable[[Condition], Condition]:
        def register(condition: Condition) -> Condition:
            for name in names:
                self._conditions[name] = condition
            return condition
        return register

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._conditions)

    def allowed(self, record: Any, user: Any) -> frozenset[str]:
        """The steps offered now; a condition declared for several steps is asked once."""
        answers: dict[Condition, bool] = {}
        for condition in self._conditions.values():
            if condition not in answers:
                answers[condition] = bool(condition(record, user))
        return frozenset(name for name, condition in self._conditions.items() if answers[condition])

    def require(self, name: str, record: Any, user: Any, message: str | None = None) -> None:
        """Refuse (:class:`portal.refusal.Refusal`) a step its condition does not offer now."""
        if not self._conditions[name](record, user):
            raise Refusal(message or self.refusal)
