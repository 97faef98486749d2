"""Helpers: drive the outbound pages the way users do (forms, CSRF, redirects)."""

from __future__ import annotations

import datetime as dt
import re

from portal_outbound.models import OutboundParticipant, OutboundProgramme
from sqlalchemy import select

from portal.sdk import LedgerEntry, db, today

BASE = "/m/outbound"


def programme_data(unit, start: dt.date | None = None, days: int = 2, **extra) -> dict:
    start = start or today() - dt.timedelta(days=days + 1)
    data = {"unit_id": str(unit.id), "judul": "Outbound kerja sama tim",
            "tanggal_mulai": start.isoformat(),
            "tanggal_selesai": (start + dt.timedelta(days=days - 1)).isoformat(),
            "tempat": "Bumi Perkemahan Cibubur", "fasilitator": "Widyaiswara BPSDM",
            "kegiatan": ["permainan", "petualangan"], "tujuan": ["kekompakan", "komunikasi"],
            "rangkaian": "Permainan tim, petualangan, diskusi refleksi", "sumber_dana": "apbn"}
    data.update(extra)
    return data


def feedback_data(**extra) -> dict:
    data = {"dampak_kekompakan": "5", "dampak_komunikasi": "3",
            "nilai_tujuan": "5", "nilai_metode": "4", "nilai_fasilitator": "4",
            "pelajaran": "Komunikasi tim menentukan hasil.", "penerapan": "Rapat koordinasi singkat.",
            "saran": ""}
    data.update(extra)
    return data


def last_id(model) -> int | None:
    return db.session.scalar(select(model.id).order_by(model.id.desc()).limit(1))


def text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


class World:
    """two_units: the admin of A organises for A.01; eligible participants (Hi-Po, G-03)."""

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self.login = units, people, login
        a = units["A"]
        self.unit = a["sub"]
        a["staff"].hipo = True
        db.session.commit()
        self.staff = a["staff"]
        self.peserta = people.person(self.unit, nama="Peserta Dua", supervisor=a["atasan"],
                                     hipo=True)
        self.admin = login(a["admin"])
        self.head = login(a["atasan"])  # pimpinan unit of A.01
        self.sdm = login(units["sdm"])
        self.staff_client = login(self.staff)

    def create(self, client=None, **data) -> OutboundProgramme:
        response = (client or self.admin).post(f"{BASE}/program/baru",
                                               data=programme_data(self.unit, **data))
        assert response.status_code == 302, text(response)
        return db.session.get(OutboundProgramme, last_id(OutboundProgramme))

    def add(self, programme, employee, client=None):
        return (client or self.admin).post(f"{BASE}/program/{programme.id}/peserta",
                                           data={"q": employee.nip})

    def participant(self, programme, employee) -> OutboundParticipant | None:
        db.session.expire_all()
        return db.session.scalar(select(OutboundParticipant).where(
            OutboundParticipant.programme_id == programme.id, OutboundParticipant.employee_id == employee.id))

    def attend(self, programme, employee, hadir: bool = True):
        person = self.participant(programme, employee)
        return self.admin.post(f"{BASE}/program/{programme.id}/peserta/{person.id}/kehadiran",
                               data={"hadir": "1" if hadir else "0"})

    def completed(self, absent=()) -> OutboundProgramme:
        """A past programme with Staf A and Peserta Dua, attendance recorded, completed."""
        programme = self.create()
        for employee in (self.staff, self.peserta):
            assert self.add(programme, employee).status_code == 302
            assert self.attend(programme, employee, employee not in absent).status_code == 302
        response = self.admin.post(f"{BASE}/program/{programme.id}/selesai")
        assert response.status_code == 302
        db.session.expire_all()
        programme = db.session.get(OutboundProgramme, programme.id)
        assert programme.status == "selesai", programme.status
        return programme


def ledger(employee) -> list[LedgerEntry]:
    db.session.expire_all()
    return list(db.session.scalars(select(LedgerEntry).where(
        LedgerEntry.employee_id == employee.id, LedgerEntry.mechanism == "outbound")
        .order_by(LedgerEntry.id)))
