"""Helpers: drive the magang pages the way users do (forms, CSRF, redirects)."""

from __future__ import annotations

import datetime as dt
import io
import re

from sqlalchemy import select

from portal.sdk import EmployeeGap, Placement, PlacementNeed, db, today
from portal.sdk import placement_monitoring as monitoring

BASE = "/penempatan/magang"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
AGREEMENT = {"element_target": "Menguasai audit struktur jembatan; indikator: 2 laporan audit",
             "element_durasi": "3 bulan, rencana aksi terlampir", "element_penempatan": "Analis di Divisi Audit",
             "element_mentor": "Ir. Sari, Ahli Utama", "element_hak_kewajiban": "Sesuai PKS pasal 4",
             "element_wanprestasi": "Pasal 7", "element_kahar": "Pasal 8"}
HOST = {"host_type": "korporasi", "host_name": "PT Jembatan Nusantara", "locus": "nasional",
        "host_location": "Bandung", "supply_experience": "Perusahaan audit jembatan nasional",
        "supply_competency": "Ahli audit struktur bersertifikat", "mentor_name": "Ir. Sari Wulandari",
        "mentor_institution": "PT Jembatan Nusantara", "role_at_host": "Analis audit struktur",
        "variant": "pemutakhiran", "approach": "independen", "approach_detail": ""}


def last(model) -> int:
    return db.session.scalar(select(model.id).order_by(model.id.desc()).limit(1))


def flashes(response) -> str:
    return " ".join(re.findall(r'class="(?:flash[^"]*|field-error)"[^>]*>([^<]*)<', response.get_data(as_text=True)))


class World:
    """two_units, with a competency gap for Staf A (G-03) and signed-in clients."""

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self.login = units, people, login
        a = units["A"]
        self.staff, self.atasan_emp, self.unit = a["staff"], a["atasan"], a["sub"]
        db.session.add(EmployeeGap(employee_id=self.staff.id, standard="teknis", kompetensi="Audit jembatan",
                                   gap_level=2))
        db.session.commit()
        self.sdm = login(units["sdm"])
        self.admin = login(a["admin"])
        self.atasan = login(a["atasan"])
        self.participant = login(a["staff"])

    def need(self, approve: bool = True) -> int:
        response = self.admin.post(f"{BASE}/kebutuhan/baru", data={
            "unit_id": str(self.unit.id), "kompetensi": "Audit struktur jembatan", "basis": "kesenjangan",
            "akpk": "AKPK 2026 No. 12", "target": "Mampu memimpin audit struktur jembatan"})
        assert response.status_code == 302, flashes(response)
        need_id = last(PlacementNeed)
        if approve:
            assert self.sdm.post(f"{BASE}/kebutuhan/{need_id}/setujui").status_code == 302
        return need_id

    def nominate(self, need_id: int, employee=None) -> int:
        employee = employee or self.staff
        response = self.admin.post(f"{BASE}/kebutuhan/{need_id}/kandidat", data={"nip": employee.nip})
        assert response.status_code == 302, flashes(self.admin.get(response.headers["Location"]))
        return last(Placement)

    def prepare_without_schedule(self, placement_id: int) -> None:
        """Endorsement, host, full agreement with the signed PDF."""
        url = f"{BASE}/{placement_id}"
        endorsement = {"endorsement": "Terbaik di bidang audit"}
        assert self.atasan.post(f"{url}/rekomendasi", data=endorsement).status_code == 302
        assert self.admin.post(f"{url}/penerima", data=HOST).status_code == 302
        continuity = {"continuity_note": "Tugas dilimpahkan ke rekan satu tim selama magang"}
        assert self.atasan.post(f"{url}/unit-ditinggalkan", data=continuity).status_code == 302
        data = dict(AGREEMENT, dokumen=(io.BytesIO(PDF), "pks.pdf"))
        response = self.admin.post(f"{url}/perjanjian", data=data, content_type="multipart/form-data")
        assert response.status_code == 302, flashes(response)

    def prepare(self, placement_id: int, start: dt.date | None = None, weeks: int = 12) -> None:
        """Everything a placement needs before it starts, the schedule included."""
        self.prepare_without_schedule(placement_id)
        start = start or today()
        url = f"{BASE}/{placement_id}"
        end = start + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
        response = self.admin.post(f"{url}/jadwal", data={"start_date": start.isoformat(),
                                                          "end_date": end.isoformat(), "cadence": "mingguan"})
        assert response.status_code == 302, flashes(response)

    def running(self, start: dt.date | None = None, weeks: int = 12) -> int:
        placement_id = self.nominate(self.need())
        self.prepare(placement_id, start, weeks)
        response = self.admin.post(f"{BASE}/{placement_id}/mulai")
        assert response.status_code == 302, flashes(response)
        return placement_id

    def ended(self, weeks: int = 2) -> int:
        """A running internship whose praktik stage ended yesterday (MG-08)."""
        return self.running(start=today() - dt.timedelta(weeks=weeks), weeks=weeks)

    def reported(self, placement_id: int) -> None:
        """Every weekly report due, the final report and the host's rapor kinerja (MG-09)."""
        url = f"{BASE}/{placement_id}"
        placement = db.session.get(Placement, placement_id)
        numbers = [p.number for p in monitoring.periods(placement, today()) if p.end < today()] + [0]
        for number in numbers:
            response = self.participant.post(f"{url}/laporan", data={"period_no": str(number),
                                                                     "content": "Target mingguan tercapai."})
            assert response.status_code == 302, flashes(response)
        response = self.admin.post(f"{url}/rapor", data={"score": "86", "predikat": "Baik",
                                                         "text": "Kinerja baik.", "assessor": "Ir. Mentor",
                                                         "rapor_on": today().isoformat()})
        assert response.status_code == 302, flashes(response)

    def completed(self) -> int:
        """An internship ready for its final evaluation: ended, reported, with its rapor."""
        placement_id = self.ended()
        self.reported(placement_id)
        return placement_id

    def finish(self, placement_id: int, **values) -> object:
        data = {"method": "presentasi", "final_on": today().isoformat(), "outcome": "lulus", "score": "88",
                "notes": "Presentasi baik", "reward": "Pelatihan singkat audit"}
        data.update(values)
        return self.admin.post(f"{BASE}/{placement_id}/evaluasi-akhir", data=data)
