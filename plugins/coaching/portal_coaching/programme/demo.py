"""Demo data (``portal_demo_data``): one running programme per scale step with clinic records,
an internal and an external coach, coachees with pre-phase forms, logs initialled by the coach
(credited through the ledger) and one completed coachee. Deterministic through ``rng``."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from portal.sdk import Account, Employee, EmployeeGap, admin_sdm_account, check_eligibility, db, today, waiting_since
from portal_coaching.jp import SLUG
from portal_coaching.programme import workflow

PROGRAMMES = {"small": 1, "ministry": 5}
TOPICS = ("Pengendalian mutu pekerjaan konstruksi jalan", "Evaluasi NSPK pelaksanaan konstruksi",
          "Pengendalian waktu dan biaya kontrak")




def _coachees(limit: int) -> list[Employee]:
    """Employees with a supervisor (the mentor, CM-12) and an assessment gap (G-03) whom no rule
    refuses (another plugin's demo may have blocked some, MG-10)."""
    found = db.session.scalars(
        select(Employee).join(EmployeeGap, EmployeeGap.employee_id == Employee.id)
        .where(Employee.supervisor_id.is_not(None)).distinct().order_by(Employee.id).limit(limit * 3))
    return [e for e in found if check_eligibility(e, SLUG, today()).eligible is not False][:limit]


def add_demo(rng: random.Random, scale: str) -> str | None:
    sdm = admin_sdm_account()
    if sdm is None:
        return None
    pool = _coachees(PROGRAMMES.get(scale, 1) * 4)
    if not pool:
        return None
    start = today() - dt.timedelta(days=35)
    internal = workflow.save_coach({"nama": "", "instansi": "Internal", "kontak": "", "pengalaman": True,
                                    "dipercaya": True, "menjaga_rahasia": True, "integritas": True},
                                   pool[-1].supervisor, sdm)
    external = workflow.save_coach({"nama": "Dr. Ratna Wulandari, ACC", "instansi": "Lembaga Coaching Indonesia",
                                    "kontak": "ratna@example.org", "pengalaman": True, "dipercaya": True,
                                    "menjaga_rahasia": True, "integritas": True}, None, sdm)
    programmes = participants = completed = 0
    for index in range(PROGRAMMES.get(scale, 1)):
        programme = workflow.save_programme(None, {
            "nama": f"Coaching-Mentoring Kompetensi Teknis Pengawas Jalan {index + 1}",
            "tujuan": "Meningkatkan pengetahuan, keahlian, komitmen dan motivasi untuk kinerja pegawai dan organisasi.",
            "sasaran": "Kemampuan memecahkan masalah berdasarkan kasus yang pernah dialami.",
            "standar": "teknis", "kompetensi": "Evaluasi dan rekomendasi pelaksanaan konstruksi jalan",
            "pertemuan_per_bulan": 2, "jadwal": "Selasa dan Kamis, 09.00 WIB", "moda": rng.choice(("daring", "luring")),
            "tanggal_mulai": start}, sdm)
        programmes += 1
        for number, employee in enumerate(pool[index * 4:index * 4 + 3]):
            workflow.record_clinic(employee, "klinik", start - dt.timedelta(days=14), "Feedback hasil asesmen", sdm)
            coach = external if number % 2 else internal
            if coach.employee_id in (employee.id, employee.supervisor_id):
                coach = external
            participant = workflow.add_participant(programme, employee, coach, employee.supervisor, "",
                                                   "Ir. Bambang Setiawan, M.T.", sdm)
            participants += 1
            _fill(rng, participant, sdm)
        completed += _finished_programme(rng, pool[index * 4 + 3:index * 4 + 4], internal, external, sdm)
    return (f"{programmes} program coaching-mentoring berjalan, {participants} coachee; "
            f"{completed} coachee selesai menunggu re-asesmen")


def _finished_programme(rng: random.Random, employees: list[Employee], internal, external, sdm) -> int:
    """An earlier programme whose coachee finished (re-assessment due within 6 months, CM-03)."""
    if not employees:
        return 0
    employee = employees[0]
    start = today() - dt.timedelta(days=120)
    programme = workflow.save_programme(None, {
        "nama": "Coaching-Mentoring Kompetensi Manajerial Pengawas", "tujuan": "Meningkatkan kemampuan manajerial.",
        "sasaran": "Meningkatkan kemampuan manajerial.", "standar": "manajerial",
        "kompetensi": "Pengambilan keputusan", "pertemuan_per_bulan": 2, "jadwal": "Rabu, 13.00 WIB",
        "moda": "daring", "tanggal_mulai": start}, sdm)
    workflow.record_clinic(employee, "kebutuhan", start - dt.timedelta(days=10), "Usulan atasan langsung", sdm)
    coach = external if internal.employee_id in (employee.id, employee.supervisor_id) else internal
    participant = workflow.add_participant(programme, employee, coach, employee.supervisor, "",
                                           "Dra. Sri Lestari, M.M.", sdm)
    _fill(rng, participant, sdm)
    workflow.save_document(participant, "pembahasan_akhir", {
        "tanggal": (start + dt.timedelta(days=53)).isoformat(), "pembawa_acara": "Staf BPSDM",
        "moderator": "Kepala Bidang", "penyaji": employee.nama, "penguji": participant.penguji,
        "masalah": "Keputusan lapangan terlambat.", "akar_masalah": "Alur persetujuan panjang.",
        "upaya": "Delegasi kewenangan.", "tindakan": "SOP baru diuji.", "rekomendasi": "Terapkan SOP.",
        "referensi": "Permen PUPR tentang SOP", "catatan_penguji": "Kompetensi meningkat.",
        "kelulusan": "lulus", "penilaian": "Analisis akar masalah tajam; SOP baru terbukti mempercepat keputusan."},
        None, sdm)
    workflow.complete(participant, sdm)
    return 1


def _fill(rng: random.Random, participant, sdm: Account) -> None:
    topic = rng.choice(TOPICS)
    workflow.save_document(participant, "pendahuluan", {
        "topik": topic, "alasan": "Temuan berulang pada pemeriksaan mutu.",
        "cara": "Menyusun rencana pengendalian mutu bersama pengawas lapangan.",
        "komitmen": "Menyelesaikan rencana dalam delapan minggu."}, None, sdm)
    workflow.save_document(participant, "self_assessment", {
        "indikator": "Mampu mengevaluasi dan merekomendasikan pelaksanaan konstruksi",
        "masalah": "Retak dini pada perkerasan.", "penyebab": "Pengendalian mutu lemah.",
        "upaya": "Uji ulang material.", "hasil": "Temuan berkurang.", "kendala": "Jadwal padat.",
        "rek_metode_pelaksanaan": "Urutan kerja diperbaiki.", "rek_pengendalian_mutu": "Uji harian.",
        "rek_pembayaran": "", "rek_waktu_biaya": "", "rek_nspk": "", "rek_lainnya": ""}, None, sdm)
    workflow.save_document(participant, "target", {
        "no": "4.1", "indikator": "Mengevaluasi dan merekomendasikan peraturan pelaksanaan konstruksi",
        "elemen": "Mengevaluasi penerapan NSPK", "materi": "Masalah mengenai situasi yang ditemui",
        "tugas": "Ruas X: mendeskripsikan permasalahan; evaluasi dan rekomendasi", "penyebab": "keterampilan"},
        None, sdm)
    start = participant.programme.tanggal_mulai
    for number, offset in enumerate((1, 15, 22, 30), start=1):
        day = start + dt.timedelta(days=offset)
        values = {"pertemuan_ke": number, "tanggal": day, "topik": topic, "hasil": "Lanjutkan tugas berikutnya."}
        written = waiting_since(rng, after=day, longest_days=(today() - day).days)  # after the meeting
        workflow.add_log(participant, "coach", values, participant.coach.is_external, sdm).created_at = written
        entry = workflow.add_log(participant, "coachee", dict(values), False, sdm)
        entry.created_at = written
        workflow.initial(entry, participant.coach.is_external, sdm)
    db.session.flush()

