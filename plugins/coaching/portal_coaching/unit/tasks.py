"""Inbox tasks (``portal_pending_tasks``): validate the list (CU-01), approve another mentor
(CU-03), answer a request, confirm an agreement or a meeting."""

from __future__ import annotations

from sqlalchemy import or_, select

from portal.sdk import Account, Employee, PendingTask, Unit, db, viewable_units
from portal_coaching.unit import rules
from portal_coaching.unit.models import InventoryStatus, MeetingStatus, PairStatus, UnitInventory, UnitMeeting, UnitPair

LIMIT = 20


def _day(value):
    return value.date() if value else None


def _inventory_tasks(user: Account) -> list[PendingTask]:
    if not user.has_any("pimpinan_unit"):
        return []
    waiting = db.session.scalars(
        select(UnitInventory).join(Unit, UnitInventory.unit_id == Unit.id)
        .where(UnitInventory.status == InventoryStatus.DIUSULKAN, viewable_units(user))
        .order_by(UnitInventory.proposed_at).limit(LIMIT))
    return [PendingTask(f"Validasi kebutuhan {e.jenis}: {e.employee.nama} (CU-01)",
                        "coaching_unit.inventory", (), "Persetujuan", _day(e.proposed_at))
            for e in waiting if rules.is_validator(user, e)]


def _pair_task(user: Account, pair: UnitPair) -> PendingTask | None:
    me, values = user.employee_id, (("pair_id", pair.id),)
    if pair.status == PairStatus.MENUNGGU_ATASAN and pair.current_supervisor_id == me:
        return PendingTask(f"Setujui mentor {pair.partner.nama} untuk {pair.employee.nama} (CU-03)",
                           "coaching_unit.pair", values, "Persetujuan", _day(pair.created_at))
    if pair.status == PairStatus.MENUNGGU_MITRA and pair.partner_id == me:
        return PendingTask(f"Jawab permohonan {pair.jenis} dari {pair.employee.nama}",
                           "coaching_unit.pair", values, "Persetujuan", _day(pair.created_at))
    side = rules.side_of(user, pair)
    if pair.status == PairStatus.KESEPAKATAN and side is not None:
        mine = pair.employee_confirmed_at if side == "pegawai" else pair.partner_confirmed_at
        if mine is None:
            return PendingTask(f"Konfirmasi kesepakatan {pair.jenis} ({rules.RULE_OF[pair.jenis]})",
                               "coaching_unit.pair", values, "Formulir", _day(pair.partner_accepted_at))
    return None


def pending_for(user: Account) -> list[PendingTask]:
    me = user.employee_id
    tasks = _inventory_tasks(user)
    pairs = db.session.scalars(
        select(UnitPair).join(Employee, UnitPair.employee_id == Employee.id)
        .where(UnitPair.status.in_((PairStatus.MENUNGGU_ATASAN, PairStatus.MENUNGGU_MITRA, PairStatus.KESEPAKATAN)),
               or_(UnitPair.employee_id == me, UnitPair.partner_id == me, Employee.supervisor_id == me))
        .limit(LIMIT))
    tasks += [task for pair in pairs if (task := _pair_task(user, pair))]
    meetings = db.session.scalars(
        select(UnitMeeting).join(UnitPair).where(UnitMeeting.status == MeetingStatus.MENUNGGU,
                                                 UnitMeeting.logged_by_id != me,
                                         or_(UnitPair.employee_id == me, UnitPair.partner_id == me))
        .order_by(UnitMeeting.logged_at).limit(LIMIT))
    tasks += [PendingTask(f"Konfirmasi pertemuan {m.pair.jenis} {m.tanggal:%d-%m-%Y}",
                          "coaching_unit.pair", (("pair_id", m.pair_id),), "Konfirmasi",
                          m.tanggal) for m in meetings]
    return tasks
