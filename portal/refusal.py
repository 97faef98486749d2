"""One refusal type (issue 13): what every service raises when the circular's rules, the data or
the user's authority say no. ``str(refusal)`` is the Indonesian message shown to the user, and
``rule_id`` the rule it names (given, or the first ID such as ``KB-07`` in the message).

Views show it one way: :func:`portal.web.run_step` (a workflow step: commit and flash, or roll
back and flash or re-render), and an uncaught refusal is the 422 error page with its message —
never a 500. Business exceptions of the core and of the plugins subclass it."""

from __future__ import annotations

import re

RULE_ID = re.compile(r"\b(?:[A-Z]{1,3}\d?-\d{2}|PRA-SE)\b")


class Refusal(Exception):
    """A step refused, with the message for the user and the rule that refuses it."""

    def __init__(self, message: str = "", rule_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self._rule_id = rule_id

    def __str__(self) -> str:
        return self.message

    @property
    def rule_id(self) -> str | None:
        if self._rule_id:
            return self._rule_id
        found = RULE_ID.search(self.message or "")
        return found.group(0) if found else None
