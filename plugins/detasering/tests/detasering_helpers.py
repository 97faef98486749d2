"""Helpers: drive the core's generic /penempatan/detasering pages the way users do."""

from __future__ import annotations

import datetime as dt
import io

from sqlalchemy import select

from portal.sdk import Account, EmployeeGap, Placement, PlacementNeed, complete_monitoring, db, kind_of, today

BASE = "/penempatan/detasering"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def last_id(model) -> int:
    return db.session.scalar(select(model.id).order_by(model.id.desc()).limit(1))


def fresh(model, row_id: int):
    db.session.expire_all()
    return db.session.get(model, row_id)


def host_data(**extra) -> dict:
    data = {"host_type": "instansi", "host_name": "Pemerintah Kabupaten Sleman", "locus": "nasional",
            "host_location": "Sleman", "mentor_name": "Maria Ulfa", "mentor_institution": "Pemkab Sleman",
            "role_at_host": "Analis Pengelolaan Aset",
            "extra_kesesuaian_kompetensi": "Lima tahun mengelola BMN; asesmen teknis memenuhi standar."}
    data.update(extra)
    return data


def assignment_data(with_file: bool = True, **extra) -> dict:
    data = {"element_jabatan": "Analis Pengelolaan Aset, Bidang Aset BPKAD Sleman",
            "element_jangka_waktu": "3 bulan", "element_tujuan_alih": "Unit penerima menyusun SOP inventarisasi."}
    data.update(extra)
    if with_file:
        data["dokumen"] = (io.BytesIO(PDF), "surat-penugasan.pdf")
    return data


class World:
    """two_units plus, in A.01, a PNS with an assessment gap and a PPPK."""

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self.login = units, people, login
        a = units["A"]
        self.unit = a["sub"]
        self.pns = people.person(self.unit, nama="Sari Aset", supervisor=a["atasan"], jenis_jabatan="fungsional",
                                 jenjang="Ahli Muda", jabatan="Analis Pengelolaan Aset Ahli Muda")
        self.pppk = people.person(self.unit, nama="Putri PPPK", supervisor=a["atasan"], status="PPPK",
                                  jenis_jabatan="fungsional", jenjang="Ahli Pertama")
        for employee in (self.pns, self.pppk):
            db.session.add(EmployeeGap(employee_id=employee.id, standard="teknis",
                                       kompetensi="Pengelolaan aset", gap_level=1))
        db.session.commit()
        self.admin = login(a["admin"])
        self.sdm = login(units["sdm"])

    def need(self) -> PlacementNeed:
        response = self.admin.post(f"{BASE}/kebutuhan/baru", data={
            "unit_id": str(self.unit.id), "kompetensi": "Pengelolaan barang milik negara", "basis": "kebutuhan",
            "akpk": "", "target": "Alih pengetahuan pengelolaan aset ke Pemkab Sleman."})
        assert response.status_code == 302, response.get_data(as_text=True)
        need_id = last_id(PlacementNeed)
        assert self.sdm.post(f"{BASE}/kebutuhan/{need_id}/setujui").status_code == 302
        return fresh(PlacementNeed, need_id)

    def nominate(self, need: PlacementNeed, employee):
        return self.admin.post(f"{BASE}/kebutuhan/{need.id}/kandidat", data={"nip": employee.nip})

    def candidate(self) -> Placement:
        response = self.nominate(self.need(), self.pns)
        assert response.status_code == 302 and "/kebutuhan/" not in response.headers["Location"]
        return fresh(Placement, last_id(Placement))

    def post(self, placement: Placement, action: str, data: dict, client=None):
        return (client or self.admin).post(f"{BASE}/{placement.id}/{action}", data=data,
                                           content_type="multipart/form-data")

    def schedule(self, placement: Placement, start: str, end: str):
        return self.post(placement, "jadwal", {"start_date": start, "end_date": end, "cadence": "bulanan"})

    def running(self, start: dt.date | None = None) -> Placement:
        placement = self.candidate()
        start = start or today() - dt.timedelta(days=40)
        assert self.post(placement, "penerima", host_data()).status_code == 302
        assert self.post(placement, "perjanjian", assignment_data()).status_code == 302
        end = start + dt.timedelta(days=90)
        assert self.schedule(placement, start.isoformat(), end.isoformat()).status_code == 302
        response = self.post(placement, "mulai", {})
        assert response.status_code == 302, response.get_data(as_text=True)
        return fresh(Placement, placement.id)

    def completed(self, **running) -> Placement:
        """A placement whose praktik ended yesterday, with every report and the host's rapor
        kinerja, ready for its final evaluation (the stage gate, portal.placements.gates)."""
        placement = self.running(**running, start=today() - dt.timedelta(days=91))
        admin = db.session.scalar(select(Account).where(Account.employee_id == self.units["A"]["admin"].id))
        complete_monitoring(kind_of("detasering"), placement, admin, today())
        db.session.commit()
        return fresh(Placement, placement.id)
