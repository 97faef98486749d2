"""Who may see and do what in the unit flow, and the CU rules checked before a change.

Each refusal names its rule ID (docs/rules.md) in the Indonesian message the user sees.
"""

from __future__ import annotations

from sqlalchemy import select

from portal.sdk import Account, Employee, Unit, can_manage_unit, db
from portal_coaching.unit.models import (
    PARTNER_LABEL,
    InventoryStatus,
    MeetingStatus,
    PairStatus,
    UnitInventory,
    UnitMeeting,
    UnitPair,
)

# CU-01: employees are listed by their unit and validated by the unit head.
CU_INVENTORY = "CU-01"
# CU-02: coaching starts with a consensus and aligned goals; 2 JP per meeting, 2 counted a month.
CU_COACHING = "CU-02"
# CU-03: a mentor other than the direct supervisor needs the supervisor's approval first.
CU_MENTORING = "CU-03"
RULE_OF = {"coaching": CU_COACHING, "mentoring": CU_MENTORING}
OPEN_PAIR = ("menunggu_atasan", "menunggu_mitra", "kesepakatan", "berjalan")


# --------------------------------------------------------------------------- people

def head_of(unit: Unit, excluding: frozenset[int] = frozenset()) -> Employee | None:
    """The unit head who validates the unit's list (CU-01): the unit's own head, else the
    nearest ancestor's; heads in ``excluding`` are passed over (four eyes)."""
    current: Unit | None = unit
    while current is not None:
        if current.head_id is not None and current.head_id not in excluding:
            return current.head
        current = current.parent
    return None


def validator_of(entry: UnitInventory) -> Employee | None:
    """CU-01 validation rests on a derived role (unit head), so the validator is never the
    listed employee nor whoever proposed the entry: such a head is passed over and the next
    head up validates (portal.authority)."""
    excluded = {entry.employee_id}
    if entry.proposed_by_id is not None:
        proposer = db.session.get(Account, entry.proposed_by_id)
        if proposer is not None:
            excluded.add(proposer.employee_id)
    return head_of(entry.unit, frozenset(excluded))


def is_validator(user: Account, entry: UnitInventory) -> bool:
    head = validator_of(entry)
    return head is not None and head.id == user.employee_id


def is_sdm(user: Account) -> bool:
    """Admin SDM: the HR unit's staff, who see every coaching record (CM-01)."""
    return user.has_any("admin_sdm")


def can_list_for(user: Account, unit: Unit) -> bool:
    """The unit lists its employees (CU-01): its admin (admin_unit in scope) or its head."""
    head = head_of(unit)
    return can_manage_unit(user, unit) or (head is not None and head.id == user.employee_id)


def can_view_inventory(user: Account, entry: UnitInventory) -> bool:
    """The employee, the unit's admins and the heads of the unit's subtree (as the list)."""
    headed = any(entry.unit.path.startswith(path) for path in user.headed_unit_paths)
    return (entry.employee_id == user.employee_id or headed or is_validator(user, entry)
            or can_manage_unit(user, entry.unit))


def can_view_pair(user: Account, pair: UnitPair) -> bool:
    """CM-01 (confidentiality) applied to the unit flow: the coachee/mentee, the coach/mentor,
    the direct supervisor only where the circular gives them a role (approving a mentor other
    than themselves, CU-03), and admin SDM. Nobody else — not another atasan, a unit admin or
    a colleague."""
    me = user.employee_id
    if me in (pair.employee_id, pair.partner_id) or is_sdm(user):
        return True
    return pair.other_mentor and me is not None and pair.current_supervisor_id == me


def side_of(user: Account, pair: UnitPair) -> str | None:
    """"pegawai" (coachee/mentee), "mitra" (coach/mentor) or None."""
    if user.employee_id == pair.employee_id:
        return "pegawai"
    if user.employee_id == pair.partner_id:
        return "mitra"
    return None


# --------------------------------------------------------------------------- CU rules

def validated_entry(employee: Employee, jenis: str) -> UnitInventory | None:
    """The employee's latest validated inventory entry of this kind (CU-01)."""
    return db.session.scalar(
        select(UnitInventory).where(UnitInventory.employee_id == employee.id, UnitInventory.jenis == jenis,
                                UnitInventory.status == InventoryStatus.DIVALIDASI)
        .order_by(UnitInventory.id.desc()).limit(1))


def inventory_refusal(employee: Employee, jenis: str) -> str | None:
    """CU-01: a duplicate open entry of the same kind is refused."""
    open_entry = db.session.scalar(select(UnitInventory.id).where(
        UnitInventory.employee_id == employee.id, UnitInventory.jenis == jenis,
        UnitInventory.status == InventoryStatus.DIUSULKAN))
    if open_entry is not None:
        return (f"{employee.nama} sudah diusulkan untuk {jenis} dan menunggu validasi pimpinan "
                f"unit ({CU_INVENTORY}).")
    return None


def start_refusal(entry: UnitInventory) -> str | None:
    """CU-01: coaching/mentoring starts only from a validated entry with a chosen area."""
    if entry.status != InventoryStatus.DIVALIDASI:
        return (f"Pegawai harus tercantum dalam inventarisasi yang divalidasi pimpinan unit "
                f"sebelum memulai {entry.jenis} ({CU_INVENTORY}).")
    if not entry.area:
        return f"Tentukan dahulu area pengembangan yang akan dilaksanakan ({CU_INVENTORY})."
    if any(p.status in OPEN_PAIR for p in entry.pairs):
        return (f"Masih ada {entry.jenis} yang berjalan atau menunggu jawaban untuk "
                f"inventarisasi ini ({CU_INVENTORY}).")
    return None


def partner_refusal(entry: UnitInventory, partner: Employee) -> str | None:
    if partner.id == entry.employee_id:
        return (f"{PARTNER_LABEL[entry.jenis]} harus orang lain, bukan pegawai itu sendiri "
                f"({RULE_OF[entry.jenis]}).")
    if not db.session.scalar(select(Account.id).where(Account.employee_id == partner.id,
                                                      Account.is_enabled.is_(True))):
        return (f"{partner.nama} belum mempunyai akun portal yang aktif, sehingga tidak dapat "
                f"menjawab permohonan ({RULE_OF[entry.jenis]}). Pilih orang lain atau minta admin "
                "membuatkan akun.")
    if entry.jenis == "mentoring" and entry.employee.supervisor_id is None:
        return ("Atasan langsung Anda belum tercatat; permohonan mentoring memerlukan atasan "
                f"langsung sebagai mentor atau sebagai pemberi persetujuan ({CU_MENTORING}). "
                "Minta admin unit melengkapi data atasan.")
    return None


def meeting_refusal(pair: UnitPair) -> str | None:
    """CU-02/CU-03: meetings follow the agreement confirmed by both sides."""
    rule = RULE_OF[pair.jenis]
    if pair.status != PairStatus.BERJALAN:
        return (f"Pertemuan dicatat setelah kesepakatan dikonfirmasi kedua pihak dan sebelum "
                f"evaluasi akhir ({rule}).")
    return None


def confirm_refusal(user: Account, meeting: UnitMeeting) -> str | None:
    """The other side confirms a meeting; the one who logged it cannot (CU-02/CU-03)."""
    rule = RULE_OF[meeting.pair.jenis]
    if meeting.status != MeetingStatus.MENUNGGU:
        return "Pertemuan ini sudah dikonfirmasi atau ditolak."
    if meeting.logged_by_id == user.employee_id:
        return (f"Pertemuan dikonfirmasi oleh pihak lain, bukan oleh yang mencatatnya "
                f"({rule}).")
    if side_of(user, meeting.pair) is None:
        return f"Hanya coachee/mentee dan coach/mentor yang mengonfirmasi pertemuan ({rule})."
    return None


def evaluation_refusal(pair: UnitPair) -> str | None:
    rule = RULE_OF[pair.jenis]
    if pair.status != PairStatus.BERJALAN:
        return f"Evaluasi dilakukan ketika {pair.jenis} sedang berjalan ({rule})."
    if not pair.confirmed_meetings:
        return (f"Evaluasi dilakukan setelah paling sedikit satu pertemuan dikonfirmasi "
                f"({rule}).")
    if any(m.status == MeetingStatus.MENUNGGU for m in pair.meetings):
        return (f"Masih ada pertemuan yang menunggu konfirmasi; konfirmasi atau tolak dahulu "
                f"sebelum evaluasi ({rule}).")
    return None
