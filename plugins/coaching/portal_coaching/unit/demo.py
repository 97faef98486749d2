"""Demo data (``portal_demo_data``): the unit flow in each state — listed, validated with an
area, a mentoring with its supervisor running with three meetings in one month (the third
not counted, CU-03), a coaching waiting for the agreement. Deterministic through ``rng``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.sdk import Employee, credit, db, today, utcnow, waiting_since
from portal_coaching.unit import rules, workflow
from portal_coaching.unit.models import InventoryStatus, MeetingStatus, PairStatus, UnitInventory, UnitMeeting, UnitPair

AREAS = [("teknis", "Penyusunan kerangka acuan kerja"), ("manajerial", "Memimpin rapat koordinasi"),
         ("sosial_kultural", "Komunikasi dengan pemangku kepentingan"), ("teknis", "Analisis risiko proyek")]
TOPICS = ["Menyusun rencana kerja bulanan", "Membahas hambatan pelaksanaan", "Umpan balik atas draf laporan"]
PEOPLE = {"small": 4, "ministry": 24}


def _entry(employee: Employee, jenis: str, status: str, area: tuple[str, str] | None) -> UnitInventory:
    now, head = utcnow(), rules.head_of(employee.unit, frozenset({employee.id}))
    entry = UnitInventory(unit_id=employee.unit_id, employee_id=employee.id, jenis=jenis, status=status,
                      alasan="Kesenjangan kompetensi dari hasil penilaian kinerja.", proposed_at=now,
                      validated_by_id=head.id if head and status == InventoryStatus.DIVALIDASI else None,
                      validated_at=now if status == InventoryStatus.DIVALIDASI else None)
    if area:
        entry.area_standard, entry.area, entry.area_set_at = area[0], area[1], now
    db.session.add(entry)
    db.session.flush()
    return entry


def _running(employee: Employee, area: tuple[str, str], day: dt.date) -> UnitPair:
    entry = _entry(employee, "mentoring", "divalidasi", area)
    now = utcnow()
    pair = UnitPair(inventory_id=entry.id, jenis="mentoring", employee_id=employee.id,
                partner_id=employee.supervisor_id, supervisor_id=employee.supervisor_id,
                unit_id=employee.unit_id, status=PairStatus.BERJALAN, kegiatan=area[1],
                tujuan=f"Mampu {area[1].lower()} secara mandiri.",
                sasaran="Rencana kerja, hambatan dan umpan balik setiap dua minggu.",
                employee_confirmed_at=now, partner_confirmed_at=now, partner_accepted_at=now,
                started_at=now)
    db.session.add(pair)
    db.session.flush()
    for offset, topik in enumerate(TOPICS):
        meeting = UnitMeeting(pair_id=pair.id, tanggal=day + dt.timedelta(days=7 * offset), topik=topik,
                          hasil="Disepakati langkah berikutnya.", status=MeetingStatus.DIKONFIRMASI,
                          logged_by_id=employee.id, decided_by_id=employee.supervisor_id, decided_at=now)
        db.session.add(meeting)
        db.session.flush()
        meeting.ledger_entry_id = credit(workflow.participation(meeting)).id
    return pair


def add_demo(rng, scale) -> str | None:
    employees = list(db.session.scalars(select(Employee).where(Employee.supervisor_id.is_not(None))
                                        .order_by(Employee.id).limit(PEOPLE.get(scale, 4) * 4)))
    chosen = rng.sample(employees, min(len(employees), PEOPLE.get(scale, 4)))
    if len(chosen) < 3:
        return None
    first_of_last_month = (today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    running = 0
    for index, employee in enumerate(chosen):
        area = AREAS[index % len(AREAS)]
        kind = index % 3
        if kind == 0:
            _running(employee, area, first_of_last_month + dt.timedelta(days=rng.randrange(3)))
            running += 1
        elif kind == 1:
            entry = _entry(employee, "coaching", "divalidasi", area)
            entry.proposed_at = waiting_since(rng)
            agreed = waiting_since(rng, after=entry.proposed_at.date())
            db.session.add(UnitPair(inventory_id=entry.id, jenis="coaching", employee_id=employee.id,
                                partner_id=employee.supervisor_id, supervisor_id=employee.supervisor_id,
                                unit_id=employee.unit_id, status=PairStatus.KESEPAKATAN, kegiatan=area[1],
                                created_at=agreed, partner_accepted_at=agreed))
        else:
            _entry(employee, rng.choice(("coaching", "mentoring")), "diusulkan", None).proposed_at = waiting_since(rng)
    db.session.flush()
    return (f"{len(chosen)} pegawai diinventarisasi untuk coaching/mentoring unit; {running} mentoring "
            "berjalan dengan 3 pertemuan dalam sebulan (pertemuan ke-3 tidak dihitung, CU-03).")
