"""What each side may do on a unit coaching/mentoring and its inventory entry now (issue 13); the page renders only
these, and the workflow refuses the same steps with its CU messages."""

from __future__ import annotations

from portal.sdk import Account, Actions
from portal_coaching.unit.models import InventoryStatus, MeetingStatus, PairStatus, UnitInventory, UnitMeeting, UnitPair
from portal_coaching.unit.rules import is_validator, side_of

pair_actions = Actions("Langkah ini tidak tersedia untuk Anda pada tahap coaching/mentoring ini.")
meeting_actions = Actions("Pertemuan ini tidak menunggu konfirmasi Anda.")


@pair_actions.action("approve_mentor")
def _supervisor(pair: UnitPair, user: Account) -> bool:
    return pair.status == PairStatus.MENUNGGU_ATASAN and pair.current_supervisor_id == user.employee_id


@pair_actions.action("answer")
def _partner(pair: UnitPair, user: Account) -> bool:
    return pair.status == PairStatus.MENUNGGU_MITRA and side_of(user, pair) == "mitra"


@pair_actions.action("mentor_quality")
def _mentee(pair: UnitPair, user: Account) -> bool:
    return pair.jenis == "mentoring" and pair.agreed and side_of(user, pair) == "pegawai"


@pair_actions.action("write_agreement")
def _agreeing(pair: UnitPair, user: Account) -> bool:
    return pair.status == PairStatus.KESEPAKATAN and side_of(user, pair) is not None


@pair_actions.action("confirm_agreement")
def _confirming(pair: UnitPair, user: Account) -> bool:
    side = side_of(user, pair)
    mine = pair.employee_confirmed_at if side == "pegawai" else pair.partner_confirmed_at
    return _agreeing(pair, user) and bool(pair.tujuan) and not mine


@pair_actions.action("log_meeting")
def _running(pair: UnitPair, user: Account) -> bool:
    return pair.status == PairStatus.BERJALAN and side_of(user, pair) is not None


@pair_actions.action("evaluate")
def _evaluating(pair: UnitPair, user: Account) -> bool:
    side = side_of(user, pair)
    mine = pair.evaluasi_pegawai if side == "pegawai" else pair.evaluasi_mitra
    return _running(pair, user) and not mine


@pair_actions.action("issue_certificate")
def _issuing(pair: UnitPair, user: Account) -> bool:
    return pair.finished and not pair.certificate_id and side_of(user, pair) is not None


@meeting_actions.action("decide")
def _other_side(meeting: UnitMeeting, user: Account) -> bool:
    return (meeting.status == MeetingStatus.MENUNGGU and side_of(user, meeting.pair) is not None
            and meeting.logged_by_id != user.employee_id)


inventory_actions = Actions("Langkah ini tidak tersedia untuk usulan inventarisasi ini.")


@inventory_actions.action("validate")
def _validator(entry: UnitInventory, user: Account) -> bool:
    return entry.status == InventoryStatus.DIUSULKAN and is_validator(user, entry)


@inventory_actions.action("set_area")
def _own_validated(entry: UnitInventory, user: Account) -> bool:
    return entry.status == InventoryStatus.DIVALIDASI and entry.employee_id == user.employee_id


@inventory_actions.action("start")
def _own_with_area(entry: UnitInventory, user: Account) -> bool:
    return _own_validated(entry, user) and bool(entry.area)
