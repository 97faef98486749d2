"""Fixtures and helpers for the unit flow's tests (Lamp. I): drive the pages the way users do.

Import the fixture in a test module: ``from unit_fixtures import unit_world_fixture  # noqa: F401``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from portal_coaching.unit.models import UnitInventory, UnitMeeting, UnitPair
from sqlalchemy import select

from portal.sdk import db, record_gaps, today

BASE = "/m/coaching/unit"


def last_month(day: int) -> dt.date:
    """A day of the previous month: always in the past, whatever today is."""
    return (today().replace(day=1) - dt.timedelta(days=1)).replace(day=day)


def last(model):
    return db.session.scalar(select(model).order_by(model.id.desc()).limit(1))


class UnitWorld:
    """two_units plus, in A.01: a colleague who can mentor, another atasan with a subordinate.

    ``atasan`` (head of A.01) is the staff's direct supervisor and validates A.01's list.
    """

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self._login = units, people, login
        a = units["A"]
        self.a, self.sdm = a, units["sdm"]
        self.staff, self.atasan, self.admin, self.head = a["staff"], a["atasan"], a["admin"], a["head"]
        self.mentor = people.person(a["sub"], nama="Mentor Lain", supervisor=a["atasan"])
        self.colleague = people.person(a["sub"], nama="Rekan Kerja", supervisor=a["atasan"])
        self.other_atasan = people.person(a["sub"], nama="Atasan Lain", supervisor=a["atasan"])
        record_gaps([self.mentor, self.colleague, self.other_atasan])  # G-03 holds for them too
        people.person(a["sub"], nama="Bawahan Atasan Lain", supervisor=self.other_atasan)
        self._clients: dict[int, object] = {}

    def client(self, employee):
        if employee.id not in self._clients:
            self._clients[employee.id] = self._login(employee)
        return self._clients[employee.id]

    # ------------------------------------------------------------------ CU-01
    def list_employee(self, employee=None, jenis="mentoring", by=None):
        employee = employee or self.staff
        return self.client(by or self.admin).post(f"{BASE}/inventarisasi", data={
            "nip": employee.nip, "jenis": jenis, "alasan": "Kesenjangan kompetensi teknis."})

    def validated_entry(self, employee=None, jenis="mentoring", area=True) -> UnitInventory:
        employee = employee or self.staff
        assert self.list_employee(employee, jenis).status_code == 302
        entry = last(UnitInventory)
        assert self.client(self.atasan).post(f"{BASE}/inventarisasi/{entry.id}/validasi").status_code == 302
        if area:
            response = self.client(employee).post(f"{BASE}/inventarisasi/{entry.id}/area", data={
                "area_standard": "teknis", "area": "Penyusunan kerangka acuan kerja"})
            assert response.status_code == 302, response.get_data(as_text=True)
        db.session.expire_all()
        return db.session.get(UnitInventory, entry.id)

    # ------------------------------------------------------------------ CU-02/03
    def request(self, entry: UnitInventory, partner=None, pilihan="lain"):
        data = {"pilihan": pilihan, "nip": partner.nip if partner else "",
                "kegiatan": "Penyusunan KAK paket jalan."}
        return self.client(entry.employee).post(f"{BASE}/inventarisasi/{entry.id}/mulai", data=data)

    def running_pair(self, jenis="mentoring", partner=None) -> UnitPair:
        """A pair whose agreement both sides confirmed (mentoring with the supervisor, or
        coaching with ``partner``)."""
        entry = self.validated_entry(jenis=jenis)
        partner = partner or self.atasan
        response = self.request(entry, partner, pilihan="atasan" if partner == self.atasan else "lain")
        assert response.status_code == 302, response.get_data(as_text=True)
        pair = last(UnitPair)
        if pair.status == "menunggu_atasan":
            assert self.client(self.atasan).post(f"{BASE}/pasangan/{pair.id}/atasan/setujui").status_code == 302
        assert self.client(partner).post(f"{BASE}/pasangan/{pair.id}/jawab/terima").status_code == 302
        assert self.client(self.staff).post(f"{BASE}/pasangan/{pair.id}/kesepakatan", data={
            "tujuan": "Mampu menyusun KAK.", "sasaran": "Draf KAK dalam 2 bulan."}).status_code == 302
        assert self.client(partner).post(f"{BASE}/pasangan/{pair.id}/kesepakatan/konfirmasi").status_code == 302
        db.session.expire_all()
        pair = db.session.get(UnitPair, pair.id)
        assert pair.status == "berjalan"
        return pair

    def meeting(self, pair: UnitPair, day: dt.date, by=None, confirm=True, topik="Rencana kerja") -> UnitMeeting:
        by = by or pair.employee
        other = pair.partner if by.id == pair.employee_id else pair.employee
        response = self.client(by).post(f"{BASE}/pasangan/{pair.id}/pertemuan", data={
            "tanggal": day.isoformat(), "topik": topik, "hasil": "Langkah berikutnya disepakati."})
        assert response.status_code == 302, response.get_data(as_text=True)
        meeting = last(UnitMeeting)
        if confirm:
            assert self.client(other).post(f"{BASE}/pertemuan/{meeting.id}/konfirmasi").status_code == 302
        db.session.expire_all()
        return db.session.get(UnitMeeting, meeting.id)


@pytest.fixture(name="unit_world")
def unit_world_fixture(two_units, people, login) -> UnitWorld:
    return UnitWorld(two_units, people, login)
