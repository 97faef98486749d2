"""Demo data (``portal_demo_data``): per eselon II unit a completed programme (attendance, JP
through the ledger, feedback), one that ended and waits for completion, and one upcoming.
Deterministic through ``rng``; certificates are left to the organiser's button."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from portal.sdk import Employee, Unit, admin_sdm_account, db, today
from portal.sdk import check_eligibility as check
from portal_outbound import workflow
from portal_outbound.jp import ACTIVITIES, GOALS
from portal_outbound.workflow import WorkflowError

UNITS = {"small": 2, "ministry": 20}
PLACES = ("Bumi Perkemahan Cibubur", "Kebun Raya Bogor", "Taman Hutan Raya Ir. H. Djuanda",
          "Pantai Anyer", "Bukit Sentul")
FACILITATORS = ("Tim fasilitator Balai Diklat", "CV Alam Juara Outbound", "Widyaiswara BPSDM")
LESSONS = ("Pentingnya komunikasi yang jelas saat menyusun strategi tim.",
           "Setiap anggota tim punya peran; kepercayaan membuat tugas lebih cepat selesai.",
           "Berani mengambil keputusan di bawah tekanan waktu.")
PLANS = ("Membiasakan rapat singkat koordinasi sebelum pekerjaan lapangan.",
         "Membagi tugas tim sesuai kekuatan masing-masing anggota.",
         "Lebih aktif menyampaikan gagasan dalam rapat unit.")




def _values(rng: random.Random, unit: Unit, title: str, start: dt.date, days: int) -> dict:
    return {"judul": f"{title} {unit.nama}"[:300], "tanggal_mulai": start,
            "tanggal_selesai": start + dt.timedelta(days=days - 1),
            "tempat": rng.choice(PLACES), "fasilitator": rng.choice(FACILITATORS),
            "tujuan": sorted(rng.sample(list(GOALS), k=3), key=list(GOALS).index),
            "kegiatan": sorted(rng.sample(list(ACTIVITIES), k=rng.randint(2, 4)),
                               key=list(ACTIVITIES).index),
            "rangkaian": ("Ice breaking, permainan tim dan simulasi; " if days == 1 else
                          "Hari 1: ice breaking, permainan tim dan simulasi; hari 2: ")
                         + "petualangan dan diskusi refleksi.", "sumber_dana": "apbn"}


def _enrol(programme, staff: list[Employee]) -> None:
    for employee in staff:
        try:
            workflow.add_participant(programme, employee)
        except WorkflowError:
            continue  # not eligible after all — the organiser would see why


def _largest_units(count: int) -> list[Unit]:
    """Eselon I/II units with the most people in their subtree (an outbound is a team event)."""
    member = aliased(Unit)
    people = func.count(Employee.id)
    return list(db.session.scalars(
        select(Unit).join(member, member.path.startswith(Unit.path))
        .join(Employee, Employee.unit_id == member.id)
        .where(Unit.eselon.in_(("I", "II"))).group_by(Unit.id)
        .order_by(people.desc(), Unit.id).limit(count)))


def add_demo(rng: random.Random, scale: str) -> str | None:
    sdm = admin_sdm_account()
    if sdm is None:
        return None
    units = _largest_units(UNITS.get(scale, 2))
    programmes = credited = feedback = 0
    for unit in units:
        staff = list(db.session.scalars(
            select(Employee).join(Unit, Employee.unit_id == Unit.id)
            .where(Unit.path.startswith(unit.path)).order_by(Employee.id).limit(60)))
        # Only employees meeting G-03 (assessment gap or Hi-Po) may take part.
        staff = [e for e in staff if check(e, "outbound", today()).eligible is not False]
        done = workflow.save_programme(None, unit, _values(
            rng, unit, "Outbound kerja sama tim", today() - dt.timedelta(days=rng.randint(20, 60)),
            2), sdm)
        waiting = workflow.save_programme(None, unit, _values(
            rng, unit, "Pembelajaran alam terbuka kepemimpinan",
            today() - dt.timedelta(days=3), 1), sdm)
        upcoming = workflow.save_programme(None, unit, _values(
            rng, unit, "Outbound sinergi dan komunikasi",
            today() + dt.timedelta(days=rng.randint(10, 30)), 2), sdm)
        programmes += 3
        _enrol(done, rng.sample(staff, k=min(8, len(staff))))
        _enrol(waiting, rng.sample(staff, k=min(5, len(staff))))
        _enrol(upcoming, rng.sample(staff, k=min(6, len(staff))))
        if not done.participants:
            continue
        for index, person in enumerate(done.participants):
            workflow.record_attendance(person, index != 0 or len(done.participants) == 1)
        credited += workflow.complete(done, sdm)
        for person in done.participants:
            if person.hadir and rng.random() < 0.7:
                workflow.submit_feedback(person, {
                    "dampak": {key: rng.randint(3, 5) for key in done.tujuan.split(",")},
                    "nilai_tujuan": rng.randint(3, 5), "nilai_metode": rng.randint(3, 5),
                    "nilai_fasilitator": rng.randint(3, 5), "pelajaran": rng.choice(LESSONS),
                    "penerapan": rng.choice(PLANS), "saran": ""})
                feedback += 1
    db.session.flush()
    return (f"{programmes} program pembelajaran alam terbuka, {credited} peserta dengan JP, "
            f"{feedback} umpan balik")
