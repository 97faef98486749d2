"""Helpers: drive the belajar mandiri pages the way users do (forms, CSRF, redirects)."""

from __future__ import annotations

import datetime as dt
import io
import re

from portal_belajar_mandiri.models import MandiriAssignment
from pypdf import PdfReader
from sqlalchemy import select

from portal.sdk import DevelopmentPlan, DevelopmentPlanItem, EmployeeGap, db, today

BASE = "/m/belajar_mandiri"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def gap(employee, kompetensi="Analisis data spasial") -> None:
    db.session.add(EmployeeGap(employee_id=employee.id, standard="teknis", kompetensi=kompetensi,
                               gap_level=2))
    db.session.commit()


def plan(employee, status="disetujui", mechanism="belajar_mandiri", year=None) -> DevelopmentPlan:
    p = DevelopmentPlan(employee=employee, year=year or today().year, basis="kesenjangan", notes="",
                        status=status, return_note="")
    p.items.append(DevelopmentPlanItem(mechanism=mechanism, target_jp=4, planned_month=1,
                                       description="Belajar mandiri SIG"))
    db.session.add(p)
    db.session.commit()
    return p


def period(days=30) -> dict:
    start = today()
    return {"tanggal_mulai": start.isoformat(),
            "tanggal_selesai": (start + dt.timedelta(days=days)).isoformat()}


def last(model=MandiriAssignment):
    db.session.expire_all()
    return db.session.scalar(select(model).order_by(model.id.desc()).limit(1))


class World:
    """two_units plus an eselon III unit under A.01 whose head (Kasubdit) is the employee's atasan.

    The PyB of the employee is the head of A.01 (eselon II, "Atasan A" in two_units); the
    participant unit's admin is "Admin A"; admin SDM is two_units' "Admin SDM".
    """

    def __init__(self, units, people, login) -> None:
        self.units, self.people, self.login = units, people, login
        a = units["A"]
        self.sub = people.unit("A.01.1", "Subdirektorat Data", eselon="III", parent=a["sub"])
        self.kasubdit = people.person(self.sub, nama="Kasubdit Data", supervisor=a["atasan"])
        people.head_of(self.sub, self.kasubdit)
        self.employee = people.person(self.sub, nama="Pegawai Mandiri", supervisor=self.kasubdit,
                                      jabatan="Analis Data")
        self.pyb_employee = a["atasan"]
        self.admin = login(a["admin"])
        self.pyb = login(a["atasan"])
        self.atasan = login(self.kasubdit)
        self.me = login(self.employee)
        self.sdm = login(units["sdm"])
        self.other = login(units["B"]["admin"])

    def recommended(self, employee=None) -> None:
        employee = employee or self.employee
        gap(employee)
        plan(employee)

    def propose(self, employee=None, client=None, **extra):
        employee = employee or self.employee
        data = {"kompetensi": "Analisis data spasial", "tujuan": "Menguasai SIG", **period(), **extra}
        return (client or self.admin).post(f"{BASE}/usulan/{employee.id}", data=data)

    def proposed(self) -> MandiriAssignment:
        self.recommended()
        response = self.propose()
        assert response.status_code == 302, text(response)
        return last()

    def assigned(self) -> MandiriAssignment:
        a = self.proposed()
        assert self.pyb.post(f"{BASE}/penugasan/{a.id}/tugaskan").status_code == 302
        return last()

    def accepted(self) -> MandiriAssignment:
        a = self.assigned()
        assert self.me.post(f"{BASE}/penugasan/{a.id}/terima").status_code == 302
        return last()

    def schedule(self, a, day=None, kegiatan="Mempelajari modul SIG", client=None):
        return (client or self.me).post(f"{BASE}/penugasan/{a.id}/jadwal", data={
            "kegiatan": kegiatan, "target": "Modul 1 selesai",
            "tanggal": (day or today()).isoformat()})

    def in_progress(self) -> MandiriAssignment:
        """Accepted, one activity scheduled and realised."""
        a = self.accepted()
        assert self.schedule(a).status_code == 302
        a = last()
        activity = a.activities[0]
        assert self.me.post(f"{BASE}/kegiatan/{activity.id}/selesai").status_code == 302
        return last()

    def reported(self) -> MandiriAssignment:
        a = self.in_progress()
        response = self.me.post(f"{BASE}/penugasan/{a.id}/laporan",
                                data={"laporan": "Saya telah mempelajari SIG."})
        assert response.status_code == 302, text(response)
        return last()
