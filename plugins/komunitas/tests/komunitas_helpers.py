"""Helpers: drive the komunitas pages the way users do (forms, CSRF, redirects)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from portal_komunitas.models import Meeting, MeetingPerson, Proposal
from sqlalchemy import select

from portal.sdk import LedgerEntry, db, today

BASE = "/m/komunitas"


def proposal_data(unit, bentuk="berbagi_pengetahuan", **extra) -> dict:
    data = {"unit_id": str(unit.id), "latar_belakang": "Kebutuhan unit akan BIM.",
            "topik": "Penerapan BIM", "bentuk": bentuk, "target": "Pegawai mampu memakai BIM.",
            "lingkup": "satu", "peserta": "Pegawai fungsional", "jadwal": "Selasa 09.00 WIB",
            "tempat": "Ruang rapat"}
    data.update(extra)
    return data


def meeting_data(day: dt.date | None = None, **extra) -> dict:
    data = {"judul": "Sesi BIM", "tanggal": (day or today()).isoformat(), "jam_mulai": "09:00",
            "jam_selesai": "11:00", "moda": "luring", "tempat": "Aula", "tautan": ""}
    data.update(extra)
    return data


def docx(entries=None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, body in (entries or {"[Content_Types].xml": "<Types/>",
                                       "word/document.xml": "<document/>"}).items():
            package.writestr(name, body)
    return out.getvalue()


def plan_data(unit, **extra) -> dict:
    data = {"unit_id": str(unit.id), "tahun": str(today().year),
            "kebutuhan": "Kesenjangan kompetensi pengawasan mutu beton", "rencana": "Berbagi pengetahuan bulanan",
            "materi": "Pengendalian mutu beton; SNI terbaru", "pemateri": "Ahli Madya internal; pakar dari LPJK"}
    data.update(extra)
    return data


def last_id(model) -> int:
    return db.session.scalar(select(model.id).order_by(model.id.desc()).limit(1))


class World:
    """two_units plus a koordinator for A.01 (eselon II) and an eselon III unit below it."""

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self.login = units, people, login
        a = units["A"]
        self.unit = a["sub"]
        self.koordinator = people.person(self.unit, nama="Koordinator A", supervisor=a["atasan"])
        self.small = people.unit("A.01.1", "Subdirektorat A Satu Satu", eselon="III",
                                 parent=self.unit)
        self.admin = self.login(a["admin"])
        response = self.admin.post(f"{BASE}/koordinator", data={
            "unit_id": str(self.unit.id), "nip": self.koordinator.nip})
        assert response.status_code == 302, response.get_data(as_text=True)
        self.koor = self.login(self.koordinator)
        response = self.koor.post(f"{BASE}/rencana", data=plan_data(self.unit))  # KB-11 before proposals
        assert response.status_code == 302, response.get_data(as_text=True)
        self.head = self.login(a["atasan"])  # head of A.01
        self.sdm = self.login(units["sdm"])

    def propose(self, bentuk="berbagi_pengetahuan", **extra) -> Proposal:
        response = self.koor.post(f"{BASE}/usulan/baru", data=proposal_data(self.unit, bentuk, **extra))
        assert response.status_code == 302, response.get_data(as_text=True)
        return db.session.get(Proposal, last_id(Proposal))

    def approved(self, bentuk="berbagi_pengetahuan", **extra) -> Proposal:
        proposal = self.propose(bentuk, **extra)
        for client, action in ((self.koor, "ajukan"), (self.head, "tandatangani"),
                               (self.sdm, "setujui")):
            response = client.post(f"{BASE}/usulan/{proposal.id}/{action}")
            assert response.status_code == 302
        db.session.expire_all()
        proposal = db.session.get(Proposal, proposal.id)
        assert proposal.status == "disetujui"
        return proposal

    def schedule(self, proposal, day=None, **extra):
        return self.koor.post(f"{BASE}/usulan/{proposal.id}/pertemuan/baru",
                              data=meeting_data(day, **extra))

    def meeting(self, bentuk="berbagi_pengetahuan", day=None) -> Meeting:
        response = self.schedule(self.approved(bentuk), day)
        assert response.status_code == 302, response.get_data(as_text=True)
        return db.session.get(Meeting, last_id(Meeting))

    def add(self, meeting, employee, role="peserta", client=None):
        return (client or self.koor).post(f"{BASE}/pertemuan/{meeting.id}/orang",
                                          data={"q": employee.nip, "role": role})

    def person(self, meeting, employee) -> MeetingPerson:
        db.session.expire_all()
        return db.session.scalar(select(MeetingPerson).where(
            MeetingPerson.meeting_id == meeting.id, MeetingPerson.employee_id == employee.id))


def ledger(employee, activity_type=None) -> list[LedgerEntry]:
    db.session.expire_all()
    query = select(LedgerEntry).where(LedgerEntry.employee_id == employee.id,
                                      LedgerEntry.mechanism == "komunitas")
    if activity_type:
        query = query.where(LedgerEntry.activity_type == activity_type)
    return list(db.session.scalars(query.order_by(LedgerEntry.id)))


def text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True))
