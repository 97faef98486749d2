"""The eligibility gate every join step passes: ``require_eligible`` (issue 14, G-03, MG-10).

Wherever a person joins anything — registering for or being added to a komunitas meeting,
reporting a formal training, being proposed for belajar mandiri, patok banding or an outbound
programme, requesting unit coaching, being nominated for a placement or a coaching programme —
the step calls :func:`require_eligible` before it changes anything::

    from portal.eligibility.gate import EligibilityRefusal, require_eligible

    try:
        require_eligible(employee, SLUG, meeting.tanggal, {"role": role})
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None

* eligible → the answer is returned;
* not eligible (any rule denies) → :class:`EligibilityRefusal`, never overridable;
  (:func:`refuse_if_not_eligible` refuses only this, for a step the employee takes
  themselves before an approver decides);
* cannot decide yet (data missing) → :class:`EligibilityRefusal` with ``overridable=True``:
  the approver sees the reasons and may proceed only by passing ``override_reason`` (what
  they checked instead); the decision is audited (``eligibility.override``).

Plugins declare their join steps with the ``portal_join_steps`` hook (:class:`JoinStep`); a
core test walks every installed plugin's steps with a blocked employee.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from portal.audit import record
from portal.eligibility.answer import EligibilityAnswer
from portal.eligibility.service import check
from portal.refusal import Refusal

if TYPE_CHECKING:
    from portal.models import Account, Employee

OVERRIDE_MAX = 500


class EligibilityRefusal(Refusal):
    """The core's refusal: an Indonesian message naming every reason with its rule ID."""

    def __init__(self, answer: EligibilityAnswer, message: str) -> None:
        super().__init__(message)
        self.answer = answer

    @property
    def overridable(self) -> bool:
        """Only "cannot decide yet" may be overridden (with a recorded reason)."""
        return self.answer.eligible is None

    @property
    def rule_ids(self) -> list[str]:
        wanted = False if self.answer.eligible is False else None
        return sorted({v.rule_id for v in self.answer.verdicts if v.allow is wanted})


def _message(employee: Employee, answer: EligibilityAnswer) -> str:
    if answer.eligible is False:
        return f"{employee.nama} tidak memenuhi syarat {answer.mechanism_title}. {answer.summary}"
    return (f"Kelayakan {employee.nama} untuk {answer.mechanism_title} belum dapat diputuskan. "
            f"{answer.summary} Pemberi persetujuan dapat melanjutkan hanya dengan mencatat "
            "alasannya.")


def require_eligible(employee: Employee, mechanism: str, on_date: dt.date,
                     context: Mapping[str, object] | None = None, *,
                     override_reason: str | None = None,
                     actor: Account | None = None,
                     pending: tuple[str, ...] = ()) -> EligibilityAnswer:
    """Let ``employee`` join ``mechanism`` on ``on_date`` or raise :class:`EligibilityRefusal`.

    :param override_reason: for a "cannot decide yet" answer only: why the approver proceeds;
        recorded in the audit log with the reasons shown. Ignored for a hard "not eligible".
    :param actor: the approver (defaults to the signed-in user in the audit record).
    :param pending: rule IDs whose "cannot decide yet" this step expects because a later step
        of the same workflow settles them (e.g. MG-03, the endorsement given after the
        nomination); such verdicts do not hold this step, a deny of them still does.
    """
    answer = check(employee, mechanism, on_date, context)
    if answer.eligible is True or (answer.eligible is None and all(
            v.rule_id in pending for v in answer.verdicts if v.allow is None)):
        return answer
    reason = (override_reason or "").strip()
    if answer.eligible is None and reason:
        record("eligibility.override", "employee", employee.id, None,
               {"mechanism": mechanism, "on_date": on_date.isoformat(),
                "reasons": answer.reasons(), "override_reason": reason[:OVERRIDE_MAX]},
               summary=f"Kelayakan {employee.nama} untuk {answer.mechanism_title} belum dapat "
                       f"diputuskan; dilanjutkan dengan alasan: {reason[:200]}",
               actor_id=actor.id if actor is not None else None)
        return answer
    raise EligibilityRefusal(answer, _message(employee, answer))


def refuse_if_not_eligible(employee: Employee, mechanism: str, on_date: dt.date,
                           context: Mapping[str, object] | None = None) -> EligibilityAnswer:
    """For a step the employee takes themselves, before an approver decides (reporting a
    training, requesting coaching): a hard "not eligible" is refused now; "cannot decide yet"
    passes here and is settled by the approver's :func:`require_eligible` later."""
    answer = check(employee, mechanism, on_date, context)
    if answer.eligible is False:
        raise EligibilityRefusal(answer, _message(employee, answer))
    return answer


@dataclass(frozen=True)
class JoinStep:
    """One step of a plugin where a person joins something (``portal_join_steps``).

    ``attempt(employee, actor, on_date)`` drives the plugin's real step so that ``employee``
    would join on ``on_date``, building whatever records the step needs (a proposal, a
    meeting, a programme) with ``actor`` (an admin SDM account) as the organiser. It must
    raise when the step refuses; it returns normally only when the employee got in.
    """

    key: str
    label: str
    mechanism: str
    attempt: Callable[[Employee, Account, dt.date], object]
