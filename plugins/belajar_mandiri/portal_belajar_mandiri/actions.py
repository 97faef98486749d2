"""What a user may do on a belajar mandiri assignment now (issue 13); the page renders only
these, and the workflow refuses the same steps with its BM messages."""

from __future__ import annotations

from portal.sdk import Account, Actions
from portal_belajar_mandiri import rules
from portal_belajar_mandiri.models import AssignmentStatus, MandiriAssignment

assignment_actions = Actions("Langkah ini tidak tersedia untuk Anda pada tahap belajar mandiri ini.")


@assignment_actions.action("assign", "return")
def _pyb(a: MandiriAssignment, user: Account) -> bool:
    """BM-01: the Pejabat yang Berwenang (or the unit's admin on their behalf) decides."""
    return a.proposed and rules.can_assign(user, a)


@assignment_actions.action("accept")
def _receiving(a: MandiriAssignment, user: Account) -> bool:
    return a.awaiting_acceptance and rules.is_self(user, a)


@assignment_actions.action("add_material")
def _providing(a: MandiriAssignment, user: Account) -> bool:
    open_for_materials = (AssignmentStatus.DITUGASKAN, AssignmentStatus.DITERIMA, AssignmentStatus.DILAPORKAN)
    return a.status in open_for_materials and rules.is_sdm(user)


@assignment_actions.action("plan", "report")
def _learning(a: MandiriAssignment, user: Account) -> bool:
    """BM-02 and BM-04: the employee keeps their own schedule, then reports."""
    return a.in_progress and rules.is_self(user, a)


@assignment_actions.action("accept_report")
def _recapping(a: MandiriAssignment, user: Account) -> bool:
    return a.status == AssignmentStatus.DILAPORKAN and rules.is_sdm(user)
