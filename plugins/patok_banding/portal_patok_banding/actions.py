"""What a participant and admin SDM may do on one patok banding participation now (issue 13);
the page renders only these, and the workflow refuses the same steps with its PB messages."""

from __future__ import annotations

from portal.sdk import Account, Actions
from portal_patok_banding import rules
from portal_patok_banding.models import PBParticipant

participant_actions = Actions("Langkah ini tidak tersedia untuk Anda pada tahap patok banding ini.")


def _own_and_prepared(person: PBParticipant, user: Account) -> bool:
    """PB-02: execution and report follow the whole Tabel 5 preparation."""
    return person.employee_id == user.employee_id and not person.program.next_step


@participant_actions.action("record_execution")
def _executing(person: PBParticipant, user: Account) -> bool:
    return _own_and_prepared(person, user) and person.laporan_status not in ("menunggu", "diterima")


@participant_actions.action("submit_report")
def _reporting(person: PBParticipant, user: Account) -> bool:
    return _own_and_prepared(person, user) and person.laporan_status in ("", "dikembalikan")


@participant_actions.action("decide_report")
def _verifying(person: PBParticipant, user: Account) -> bool:
    """PB-05: admin SDM accepts or returns another employee's report."""
    return (person.laporan_status == "menunggu" and rules.is_sdm(user)
            and person.employee_id != user.employee_id)
