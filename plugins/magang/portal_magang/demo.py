"""Demo data (``portal_demo_data``): magang needs and internships in every state, built with the
core lifecycle's own service functions, so every record obeys the rules. Deterministic (``rng``)."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from portal.sdk import (
    Account,
    Employee,
    EmployeeGap,
    NeedStatus,
    Placement,
    PlacementError,
    Signature,
    Unit,
    account_for,
    admin_sdm_account,
    db,
    set_continuity,
    signed_document,
    submit_due_reports,
    today,
    waiting_since,
)
from portal.sdk import (
    placement_monitoring as monitoring,
)
from portal.sdk import (
    placement_outcome as outcome,
)
from portal.sdk import (
    placement_service as service,
)
from portal_magang.kind import KIND

HOSTS = [("korporasi", "PT Wijaya Karya (Persero) Tbk", "Ir. Bambang Sutrisno, M.T.", "Jakarta"),
         ("instansi_lain", "Badan Riset dan Inovasi Nasional", "Dr. Lestari Handayani", "Bandung"),
         ("internal", "Balai Besar Pelaksanaan Jalan Nasional Jawa Barat", "Agus Salim, S.T., M.Sc.", "Bandung"),
         ("lainnya", "Politeknik Pekerjaan Umum", "Dr. Rina Marlina", "Semarang")]
NEEDS = ["Audit keselamatan jembatan", "Manajemen aset irigasi", "Perencanaan rumah susun berbasis BIM",
         "Pengendalian mutu beton pracetak"]
# state of each demo internship: (start offset in days from today, weeks, what to do)
PLAN = [(-70, 16, "berjalan"), (-45, 8, "berjalan"), (-120, 10, "lulus"), (-150, 12, "gagal"),
        (14, 12, "persiapan"), (30, 60, "justifikasi")]




def _candidates(unit: Unit) -> list[Employee]:
    with_gap = select(EmployeeGap.employee_id).where(EmployeeGap.gap_level > 0)
    return list(db.session.scalars(select(Employee).join(Unit, Employee.unit_id == Unit.id).where(
        Unit.path.startswith(unit.path), Employee.status_asn == "PNS", Employee.supervisor_id.is_not(None),
        Employee.id.in_(with_gap)).order_by(Employee.id).limit(40)))


def _prepare(placement: Placement, actor: Account, rng: random.Random, start: dt.date, weeks: int,
             justification: str = "") -> None:
    host_type, host, mentor, city = HOSTS[rng.randrange(len(HOSTS))]
    service.endorse(KIND, placement, account_for(placement.employee.supervisor_id),
                    "Pegawai terbaik di bidangnya dengan basis kompetensi yang terkait langsung.")
    service.set_host(KIND, placement, actor, {
        "host_type": host_type, "host_name": host, "locus": "nasional", "host_location": city,
        "supply_experience": f"{host} menangani pekerjaan sejenis dengan skala nasional.",
        "supply_competency": f"{mentor} adalah tenaga ahli bersertifikat di bidang ini.",
        "mentor_name": mentor, "mentor_institution": host, "role_at_host": "Anggota tim teknis",
        "variant": rng.choice(["karier", "pemutakhiran", "konteks"]), "approach": "independen"})
    elements = {e.key: f"{e.label}: sebagaimana diatur dalam PKS." for e in KIND.agreement_elements}
    signed = signed_document(
        KIND, elements, title="Perjanjian Kerja Sama Magang", filename="pks-bertanda-tangan.pdf",
        header=[("Peserta", placement.employee.nama), ("Instansi tempat magang", host), ("Lokasi", city)],
        signatures=[Signature("Pihak Pertama", "Unit pengirim", placement.unit.nama, ""),
                    Signature("Pihak Kedua", "Instansi tempat magang", host, "")])
    service.set_agreement(KIND, placement, actor, elements, signed)
    set_continuity(KIND, placement, actor, "Tugas peserta dilaksanakan rekan satu tim; atasan membagi ulang "
                   "pekerjaan selama magang.")
    end = start + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
    service.set_schedule(KIND, placement, actor, start, end, "mingguan" if weeks <= 16 else "bulanan", justification)


def add_demo(rng: random.Random, scale: str) -> str | None:
    actor = admin_sdm_account()
    if actor is None:
        return None
    day, count, plan = today(), 0, list(PLAN) * (1 if scale == "small" else 10)
    units = db.session.scalars(select(Unit).where(Unit.eselon == "II").order_by(Unit.id).limit(200))
    for unit_index, unit in enumerate(units):
        people = _candidates(unit)
        if not plan:
            break
        if not people:
            continue
        need = service.create_need(KIND, unit, actor, kompetensi=NEEDS[unit_index % len(NEEDS)], basis="kesenjangan",
                                   akpk=f"AKPK {day.year} No. {10 + unit_index}",
                                   target="Pegawai mampu menerapkan praktik terbaik instansi penerima di unitnya.")
        need.created_at = waiting_since(rng)
        if unit_index % 4 != 3:  # one need in four still waits for the HR unit (MG-13)
            service.approve_need(KIND, need, actor)
        for employee in people:
            if not plan or need.status != NeedStatus.DISETUJUI:
                break
            offset, weeks, state = plan.pop(0)
            count += _one(rng, need, employee, actor, day, offset, weeks, state)
    db.session.flush()
    return f"{count} magang" if count else None


def _one(rng: random.Random, need, employee: Employee, actor: Account, day: dt.date, offset: int, weeks: int,
         state: str) -> int:
    try:
        with db.session.begin_nested():
            placement = service.nominate(KIND, need, employee, actor, day)
            placement.created_at = waiting_since(rng, after=need.created_at.date())
            _prepare(placement, actor, rng, day + dt.timedelta(days=offset), weeks,
                     "Substansi sertifikasi ahli memerlukan siklus proyek penuh." if state == "justifikasi" else "")
            if state in ("persiapan", "justifikasi"):
                return 1
            service.start(KIND, placement, actor)
            due = [period for period in monitoring.periods(placement, day) if period.end < day]
            for period in due[:-1]:  # the last one due is left overdue, as happens
                monitoring.submit_report(KIND, placement, account_for(placement.employee_id), period.number,
                                         "Kegiatan sesuai rencana aksi; capaian on-track.", day)
            monitoring.add_note(KIND, placement, account_for(placement.employee.supervisor_id), "atasan", "",
                                "Peserta disiplin dan aktif berdiskusi dengan tim penerima.", "")
            monitoring.add_note(KIND, placement, actor, "mentor", placement.mentor_name,
                                "Analisis teknis perlu diperdalam.", "Tugas tambahan: kajian satu kasus nyata.")
            if state == "lulus":  # MG-09: every report and the rapor before the final evaluation
                submit_due_reports(KIND, placement, account_for(placement.employee_id), day,
                                   "Kegiatan sesuai rencana aksi; capaian on-track.",
                                   "Laporan akhir: target magang tercapai; hasil diterapkan di unit asal.")
                monitoring.record_rapor(KIND, placement, actor, rng.randint(80, 92), "Baik",
                                        "Target magang tercapai.", placement.mentor_name, placement.end_date)
                outcome.finish(KIND, placement, actor, method="presentasi", on_date=placement.end_date, lulus=True,
                               score=rng.randint(80, 95), notes="Presentasi hasil magang.", cause="", cause_note="",
                               reward="Pelatihan jangka pendek", closing={}, today=day)
                outcome.add_competency(KIND, placement, actor, need.kompetensi, placement.end_date)
            elif state == "gagal":
                outcome.finish(KIND, placement, actor, method="uji_kompetensi", on_date=placement.end_date,
                               lulus=False, score=45, notes="Uji kompetensi tidak memenuhi standar.",
                               cause="dalam_kendali", cause_note="Peserta sering tidak hadir tanpa keterangan.",
                               reward="", closing={}, today=day)
    except PlacementError:
        return 0
    return 1
