"""What each part (coachee, coach, mentor, admin SDM) may do on a coachee's records now
(issue 13); the record page renders only these, and the views and workflow refuse the same."""

from __future__ import annotations

from portal.sdk import Account, Actions
from portal_coaching.programme.models import CoachingCoachee
from portal_coaching.programme.rules import acts_as_coach, roles_in

record_actions = Actions("Langkah ini tidak tersedia untuk Anda pada tahap program ini.")


@record_actions.action("sign_as_coachee", "write_report")
def _coachee(record: CoachingCoachee, user: Account) -> bool:
    return record.active and "coachee" in roles_in(user, record)


@record_actions.action("sign_as_coach", "initial")
def _coach(record: CoachingCoachee, user: Account) -> bool:
    return record.active and acts_as_coach(roles_in(user, record), record)


@record_actions.action("record_review")
def _reviewing(record: CoachingCoachee, user: Account) -> bool:
    return record.active and "sdm" in roles_in(user, record)


@record_actions.action("complete")
def _completing(record: CoachingCoachee, user: Account) -> bool:
    """Close the programme with the examiner's verdict, or issue a missing certificate."""
    sdm = "sdm" in roles_in(user, record)
    return sdm and (record.active or (record.passed and not record.certificate_id))


@record_actions.action("reassess")
def _reassessing(record: CoachingCoachee, user: Account) -> bool:
    return record.passed and not record.reasesmen_pada and "sdm" in roles_in(user, record)
