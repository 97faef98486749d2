"""Helpers: drive the core's generic /penempatan/pertukaran pages the way users do."""

from __future__ import annotations

import datetime as dt
import io

from sqlalchemy import select

from portal.sdk import Account, Placement, PlacementNeed, complete_monitoring, db, kind_of, today

BASE = "/penempatan/pertukaran"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ELEMENTS = {"target": "Target: SOP pembiayaan; indikator: SOP disahkan.", "durasi": "3 bulan, rencana aksi terlampir.",
            "jabatan": "Asal: Analis Kebijakan Ahli Madya; mitra: Manajer Keuangan Proyek.",
            "koordinator": "Pengirim: Kabag Kepegawaian; mitra: VP Human Capital.",
            "hak_kewajiban": "Hak kepegawaian tetap; laporan bulanan.", "wanprestasi": "Dikembalikan ke instansi asal.",
            "kahar": "Ditunda sampai disepakati kembali."}


def last_id(model) -> int:
    return db.session.scalar(select(model.id).order_by(model.id.desc()).limit(1))


def fresh(model, row_id: int):
    db.session.expire_all()
    return db.session.get(model, row_id)


def host_data(**extra) -> dict:
    data = {"host_type": "bumn", "host_name": "PT Sarana Multi Infrastruktur (Persero)", "locus": "nasional",
            "host_location": "Jakarta", "mentor_name": "Hendra Wijaya", "mentor_institution": "PT SMI",
            "role_at_host": "Manajer Keuangan Proyek", "variant": "keunggulan", "approach": "dua_arah",
            "approach_detail": "Rina Kartika, PT SMI, Manajer Proyek",
            "extra_kewenangan_dibatasi": "Tidak menandatangani kontrak."}
    data.update(extra)
    return data


def agreement_data(with_file: bool = True, **extra) -> dict:
    data = {f"element_{key}": value for key, value in ELEMENTS.items()}
    data.update(extra)
    if with_file:
        data["dokumen"] = (io.BytesIO(PDF), "pks.pdf")
    return data


class World:
    """two_units plus candidates in A.01: a Hi-Po PNS JF Ahli Madya, a PPPK and a non-Hi-Po."""

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self.login = units, people, login
        a = units["A"]
        self.unit = a["sub"]
        jf = {"jenis_jabatan": "fungsional", "jenjang": "Ahli Madya", "jabatan": "Analis Kebijakan Ahli Madya"}
        self.hipo = people.person(self.unit, nama="Dewi Hipo", supervisor=a["atasan"], hipo=True, **jf)
        self.pppk = people.person(self.unit, nama="Putra PPPK", supervisor=a["atasan"], status="PPPK",
                                  hipo=True, **jf)
        self.biasa = people.person(self.unit, nama="Bima Biasa", supervisor=a["atasan"], hipo=False, **jf)
        self.admin = login(a["admin"])
        self.sdm = login(units["sdm"])

    def need(self) -> PlacementNeed:
        response = self.admin.post(f"{BASE}/kebutuhan/baru", data={
            "unit_id": str(self.unit.id), "kompetensi": "Pembiayaan kreatif infrastruktur", "basis": "karier",
            "akpk": "AKPK 2026", "target": "Pegawai Hi-Po menguasai pembiayaan kreatif."})
        assert response.status_code == 302, response.get_data(as_text=True)
        need_id = last_id(PlacementNeed)
        assert self.sdm.post(f"{BASE}/kebutuhan/{need_id}/setujui").status_code == 302
        return fresh(PlacementNeed, need_id)

    def nominate(self, need: PlacementNeed, employee):
        return self.admin.post(f"{BASE}/kebutuhan/{need.id}/kandidat", data={"nip": employee.nip})

    def candidate(self, employee=None) -> Placement:
        response = self.nominate(self.need(), employee or self.hipo)
        assert response.status_code == 302
        assert "/kebutuhan/" not in response.headers["Location"], "nomination refused"
        return fresh(Placement, last_id(Placement))

    def post(self, placement: Placement, action: str, data: dict, client=None):
        return (client or self.admin).post(f"{BASE}/{placement.id}/{action}", data=data,
                                           content_type="multipart/form-data")

    def schedule(self, placement: Placement, start: dt.date, end: dt.date, cadence: str = "bulanan",
                 justification: str = ""):
        return self.post(placement, "jadwal", {"start_date": start.isoformat(), "end_date": end.isoformat(),
                                               "cadence": cadence, "justification": justification})

    def prepared(self, employee=None, start: dt.date | None = None) -> Placement:
        placement = self.candidate(employee)
        start = start or today() - dt.timedelta(days=40)
        continuity = {"continuity_note": "Tugas dilimpahkan ke pelaksana harian selama pertukaran"}
        for action, data in (("penerima", host_data()), ("perjanjian", agreement_data()),
                             ("unit-ditinggalkan", continuity)):
            assert self.post(placement, action, data).status_code == 302
        assert self.schedule(placement, start, start + dt.timedelta(days=75)).status_code == 302
        return fresh(Placement, placement.id)

    def running(self, employee=None, start: dt.date | None = None) -> Placement:
        placement = self.prepared(employee, start)
        response = self.post(placement, "mulai", {})
        assert response.status_code == 302, response.get_data(as_text=True)
        return fresh(Placement, placement.id)

    def completed(self, **running) -> Placement:
        """A placement whose praktik ended yesterday, with every report and the host's rapor
        kinerja, ready for its final evaluation (the stage gate, portal.placements.gates)."""
        placement = self.running(**running, start=today() - dt.timedelta(days=76))
        admin = db.session.scalar(select(Account).where(Account.employee_id == self.units["A"]["admin"].id))
        complete_monitoring(kind_of("pertukaran"), placement, admin, today())
        db.session.commit()
        return fresh(Placement, placement.id)
