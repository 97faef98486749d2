"""Helpers: drive the patok banding pages the way users do (forms, CSRF, redirects)."""

from __future__ import annotations

import datetime as dt
import re

from portal_patok_banding.models import PBParticipant, PBProgram
from sqlalchemy import select

from portal.sdk import LedgerEntry, db, today

BASE = "/m/patok_banding"
ADVANTAGE = "Cakupan layanan air minum tertinggi di antara PDAM kota besar."


def text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def ok(response, code: int = 302) -> None:
    assert response.status_code == code, text(response)[-3000:]


class World:
    """two_units: admin A (admin_unit of Ditjen A) acts for the participant unit, admin SDM for
    the HR unit; Staf A and a second employee of A.01 are eligible candidates (Hi-Po, G-03)."""

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self.login = units, people, login
        a = units["A"]
        self.unit = a["top"]
        self.staff = a["staff"]
        self.staff.hipo = True
        self.second = people.person(a["sub"], nama="Pegawai Kedua A", supervisor=a["atasan"],
                                    hipo=True)
        db.session.commit()
        self.admin = login(a["admin"])
        self.sdm = login(units["sdm"])
        self.employee = login(self.staff)
        self.employee2 = login(self.second)

    # -------------------------------------------------------------- steps
    def create(self, judul="Pengelolaan SPAM terpadu") -> PBProgram:
        ok(self.admin.post(f"{BASE}/baru", data={"unit_id": str(self.unit.id), "judul": judul}))
        return db.session.scalar(select(PBProgram).order_by(PBProgram.id.desc()).limit(1))

    def url(self, program, tail="") -> str:
        return f"{BASE}/{program.id}{tail}"

    def step1(self, program):
        ok(self.admin.post(self.url(program, "/kebutuhan"), data={
            "unit_id": str(self.units["A"]["sub"].id), "kompetensi": "Pengelolaan SPAM",
            "uraian": "Kehilangan air tinggi", "jumlah_pegawai": "2"}))
        ok(self.admin.post(self.url(program, "/langkah/kebutuhan")))

    def target_data(self, **extra) -> dict:
        data = {"lembaga_tujuan": "Perumda Air Minum Surya Sembada", "alamat_lembaga": "Surabaya",
                "keunggulan_komparatif": ADVANTAGE, "lembaga_sejenis": "PDAM Kota Bandung",
                "catatan": ""}
        data.update(extra)
        return data

    def step2(self, program):
        ok(self.admin.post(self.url(program, "/langkah/verifikasi"), data=self.target_data()))

    def step3(self, program):
        ok(self.sdm.post(self.url(program, "/langkah/penetapan"), data={"catatan": "Sesuai"}))

    def step4(self, program, start: dt.date | None = None, days: int = 0):
        start = start or today()
        ok(self.sdm.post(self.url(program, "/langkah/jadwal"), data={
            "tanggal_mulai": start.isoformat(),
            "tanggal_selesai": (start + dt.timedelta(days=days)).isoformat(),
            "tempat": "Surabaya", "narahubung": "Humas", "catatan": ""}))

    def add_candidate(self, program, employee, rank=1, hasil="lolos"):
        return self.sdm.post(self.url(program, "/kandidat"), data={
            "nip": employee.nip, "peringkat": str(rank), "hasil": hasil, "catatan_seleksi": ""})

    def step5(self, program):
        ok(self.add_candidate(program, self.staff, 1))
        ok(self.add_candidate(program, self.second, 2))
        ok(self.sdm.post(self.url(program, "/langkah/seleksi")))

    def step6(self, program):
        ok(self.sdm.post(self.url(program, "/langkah/usulan-nama"), data={
            "pimpinan_nama": "Dr. Kepala BPSDM", "pimpinan_nip": "196312221990031004",
            "tanggal_keputusan": today().isoformat()}))

    def step7(self, program):
        ok(self.sdm.post(self.url(program, "/langkah/surat-usulan"), data={
            "nomor": "0001/SU/PB/2026", "tanggal": today().isoformat()}))

    def step8(self, program):
        ok(self.sdm.post(self.url(program, "/langkah/penugasan"), data={
            "nomor": "0001/ST/PB/2026", "tanggal": today().isoformat()}))

    def step9(self, program):
        ok(self.employee.post(self.url(program, "/terima-penugasan")))
        ok(self.employee2.post(self.url(program, "/terima-penugasan")))

    def cost_data(self, **extra) -> dict:
        data = {"biaya_pelatihan": "0", "uang_harian": "1590000", "transportasi": "4200000",
                "akomodasi": "2700000", "sumber_dana": "apbn", "sumber_dana_keterangan": ""}
        data.update(extra)
        return data

    def step10(self, program):
        ok(self.admin.post(self.url(program, "/langkah/biaya"), data=self.cost_data()))

    def prepared(self, upto: int = 10, start: dt.date | None = None, days: int = 0) -> PBProgram:
        program = self.create()
        for number in range(1, upto + 1):
            if number == 4:
                self.step4(program, start, days)
            else:
                getattr(self, f"step{number}")(program)
        return self.reload(program)

    # -------------------------------------------------------------- participants
    def person(self, program, employee) -> PBParticipant:
        db.session.expire_all()
        return db.session.scalar(select(PBParticipant).where(
            PBParticipant.program_id == program.id, PBParticipant.employee_id == employee.id))

    def execution(self, **extra) -> dict:
        data = {"best_practice": "Pemantauan kehilangan air berbasis zona.",
                "koordinasi": "Daftar kebutuhan data dikirim sebelum kunjungan.",
                "hadir_penuh": "y", "data_digali": "SOP dan indikator kinerja."}
        data.update(extra)
        return data

    def report(self, program, employee, client):
        person = self.person(program, employee)
        ok(client.post(self.url(program, f"/peserta/{person.id}/pelaksanaan"),
                       data=self.execution()))
        ok(client.post(self.url(program, f"/peserta/{person.id}/laporan"),
                       data={"laporan": "Hasil patok banding dan rencana penerapan."}))
        return self.person(program, employee)

    @staticmethod
    def reload(program) -> PBProgram:
        db.session.expire_all()
        return db.session.get(PBProgram, program.id)


def ledger(employee) -> list[LedgerEntry]:
    db.session.expire_all()
    return list(db.session.scalars(select(LedgerEntry).where(
        LedgerEntry.employee_id == employee.id, LedgerEntry.mechanism == "patok_banding")))
