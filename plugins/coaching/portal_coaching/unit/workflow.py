"""State changes of the unit flow; each is audited, the caller commits.

UnitInventory (CU-01) → request (CU-03: the direct supervisor approves another mentor first) →
the coach/mentor accepts → agreement confirmed by both (CU-02) → meetings logged by one side
and confirmed by the other, credited to the JP ledger (2 JP; the ledger's caps count at most
2 a month) → evaluation by both sides → done (certificate through the core, G-06).
"""

from __future__ import annotations

import datetime as dt

from portal.sdk import (
    Account,
    EligibilityRefusal,
    Employee,
    LedgerError,
    Participation,
    Refusal,
    StaleDecision,
    claim_state,
    credit,
    db,
    notify,
    path_for,
    refuse_if_not_eligible,
    require_eligible,
    self_approval_refusal,
    today,
    utcnow,
)
from portal_coaching import neutral
from portal_coaching.jp import SLUG
from portal_coaching.neutral import record
from portal_coaching.unit import rules
from portal_coaching.unit.models import (
    JENIS,
    InventoryStatus,
    MeetingStatus,
    PairStatus,
    UnitInventory,
    UnitMeeting,
    UnitPair,
)

ACTIVITY = {"coaching": "coaching_unit", "mentoring": "mentoring_unit"}
ROLE = {"coaching": "coachee", "mentoring": "mentee"}


class WorkflowError(Refusal):
    """A refused change; the Indonesian message (with its rule ID) is shown to the user."""


def _refuse(message: str | None) -> None:
    if message:
        raise WorkflowError(message)


def _status(entity: UnitInventory | UnitPair, new: str, summary: str) -> None:
    old = claim_state(entity, (entity.status,), new)  # as read: a concurrent change is refused
    record(f"coaching_unit.{entity.__tablename__.removeprefix('coaching_unit_')}.status",
           entity.__tablename__, entity.id, {"status": old}, {"status": new}, summary=summary)


# --------------------------------------------------------------------------- inventory (CU-01)

def list_employee(employee: Employee, jenis: str, alasan: str, actor: Account) -> UnitInventory:
    """The unit lists an employee who needs coaching or mentoring (CU-01)."""
    if jenis not in JENIS:
        raise WorkflowError("Pilih coaching atau mentoring (CU-01).")
    _refuse(rules.inventory_refusal(employee, jenis))
    try:
        refuse_if_not_eligible(employee, SLUG, today(), {"role": ROLE[jenis]})
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None
    entry = UnitInventory(unit_id=employee.unit_id, employee_id=employee.id, jenis=jenis,
                      alasan=alasan, status=InventoryStatus.DIUSULKAN, proposed_by_id=actor.id)
    db.session.add(entry)
    db.session.flush()
    record("coaching_unit.inventory.add", "coaching_unit_inventory", entry.id, None,
           {"employee_id": employee.id, "jenis": jenis, "alasan": alasan},
           summary=f"{employee.nama} diinventarisasi membutuhkan {jenis} (CU-01)")
    return entry


def _validator(entry: UnitInventory, user: Account) -> None:
    _refuse(self_approval_refusal(user, subject_id=entry.employee_id, rule=rules.CU_INVENTORY,
                                  proposer_account_id=entry.proposed_by_id))
    if not rules.is_validator(user, entry):
        raise WorkflowError("Daftar pegawai divalidasi oleh pimpinan unit kerja (CU-01).")
    if entry.status != InventoryStatus.DIUSULKAN:
        raise WorkflowError("Usulan ini sudah divalidasi atau ditolak.")


def validate(entry: UnitInventory, user: Account, override_reason: str = "") -> None:
    """The pimpinan validates the listing (CU-01) through the core's eligibility gate: "cannot
    decide yet" only with their recorded ``override_reason``."""
    _validator(entry, user)
    try:
        require_eligible(entry.employee, SLUG, today(), {"role": ROLE[entry.jenis]},
                         override_reason=override_reason, actor=user)
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None
    entry.validated_by_id = user.employee_id
    entry.validated_at = utcnow()
    _status(entry, InventoryStatus.DIVALIDASI, f"Inventarisasi {entry.jenis} {entry.employee.nama} divalidasi "
                                 "pimpinan unit (CU-01)")


def reject(entry: UnitInventory, user: Account, note: str) -> None:
    _validator(entry, user)
    entry.validated_by_id = user.employee_id
    entry.validated_at = utcnow()
    entry.note = note
    _status(entry, InventoryStatus.DITOLAK, f"Inventarisasi {entry.jenis} {entry.employee.nama} tidak "
                              "divalidasi (CU-01)")
    notify([entry.employee], f"Usulan {entry.jenis} Anda di unit kerja tidak divalidasi (CU-01)",
           "Buka portal untuk melihat catatan pimpinan unit.", kind="keputusan",
           url=path_for("coaching_unit.index"))  # the note stays in the portal (CM-01)


def set_area(entry: UnitInventory, user: Account, standard: str, area: str) -> None:
    """The employee picks the development area (CU-01)."""
    if entry.employee_id != user.employee_id:
        raise WorkflowError("Area pengembangan ditentukan oleh pegawai sendiri (CU-01).")
    if entry.status != InventoryStatus.DIVALIDASI:
        raise WorkflowError("Area pengembangan ditentukan setelah pimpinan unit memvalidasi "
                            "inventarisasi (CU-01).")
    # CM-01: the audit log records that the area was chosen, never the area itself.
    entry.area, entry.area_standard, entry.area_set_at = area, standard, utcnow()
    record("coaching_unit.inventory.area", "coaching_unit_inventory", entry.id, None,
           {"area_standard": standard},
           summary=f"Area pengembangan inventarisasi #{entry.id} ditentukan pegawai (CU-01)")


# --------------------------------------------------------------------------- request (CU-02/03)

def start(entry: UnitInventory, user: Account, partner: Employee, kegiatan: str) -> UnitPair:
    """Ask a coach (CU-02) or a mentor (CU-03). A mentor other than the direct supervisor
    waits for the supervisor's approval first (CU-03)."""
    if entry.employee_id != user.employee_id:
        raise WorkflowError(f"Permohonan {entry.jenis} diajukan oleh pegawai sendiri "
                            f"({rules.RULE_OF[entry.jenis]}).")
    _refuse(rules.start_refusal(entry) or rules.partner_refusal(entry, partner))
    try:  # the pimpinan settled "cannot decide yet" at the validation (CU-01)
        refuse_if_not_eligible(entry.employee, SLUG, today(), {"role": ROLE[entry.jenis]})
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None
    employee = entry.employee
    pair = UnitPair(inventory_id=entry.id, jenis=entry.jenis, employee_id=employee.id,
                partner_id=partner.id, supervisor_id=employee.supervisor_id,
                unit_id=employee.unit_id, kegiatan=kegiatan, tujuan="", sasaran="",
                status=PairStatus.MENUNGGU_MITRA)
    if pair.other_mentor:
        pair.status = PairStatus.MENUNGGU_ATASAN  # new record: nobody else can have moved it yet
    db.session.add(pair)
    db.session.flush()
    record("coaching_unit.pair.request", "coaching_unit_pair", pair.id, None,
           {"jenis": pair.jenis, "employee_id": employee.id, "status": pair.status},
           summary=f"Permohonan {pair.jenis} #{pair.id} diajukan ({rules.RULE_OF[pair.jenis]})")
    return pair


def supervisor_decide(pair: UnitPair, user: Account, approve: bool, note: str = "") -> None:
    """CU-03: the direct supervisor approves (or refuses) a mentor other than themselves."""
    _refuse(self_approval_refusal(user, subject_id=pair.employee_id, rule=rules.CU_MENTORING))
    if pair.status != PairStatus.MENUNGGU_ATASAN or pair.current_supervisor_id != user.employee_id:
        raise WorkflowError("Permohonan ini tidak menunggu persetujuan Anda sebagai atasan "
                            "langsung (CU-03).")
    if pair.partner_id == user.employee_id:
        raise WorkflowError("Mentor yang diminta tidak dapat sekaligus menyetujui dirinya sebagai "
                            "atasan langsung (CU-03).")
    pair.supervisor_id = user.employee_id  # who decided, should the supervisor have changed
    if approve:
        pair.supervisor_approved_at = utcnow()
        _status(pair, PairStatus.MENUNGGU_MITRA, f"Atasan langsung menyetujui mentor permohonan "
                                        f"#{pair.id} (CU-03)")
    else:
        pair.decline_note = note
        _status(pair, PairStatus.DITOLAK, f"Atasan langsung tidak menyetujui mentor permohonan "
                                 f"#{pair.id} (CU-03)")


def partner_decide(pair: UnitPair, user: Account, accept: bool, note: str = "") -> None:
    """The coach agrees to start (CU-02) / the mentor accepts the request (CU-03)."""
    rule = rules.RULE_OF[pair.jenis]
    if pair.partner_id != user.employee_id:
        raise WorkflowError(f"Permohonan dijawab oleh {pair.partner_label.lower()} yang diminta "
                            f"({rule}).")
    if pair.status != PairStatus.MENUNGGU_MITRA:
        if pair.status == PairStatus.MENUNGGU_ATASAN:
            raise WorkflowError("Permohonan mentoring kepada pihak lain menunggu persetujuan "
                                "atasan langsung pegawai terlebih dahulu (CU-03).")
        raise WorkflowError("Permohonan ini sudah dijawab.")
    if accept:
        pair.partner_accepted_at = utcnow()
        _status(pair, PairStatus.KESEPAKATAN, f"{pair.partner_label} menerima permohonan {pair.jenis} "
                                     f"#{pair.id} ({rule})")
    else:
        pair.decline_note = note
        _status(pair, PairStatus.DITOLAK, f"{pair.partner_label} menolak permohonan {pair.jenis} #{pair.id}")


# --------------------------------------------------------------------------- agreement (CU-02)

def _side(pair: UnitPair, user: Account) -> str:
    side = rules.side_of(user, pair)
    if side is None:
        raise WorkflowError(f"Hanya {pair.employee_label.lower()} dan {pair.partner_label.lower()} "
                            f"yang mengisi kesepakatan ({rules.RULE_OF[pair.jenis]}).")
    return side


def save_agreement(pair: UnitPair, user: Account, tujuan: str, sasaran: str) -> None:
    """Either side writes the aligned goals; saving confirms for the writer and asks the other
    side to confirm again (CU-02: consensus and aligned goals, confirmed by both)."""
    side = _side(pair, user)
    if pair.status != PairStatus.KESEPAKATAN:
        raise WorkflowError(f"Kesepakatan hanya dapat diubah sebelum dikonfirmasi kedua pihak "
                            f"({rules.RULE_OF[pair.jenis]}).")
    pair.tujuan, pair.sasaran = tujuan, sasaran
    now = utcnow()
    pair.employee_confirmed_at = now if side == "pegawai" else None
    pair.partner_confirmed_at = now if side == "mitra" else None
    # CM-01: the audit log records who changed the agreement, never its confidential text.
    record("coaching_unit.pair.agreement", "coaching_unit_pair", pair.id, None, {"side": side},
           summary=f"Kesepakatan {pair.jenis} #{pair.id} disusun ({rules.RULE_OF[pair.jenis]})")


def confirm_agreement(pair: UnitPair, user: Account) -> bool:
    """Confirm the agreement; returns True when both sides have confirmed (the pair starts)."""
    side = _side(pair, user)
    rule = rules.RULE_OF[pair.jenis]
    if pair.status != PairStatus.KESEPAKATAN:
        raise WorkflowError("Kesepakatan ini tidak sedang menunggu konfirmasi.")
    if not pair.tujuan.strip():
        raise WorkflowError(f"Tuliskan dahulu tujuan dan sasaran yang disepakati ({rule}).")
    if side == "pegawai":
        pair.employee_confirmed_at = utcnow()
    else:
        pair.partner_confirmed_at = utcnow()
    if pair.employee_confirmed_at and pair.partner_confirmed_at:
        pair.started_at = utcnow()
        _status(pair, PairStatus.BERJALAN, f"Kesepakatan {pair.jenis} #{pair.id} dikonfirmasi kedua pihak "
                                  f"({rule})")
        return True
    return False


# --------------------------------------------------------------------------- meetings

def log_meeting(pair: UnitPair, user: Account, tanggal: dt.date, topik: str, hasil: str) -> UnitMeeting:
    """Either side logs a meeting that took place; the other side confirms it."""
    _side(pair, user)
    _refuse(rules.meeting_refusal(pair))
    if tanggal > today():
        raise WorkflowError("Pertemuan dicatat setelah terlaksana: tanggal tidak boleh di masa "
                            "depan.")
    meeting = UnitMeeting(pair_id=pair.id, tanggal=tanggal, topik=topik, hasil=hasil,
                      status=MeetingStatus.MENUNGGU, logged_by_id=user.employee_id)
    db.session.add(meeting)
    db.session.flush()
    record("coaching_unit.meeting.log", "coaching_unit_meeting", meeting.id, None,
           {"pair_id": pair.id, "tanggal": tanggal.isoformat()},
           summary=f"Pertemuan {pair.jenis} #{pair.id} pada {tanggal.isoformat()} dicatat")
    return meeting


def meeting_number(meeting: UnitMeeting) -> int:
    """The meeting's place among the pair's confirmed meetings (this one counted last when it
    is being confirmed)."""
    confirmed = [m for m in meeting.pair.meetings if m.status == MeetingStatus.DIKONFIRMASI and m.id != meeting.id]
    return len(confirmed) + 1


def participation(meeting: UnitMeeting) -> Participation:
    """CM-01: the ledger title is neutral ("Mentoring unit kerja — pertemuan 3"); the topic and
    the coach/mentor stay in the pair's record."""
    pair = meeting.pair
    return Participation(
        employee_id=pair.employee_id, mechanism=SLUG, activity_type=ACTIVITY[pair.jenis],
        role=ROLE[pair.jenis], on_date=meeting.tanggal,
        title=neutral.meeting_title(pair.jenis, meeting_number(meeting)),
        reference=f"coaching_unit:meeting:{meeting.id}", organiser_unit_id=pair.unit_id,
        confidential=True)


def confirm_meeting(meeting: UnitMeeting, user: Account) -> None:
    """The other side confirms; the meeting is credited to the ledger (2 JP; the ledger counts
    at most 2 a month, CU-02/CU-03, and keeps the rest as not counted with the rule)."""
    _refuse(rules.confirm_refusal(user, meeting))
    if meeting.pair.status != PairStatus.BERJALAN:
        raise WorkflowError(rules.meeting_refusal(meeting.pair))
    _claim(meeting, MeetingStatus.DIKONFIRMASI)  # before the credit: a concurrent reject cannot leave JP behind
    try:
        entry = credit(participation(meeting), actor_id=user.id)
    except LedgerError as error:
        raise WorkflowError(str(error)) from None
    meeting.ledger_entry_id = entry.id
    meeting.decided_by_id, meeting.decided_at = user.employee_id, utcnow()
    record("coaching_unit.meeting.confirm", "coaching_unit_meeting", meeting.id,
           {"status": MeetingStatus.MENUNGGU}, {"status": MeetingStatus.DIKONFIRMASI, "ledger_entry_id": entry.id},
           summary=f"Pertemuan {meeting.pair.jenis} #{meeting.pair_id} dikonfirmasi; JP ke buku JP "
                   f"({rules.RULE_OF[meeting.pair.jenis]})")


def _claim(meeting: UnitMeeting, new: str) -> None:
    try:
        claim_state(meeting, (MeetingStatus.MENUNGGU,), new)
    except StaleDecision as error:
        raise WorkflowError(str(error)) from None


def reject_meeting(meeting: UnitMeeting, user: Account) -> None:
    _refuse(rules.confirm_refusal(user, meeting))
    _claim(meeting, MeetingStatus.DITOLAK)
    meeting.decided_by_id, meeting.decided_at = user.employee_id, utcnow()
    record("coaching_unit.meeting.reject", "coaching_unit_meeting", meeting.id,
           {"status": MeetingStatus.MENUNGGU}, {"status": MeetingStatus.DITOLAK},
           summary=f"Pertemuan {meeting.pair.jenis} #{meeting.pair_id} tidak dikonfirmasi")


# --------------------------------------------------------------------------- evaluation

def evaluate(pair: UnitPair, user: Account, text: str) -> bool:
    """Each side writes its evaluation (CU-02 step 4, CU-03 step 6); when both have, the
    coaching/mentoring is done. Returns True when it is done."""
    side = _side(pair, user)
    _refuse(rules.evaluation_refusal(pair))
    if side == "pegawai":
        pair.evaluasi_pegawai = text
    else:
        pair.evaluasi_mitra = text
    record("coaching_unit.pair.evaluation", "coaching_unit_pair", pair.id, None,
           {"side": side}, summary=f"Evaluasi {pair.jenis} #{pair.id} oleh "
                                   f"{pair.employee_label if side == 'pegawai' else pair.partner_label}")
    if pair.evaluasi_pegawai and pair.evaluasi_mitra:
        pair.completed_at = utcnow()
        _status(pair, PairStatus.SELESAI, f"{pair.jenis_label} #{pair.id} selesai dan dievaluasi "
                                 f"({rules.RULE_OF[pair.jenis]})")
        return True
    return False
