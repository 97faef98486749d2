"""What a user may do on a placement now (issue 13): the services decide, the page only shows
the forms named here. Each name is one form of the placement page; the same step is refused by
its service when called without being allowed here."""

from __future__ import annotations

from portal.models import Account
from portal.placements import rules
from portal.placements.followup import can_check_continuity
from portal.placements.host_return import can_send_back
from portal.placements.kinds import PlacementKind
from portal.placements.models import Placement

PREPARING = ("endorse", "check_continuity", "host", "agreement", "schedule")
RUNNING = ("report", "note", "rapor", "send_back", "finish")


def _preparing(placement: Placement, user: Account, manage: bool) -> set[str]:
    actions = set()
    if rules.is_atasan(user, placement):
        actions.add("endorse")
    if can_check_continuity(user, placement):
        actions.add("check_continuity")
    if manage:
        actions |= {"host", "agreement", "schedule"}
    return actions


def _running(kind: PlacementKind, placement: Placement, user: Account, manage: bool) -> set[str]:
    mentor = rules.is_mentor(user, placement)
    actions = set()
    if rules.is_participant(user, placement):
        actions.add("report")
    if mentor or manage or rules.is_atasan(user, placement):
        actions.add("note")
    if mentor or manage:
        actions.add("rapor")
    if kind.rules.host_return and can_send_back(user, placement):
        actions.add("send_back")
    if manage:
        actions.add("finish")
    return actions


def allowed_actions(kind: PlacementKind, placement: Placement, user: Account) -> frozenset[str]:
    manage = rules.can_manage(user, placement)
    actions: set[str] = set()
    if placement.preparing:
        actions |= _preparing(placement, user, manage)
    elif placement.running:
        actions |= _running(kind, placement, user, manage)
    if rules.is_sdm(user) and placement.justification_status == "menunggu":
        actions.add("decide_justification")
    if kind.rules.recall and manage and (placement.preparing or placement.running):
        actions.add("recall")
    return frozenset(actions)
