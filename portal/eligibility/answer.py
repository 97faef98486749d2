"""The combined answer of every eligibility rule: any deny wins, then any "cannot decide"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from portal.types import Verdict

ELIGIBLE, NOT_ELIGIBLE, UNDECIDED = "eligible", "not_eligible", "undecided"
# Not a rule of the circular: the unit admin's switch (docs/plugins.md).
SWITCH_RULE = "UNIT"


def combine(verdicts: tuple[Verdict, ...] | list[Verdict]) -> bool | None:
    """``False`` if any verdict denies; else ``None`` if any cannot decide; else ``True``."""
    if any(v.allow is False for v in verdicts):
        return False
    if any(v.allow is None for v in verdicts):
        return None
    return True


@dataclass(frozen=True)
class EligibilityAnswer:
    """Whether ``employee_id`` may join ``mechanism`` on ``on_date``, with every reason."""

    employee_id: int
    mechanism: str
    mechanism_title: str
    on_date: dt.date
    verdicts: tuple[Verdict, ...]

    @property
    def eligible(self) -> bool | None:
        return combine(self.verdicts)

    @property
    def status(self) -> str:
        return {True: ELIGIBLE, False: NOT_ELIGIBLE, None: UNDECIDED}[self.eligible]

    @property
    def summary(self) -> str:
        """One Indonesian sentence: the outcome and the reasons that decided it."""
        if self.eligible is True:
            return "Memenuhi syarat."
        if self.eligible is False:
            reasons = [v.message for v in self.verdicts if v.allow is False]
            return "Tidak memenuhi syarat: " + " ".join(reasons)
        missing = [v.message for v in self.verdicts if v.allow is None]
        return "Belum dapat diputuskan: " + " ".join(missing)

    @staticmethod
    def badge(verdict: Verdict) -> str | None:
        """The rule label shown beside a reason, unless its message already names it."""
        if verdict.rule_id == SWITCH_RULE:
            return "pengaturan unit"
        return None if verdict.rule_id in verdict.message else verdict.rule_id

    def reasons(self) -> list[dict]:
        """The verdicts as JSON-ready dicts (``rule_id``, ``allow``, ``message``)."""
        return [{"rule_id": v.rule_id, "allow": v.allow, "message": v.message}
                for v in self.verdicts]
