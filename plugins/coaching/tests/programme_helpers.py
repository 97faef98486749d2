"""Helpers for the programme flow's tests (Lamp. H): drive the pages the way users do."""

from __future__ import annotations

import datetime as dt

from portal_coaching.programme.models import Coach, Document, LogEntry, Participant, Programme
from sqlalchemy import select

from portal.sdk import EmployeeGap, db, today

BASE = "/m/coaching/program"


def last(model):
    return db.session.scalar(select(model).order_by(model.id.desc()).limit(1))


def first_of_previous_month() -> dt.date:
    return (today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def programme_data(start: dt.date, **extra) -> dict:
    data = {"nama": "Coaching Teknis Pengawas Jalan", "tujuan": "Meningkatkan kompetensi teknis.",
            "sasaran": "Kemampuan memecahkan masalah.", "standar": "teknis",
            "kompetensi": "Evaluasi NSPK pelaksanaan konstruksi", "pertemuan_per_bulan": "2",
            "jadwal": "Selasa 09.00", "moda": "luring", "tanggal_mulai": start.isoformat()}
    data.update({k: str(v) for k, v in extra.items()})
    return data


class ProgrammeWorld:
    """two_units plus: a coachee (A staff, supervised by A atasan = mentor) with a gap and a
    coaching-clinic record, an internal coach with an account, an external coach, admin SDM."""

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self.login = units, people, login
        a = units["A"]
        self.coachee, self.mentor = a["staff"], a["atasan"]
        self.coach_person = people.person(a["sub"], nama="Coach Internal", supervisor=a["head"])
        self.colleague = people.person(a["sub"], nama="Rekan Kerja", supervisor=a["atasan"])
        db.session.add(EmployeeGap(employee_id=self.coachee.id, standard="teknis",
                                   kompetensi="Evaluasi NSPK", gap_level=2))
        db.session.commit()
        self.sdm = login(units["sdm"])
        self.post_ok(self.sdm, f"{BASE}/klinik", {"nip": self.coachee.nip, "jenis": "klinik",
                                                  "tanggal": (today() - dt.timedelta(days=90)).isoformat()})
        self.post_ok(self.sdm, f"{BASE}/coach", self.coach_data(nip=self.coach_person.nip))
        self.coach = last(Coach)
        self.post_ok(self.sdm, f"{BASE}/coach", self.coach_data(jenis="eksternal", nama="Dr. Eksternal",
                                                                 instansi="Lembaga Coaching"))
        self.external = last(Coach)

    @staticmethod
    def coach_data(jenis="internal", **extra) -> dict:
        data = {"jenis": jenis, "pengalaman": "y", "dipercaya": "y", "menjaga_rahasia": "y", "integritas": "y"}
        data.update(extra)
        return data

    @staticmethod
    def post_ok(client, url, data, status=302):
        response = client.post(url, data=data)
        assert response.status_code == status, response.get_data(as_text=True)[-3000:]
        return response

    def programme(self, start: dt.date | None = None) -> Programme:
        start = start or today() - dt.timedelta(days=28)
        self.post_ok(self.sdm, f"{BASE}/baru", programme_data(start))
        return last(Programme)

    def participant(self, start: dt.date | None = None, coach: Coach | None = None, **extra) -> Participant:
        programme = self.programme(start)
        data = {"employee_id": str(self.coachee.id), "coach_id": str((coach or self.coach).id),
                "penguji": "Ir. Penguji", "mentor_nip": "", "mentor_alasan": ""}
        data.update(extra)
        self.post_ok(self.sdm, f"{BASE}/{programme.id}/peserta", data)
        return last(Participant)

    def log(self, client, participant: Participant, author: str, day: dt.date, ke: int = 1) -> LogEntry:
        self.post_ok(client, f"{BASE}/peserta/{participant.id}/log", {
            "author": author, "pertemuan_ke": str(ke), "tanggal": day.isoformat(),
            "topik": f"Topik rahasia {ke}", "hasil": f"Rekomendasi {ke}"})
        return last(LogEntry)

    def document(self, client, participant: Participant, kind: str, data: dict) -> Document:
        self.post_ok(client, f"{BASE}/peserta/{participant.id}/formulir/{kind}", data)
        return last(Document)


PRE_PHASE_DATA = {
    "self_assessment": {"indikator": "Mampu mengevaluasi pelaksanaan konstruksi", "masalah": "Retak dini.",
                        "penyebab": "Pengendalian mutu lemah.", "upaya": "Uji ulang material.",
                        "hasil": "Temuan berkurang.", "kendala": "Jadwal padat.",
                        "rek_metode_pelaksanaan": "Urutan kerja diperbaiki.", "rek_pengendalian_mutu": "Uji harian."},
    "target": {"no": "4.1", "indikator": "Mengevaluasi peraturan pelaksanaan konstruksi",
               "elemen": "Mengevaluasi penerapan NSPK", "materi": "Masalah di lapangan",
               "tugas": "Ruas X: deskripsi masalah dan rekomendasi", "penyebab": "keterampilan"},
    "pendahuluan": {"topik": "Pengendalian mutu", "alasan": "Temuan berulang.", "cara": "Rencana pengendalian.",
                    "komitmen": "Selesai dalam delapan minggu."},
}


def final_review_data(day: dt.date, kelulusan: str = "lulus") -> dict:
    return {"tanggal": day.isoformat(), "pembawa_acara": "A", "moderator": "B", "penyaji": "C", "penguji": "D",
            "masalah": "m", "akar_masalah": "a", "upaya": "u", "tindakan": "t", "rekomendasi": "r",
            "referensi": "NSPK 1", "kelulusan": kelulusan, "penilaian": "Analisis akar masalah memadai."}


def meet_the_schedule(world, participant: Participant, meetings=(1, 2, 3, 4)) -> None:
    """CM-05 pre-phase forms and pertemuan 1–4 recorded by the coachee and initialled by the coach."""
    start = participant.programme.tanggal_mulai
    coachee, coach = world.login(world.coachee), world.login(world.coach_person)
    for kind, data in PRE_PHASE_DATA.items():
        world.document(coachee, participant, kind, data)
    for number, offset in zip((1, 2, 3, 4), (1, 15, 22, 30), strict=True):
        if number in meetings:
            entry = world.log(coachee, participant, "coachee", start + dt.timedelta(days=offset), ke=number)
            world.post_ok(coach, f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf", {})
