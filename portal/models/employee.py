"""Employees (ASN: PNS and PPPK) and their assessment gaps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.unit import Unit

STATUS_ASN = ("PNS", "PPPK")
JENIS_JABATAN = ("struktural", "fungsional", "pelaksana")
JENIS_JABATAN_LABELS = {
    "struktural": "Struktural",
    "fungsional": "Fungsional",
    "pelaksana": "Pelaksana",
}
GAP_STANDARDS = ("teknis", "manajerial", "sosial_kultural")
GAP_STANDARD_LABELS = {
    "teknis": "Teknis",
    "manajerial": "Manajerial",
    "sosial_kultural": "Sosial Kultural",
}


class Employee(db.Model):
    __tablename__ = "employee"

    id: Mapped[int] = mapped_column(primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    nama: Mapped[str] = mapped_column(String(200), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    status_asn: Mapped[str] = mapped_column(String(4), index=True)
    jenis_jabatan: Mapped[str] = mapped_column(String(12), index=True)
    jenjang: Mapped[str] = mapped_column(String(60), default="")
    jabatan: Mapped[str] = mapped_column(String(200), default="")
    golongan: Mapped[str] = mapped_column(String(10), default="")
    supervisor_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str | None] = mapped_column(String(200))
    hipo: Mapped[bool] = mapped_column(Boolean, default=False)
    pppk_kontrak_selesai: Mapped[dt.date | None] = mapped_column(Date)
    pppk_keahlian_langka: Mapped[bool] = mapped_column(Boolean, default=False)
    # H.III.1.d: the employee's education (e.g. "S2 Teknik Sipil"), part of a coaching profile.
    pendidikan: Mapped[str] = mapped_column(String(200), default="")

    unit: Mapped[Unit] = relationship(foreign_keys=[unit_id])
    supervisor: Mapped[Employee | None] = relationship(remote_side=[id])
    gaps: Mapped[list[EmployeeGap]] = relationship(
        back_populates="employee", cascade="all, delete-orphan", order_by="EmployeeGap.id"
    )

    @property
    def jenis_jabatan_label(self) -> str:
        return JENIS_JABATAN_LABELS.get(self.jenis_jabatan, self.jenis_jabatan)

    def __repr__(self) -> str:
        return f"<Employee {self.nip}>"


class EmployeeGap(db.Model):
    """A competency gap from assessment (G-03, CM-02): standard, competency and gap level."""

    __tablename__ = "employee_gap"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), index=True
    )
    standard: Mapped[str] = mapped_column(String(20))
    kompetensi: Mapped[str] = mapped_column(String(200))
    gap_level: Mapped[int] = mapped_column(Integer)

    employee: Mapped[Employee] = relationship(back_populates="gaps")

    @property
    def standard_label(self) -> str:
        return GAP_STANDARD_LABELS.get(self.standard, self.standard)
