"""Tables of the belajar mandiri plugin (all prefixed ``belajar_mandiri_``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.sdk import Account, CostColumns, Employee, HasStatus, LedgerEntry, State, StoredFile, Unit, db, utcnow

# Tabel 6 in order: persiapan (diusulkan → ditugaskan → diterima), pelaksanaan, pelaporan.


class AssignmentStatus(State):
    """States of a belajar mandiri assignment (BM-01 to BM-04)."""

    DIUSULKAN = "diusulkan", "Diusulkan, menunggu penugasan Pejabat yang Berwenang", "warning"
    DITUGASKAN = "ditugaskan", "Ditugaskan, menunggu diterima pegawai", "warning"
    DITERIMA = "diterima", "Sedang dilaksanakan", "primary"
    DILAPORKAN = "dilaporkan", "Laporan disampaikan", "warning"
    SELESAI = "selesai", "Selesai, laporan diterima", "success"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan Pejabat yang Berwenang, tidak ditugaskan", "danger"


STATUS = AssignmentStatus.choices()
ASSIGNED = ("ditugaskan", "diterima", "dilaporkan", "selesai")
KESESUAIAN = {
    "sesuai": "Sesuai jadwal",
    "sebagian": "Sebagian sesuai jadwal",
    "tidak_sesuai": "Tidak sesuai jadwal",
}


class MandiriAssignment(HasStatus, CostColumns, db.Model):
    """One employee's belajar mandiri: proposal, surat penugasan, receipt, report (BM-01, BM-04),
    and the costs the participant unit bears (Tabel 6 persiapan 6, G-07)."""

    __tablename__ = "belajar_mandiri_assignment"
    STATUSES = AssignmentStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    plan_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("development_plan_item.id", ondelete="SET NULL"))
    kompetensi: Mapped[str] = mapped_column(String(300))
    tujuan: Mapped[str] = mapped_column(Text, default="")
    tanggal_mulai: Mapped[dt.date] = mapped_column(Date)
    tanggal_selesai: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default=AssignmentStatus.DIUSULKAN, index=True)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    proposed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # The PyB in whose name the surat penugasan is signed, and who pressed the button.
    pyb_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    assigned_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    nomor_surat: Mapped[str] = mapped_column(String(40), default="")
    catatan_pyb: Mapped[str] = mapped_column(String(1000), default="")
    accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    laporan: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[dt.date | None] = mapped_column(Date)
    report_accepted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"))
    report_accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))

    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    unit: Mapped[Unit] = relationship()
    pyb: Mapped[Employee | None] = relationship(foreign_keys=[pyb_id])
    assigned_by: Mapped[Account | None] = relationship(foreign_keys=[assigned_by_id])
    ledger_entry: Mapped[LedgerEntry | None] = relationship()
    materials: Mapped[list[MandiriMaterial]] = relationship(back_populates="assignment",
                                                            order_by="MandiriMaterial.id")
    activities: Mapped[list[MandiriActivity]] = relationship(
        back_populates="assignment", order_by="(MandiriActivity.tanggal, MandiriActivity.id)",
        cascade="all, delete-orphan")
    monitoring: Mapped[MandiriMonitoring | None] = relationship(back_populates="assignment")

    @property
    def proposed(self) -> bool:
        return self.status == AssignmentStatus.DIUSULKAN

    @property
    def returned(self) -> bool:
        return self.status == AssignmentStatus.DIKEMBALIKAN

    @property
    def awaiting_acceptance(self) -> bool:
        return self.status == AssignmentStatus.DITUGASKAN

    @property
    def in_progress(self) -> bool:
        """Accepted and not yet reported: the employee keeps their schedule (BM-02)."""
        return self.status == AssignmentStatus.DITERIMA

    @property
    def reported(self) -> bool:
        return self.status in (AssignmentStatus.DILAPORKAN, AssignmentStatus.SELESAI)

    @property
    def finished(self) -> bool:
        return self.status == AssignmentStatus.SELESAI

    @property
    def done_count(self) -> int:
        return sum(1 for a in self.activities if a.selesai_on is not None)


class MandiriMaterial(db.Model):
    """Learning material the HR unit provides (Tabel 6 persiapan 5): a file or an internal link."""

    __tablename__ = "belajar_mandiri_material"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("belajar_mandiri_assignment.id"),
                                               index=True)
    judul: Mapped[str] = mapped_column(String(200))
    file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id"))
    tautan: Mapped[str] = mapped_column(String(500), default="")
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    assignment: Mapped[MandiriAssignment] = relationship(back_populates="materials")
    file: Mapped[StoredFile | None] = relationship()


class MandiriActivity(db.Model):
    """One line of the employee's own schedule with its target; done when realised (BM-02)."""

    __tablename__ = "belajar_mandiri_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("belajar_mandiri_assignment.id", ondelete="CASCADE"), index=True)
    kegiatan: Mapped[str] = mapped_column(String(300))
    target: Mapped[str] = mapped_column(String(300))
    tanggal: Mapped[dt.date] = mapped_column(Date)
    selesai_on: Mapped[dt.date | None] = mapped_column(Date)

    assignment: Mapped[MandiriAssignment] = relationship(back_populates="activities")

    @property
    def on_time(self) -> bool | None:
        if self.selesai_on is None:
            return None
        return self.selesai_on <= self.tanggal


class MandiriMonitoring(db.Model):
    """The atasan's line of Tabel 7 for one assignment (BM-03); read-only once sent."""

    __tablename__ = "belajar_mandiri_monitoring"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("belajar_mandiri_assignment.id"), unique=True)
    target_kegiatan: Mapped[str] = mapped_column(Text, default="")
    jadwal: Mapped[str] = mapped_column(Text, default="")
    kegiatan_terealisasi: Mapped[str] = mapped_column(Text, default="")
    kesesuaian: Mapped[str] = mapped_column(String(20), default="")
    keterangan: Mapped[str] = mapped_column(Text, default="")
    atasan_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    assignment: Mapped[MandiriAssignment] = relationship(back_populates="monitoring")
    atasan: Mapped[Employee | None] = relationship()

    @property
    def kesesuaian_label(self) -> str:
        return KESESUAIAN.get(self.kesesuaian, "")
