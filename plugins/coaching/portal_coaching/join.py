"""Where a person joins coaching or mentoring (``portal_join_steps``), each through the core's
eligibility gate:

* unit flow (Lamp. I): listed by the unit (CU-01), validated by the unit head (CU-01; "cannot
  decide yet" settled here with a recorded reason), the employee's own request to a coach or
  mentor (CU-02/CU-03);
* the HR unit's programme (Lamp. H): a candidate made coachee (G-03, CM-04).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.sdk import Account, Employee, JoinStep, db, today
from portal_coaching.jp import SLUG
from portal_coaching.programme import workflow as programme_flow
from portal_coaching.unit import rules as unit_rules
from portal_coaching.unit import workflow as unit_flow
from portal_coaching.unit.models import InventoryStatus, UnitInventory


def _account_of(employee: Employee | None) -> Account:
    account = db.session.scalar(select(Account).where(Account.employee_id == employee.id)) \
        if employee is not None else None
    if account is None:
        raise LookupError("no account for the step's actor")
    return account


def _listed(employee: Employee, actor: Account, on_date: dt.date):
    return unit_flow.list_employee(employee, "mentoring", "Hasil evaluasi kinerja", actor)


def _validated(employee: Employee, actor: Account, on_date: dt.date):
    # Listed as the unit would be (the listing itself is the step above), then validated.
    entry = UnitInventory(unit_id=employee.unit_id, employee_id=employee.id, jenis="mentoring",
                          alasan="Hasil evaluasi kinerja", status=InventoryStatus.DIUSULKAN, proposed_by_id=actor.id)
    db.session.add(entry)
    db.session.flush()
    unit_flow.validate(entry, _account_of(unit_rules.validator_of(entry)))
    return entry


def _requested(employee: Employee, actor: Account, on_date: dt.date):
    entry = UnitInventory(unit_id=employee.unit_id, employee_id=employee.id, jenis="mentoring",
                          alasan="Hasil evaluasi kinerja", status=InventoryStatus.DIVALIDASI,
                          proposed_by_id=actor.id, area="Pengelolaan kontrak",
                          area_standard="teknis")
    db.session.add(entry)
    db.session.flush()
    return unit_flow.start(entry, _account_of(employee), employee.supervisor, "Pendampingan kontrak")


def _coachee(employee: Employee, actor: Account, on_date: dt.date):
    programme = programme_flow.save_programme(None, {
        "nama": "Coaching-Mentoring Kompetensi Teknis", "tujuan": "Meningkatkan kinerja pegawai.",
        "sasaran": "Memecahkan masalah lapangan.", "standar": "teknis",
        "kompetensi": "Pengawasan konstruksi", "pertemuan_per_bulan": 2,
        "jadwal": "Selasa, 09.00 WIB", "moda": "daring", "tanggal_mulai": on_date}, actor)
    programme_flow.record_clinic(employee, "klinik", min(on_date, today()), "Feedback hasil asesmen",
                                 actor)
    coach = programme_flow.save_coach({"nama": "Coach Eksternal", "instansi": "Lembaga Coaching",
                                       "kontak": "", "pengalaman": True, "dipercaya": True,
                                       "menjaga_rahasia": True, "integritas": True}, None, actor)
    return programme_flow.add_participant(programme, employee, coach, employee.supervisor, "",
                                          "Penguji Teknis", actor)


def join_steps() -> list[JoinStep]:
    return [
        JoinStep("unit_inventarisasi", "Dicatat unit membutuhkan coaching/mentoring", SLUG, _listed),
        JoinStep("unit_validasi", "Divalidasi pimpinan unit (CU-01)", SLUG, _validated),
        JoinStep("unit_permohonan", "Mengajukan permohonan coaching/mentoring", SLUG, _requested),
        JoinStep("program_coachee", "Ditetapkan sebagai coachee program unit SDM", SLUG, _coachee),
    ]
