"""Demo data (``portal_demo_data``): secondments of PNS to another unit — one completed with its
closing report on the knowledge transferred (JP credited), one running with monitoring reports.
Built only through the core service functions; deterministic through ``rng``."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.sdk import (
    Account,
    Employee,
    Placement,
    RoleGrant,
    Signature,
    Span,
    Unit,
    account_for,
    admin_sdm_account,
    db,
    last_day,
    signed_document,
    submit_due_reports,
    today,
)
from portal.sdk import check_eligibility as check
from portal.sdk import (
    placement_monitoring as monitoring,
)
from portal.sdk import (
    placement_outcome as outcome,
)
from portal.sdk import (
    placement_service as service,
)
from portal_detasering.kind import KIND

NEED_COUNT = {"small": 2, "ministry": 6}  # needs (units) with placements
ASSIGNMENTS = [
    ("Perencanaan teknis jembatan", "Balai Pelaksanaan Jalan Nasional Kalimantan Timur", "Kepala Seksi Perencanaan"),
    ("Pengelolaan barang milik negara", "Pemerintah Kabupaten Sleman", "Analis Pengelolaan Aset"),
    ("Pengawasan mutu konstruksi", "Balai Wilayah Sungai Sumatera VIII", "Pengawas Mutu Bendungan"),
]






def _pns(unit: Unit, on_date: dt.date) -> list[Employee]:
    """Two PNS of the unit whose eligibility answer is "yes" (DT-01, G-03); never someone holding a
    granted role, who would have to approve their own placement (four eyes, portal.authority)."""
    query = (select(Employee).join(Unit, Employee.unit_id == Unit.id)
             .where(Unit.path.startswith(unit.path), Employee.status_asn == "PNS",
                    Employee.jenis_jabatan == "fungsional",
                    Employee.id.not_in(select(Account.employee_id).join(RoleGrant, RoleGrant.account_id == Account.id)))
             .order_by(Employee.id.desc()).limit(30))
    return [e for e in db.session.scalars(query)
            if check(e, KIND.slug, on_date, {"role": "peserta"}).eligible is True][:2]


def _assignment_letter(placement: Placement, elements: dict[str, str]) -> FileStorage:
    """The signed assignment letter (surat penugasan) as a PDF."""
    return signed_document(
        KIND, elements, title="Surat Penugasan Detasering", filename="surat-penugasan.pdf",
        header=[("Pegawai", placement.employee.nama), ("Unit penerima", placement.host_name)],
        signatures=[Signature("Yang menugaskan", "Pejabat yang Berwenang", placement.unit.nama, "")])


def _second(placement: Placement, sdm: Account, rng: random.Random, assignment: tuple[str, str, str],
            start: dt.date, months: int, day: dt.date) -> None:
    kompetensi, host, position = assignment
    service.set_host(KIND, placement, sdm, {
        "host_type": "instansi" if "Pemerintah" in host else "unit_internal", "host_name": host,
        "locus": "nasional", "host_location": host.rsplit(" ", 1)[-1], "role_at_host": position,
        "mentor_name": rng.choice(["Agus Salim", "Maria Ulfa", "Yohanes Tanoto"]), "mentor_institution": host,
        "extra_kesesuaian_kompetensi": f"Pengalaman lima tahun pada {kompetensi.lower()}; hasil asesmen "
                                       "kompetensi teknis memenuhi standar jabatan.",
    })
    end = last_day(start, Span(months, "months"))
    elements = {"jabatan": f"{position} di {host}",
                "jangka_waktu": f"{months} bulan",
                "tujuan_alih": f"Unit penerima mampu melaksanakan {kompetensi.lower()} secara mandiri; SOP dan "
                               "dua pegawai pendamping terlatih."}
    service.set_agreement(KIND, placement, sdm, elements, _assignment_letter(placement, elements))
    service.set_schedule(KIND, placement, sdm, start, end, "bulanan", "")
    service.start(KIND, placement, sdm)
    participant = account_for(placement.employee.id)
    for period in [p for p in monitoring.periods(placement, day) if p.end < day][:3]:
        monitoring.submit_report(KIND, placement, participant, period.number,
                                 f"Bulan ke-{period.number}: pendampingan pegawai unit penerima berjalan.", day)
    monitoring.add_note(KIND, placement, sdm, "mentor", placement.mentor_name,
                        "Pegawai aktif membimbing staf unit penerima.", "")


def _close(placement: Placement, sdm: Account, day: dt.date) -> None:
    submit_due_reports(KIND, placement, account_for(placement.employee.id), day,
                       "pendampingan pegawai unit penerima berjalan.",
                       "Laporan akhir: alih pengetahuan selesai; unit penerima bekerja mandiri.")
    monitoring.record_rapor(KIND, placement, sdm, 90, "Sangat baik", "Alih pengetahuan berhasil.",
                            placement.mentor_name, placement.end_date)
    on_date = placement.end_date + dt.timedelta(days=2)
    outcome.finish(KIND, placement, sdm, method="laporan_penutup", on_date=on_date, lulus=True, score=88,
                   notes="Laporan penutup diterima unit penerima.", cause="", cause_note="", reward="",
                   closing={"laporan_alih_pengetahuan": "SOP perencanaan disusun bersama; dua pegawai unit "
                            "penerima kini menyusun dokumen perencanaan secara mandiri."}, today=day)


def add_demo(rng: random.Random, scale: str) -> str | None:
    sdm = admin_sdm_account()
    if sdm is None:
        return None
    day = today()
    units = db.session.scalars(select(Unit).where(Unit.eselon == "II", Unit.head_id.is_not(None))
                               .order_by(Unit.id.desc()))
    seconded = completed = needs = 0
    for unit in units:
        if needs == NEED_COUNT.get(scale, 2):
            break
        employees = _pns(unit, day)
        if not employees:
            continue
        assignment = ASSIGNMENTS[needs % len(ASSIGNMENTS)]
        needs += 1
        need = service.create_need(KIND, unit, sdm, kompetensi=assignment[0], basis="kebutuhan",
                                   akpk=f"AKPK {day.year} {unit.kode}",
                                   target=f"Alih pengetahuan {assignment[0].lower()} ke {assignment[1]}.")
        service.approve_need(KIND, need, sdm)
        for number, employee in enumerate(employees):
            placement = service.nominate(KIND, need, employee, sdm, day)
            if number == 0:
                _second(placement, sdm, rng, assignment, day - dt.timedelta(days=200), 5, day)
                _close(placement, sdm, day)
                completed += 1
            else:
                _second(placement, sdm, rng, assignment, day - dt.timedelta(days=45), 6, day)
            seconded += 1
    return f"{seconded} detasering ({completed} selesai)" if seconded else None
