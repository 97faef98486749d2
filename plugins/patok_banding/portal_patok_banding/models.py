"""Tables of the patok banding plugin (all prefixed ``patok_banding_``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.sdk import Account, CostColumns, Employee, Unit, db, utcnow
from portal_patok_banding.steps import BY_NUMBER, LAST, STAGES, Step

REPORT_STATUS = {
    "": ("Belum melapor", "secondary"),
    "menunggu": ("Laporan menunggu verifikasi admin SDM", "warning"),
    "dikembalikan": ("Laporan dikembalikan", "danger"),
    "diterima": ("Laporan diterima", "success"),
}


class PBProgram(CostColumns, db.Model):
    """One patok banding (benchmarking / studi visit) of a participant unit (Lamp. C)."""

    __tablename__ = "patok_banding_program"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    judul: Mapped[str] = mapped_column(String(300))
    # Step 2 (PB-04): the target and its comparative advantage over similar institutions.
    lembaga_tujuan: Mapped[str] = mapped_column(String(300), default="")
    alamat_lembaga: Mapped[str] = mapped_column(String(300), default="")
    keunggulan_komparatif: Mapped[str] = mapped_column(Text, default="")
    lembaga_sejenis: Mapped[str] = mapped_column(Text, default="")
    catatan_penetapan: Mapped[str] = mapped_column(String(1000), default="")
    # Step 4: the schedule agreed with the target.
    tanggal_mulai: Mapped[dt.date | None] = mapped_column(Date)
    tanggal_selesai: Mapped[dt.date | None] = mapped_column(Date)
    tempat: Mapped[str] = mapped_column(String(300), default="")
    narahubung: Mapped[str] = mapped_column(String(300), default="")
    # Step 6: the head of the HR unit's decision, recorded by admin SDM.
    pimpinan_nama: Mapped[str] = mapped_column(String(200), default="")
    pimpinan_nip: Mapped[str] = mapped_column(String(18), default="")
    tanggal_keputusan: Mapped[dt.date | None] = mapped_column(Date)
    # Steps 7 and 8: the letters (generated as PDF from these fields).
    nomor_surat_usulan: Mapped[str] = mapped_column(String(100), default="")
    tanggal_surat_usulan: Mapped[dt.date | None] = mapped_column(Date)
    nomor_surat_penugasan: Mapped[str] = mapped_column(String(100), default="")
    tanggal_surat_penugasan: Mapped[dt.date | None] = mapped_column(Date)
    return_note: Mapped[str | None] = mapped_column(String(1000))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    unit: Mapped[Unit] = relationship()
    steps: Mapped[list[PBStep]] = relationship(back_populates="program", order_by="PBStep.step",
                                                cascade="all, delete-orphan")
    needs: Mapped[list[PBNeed]] = relationship(back_populates="program", order_by="PBNeed.id",
                                             cascade="all, delete-orphan")
    participants: Mapped[list[PBParticipant]] = relationship(
        back_populates="program", order_by="(PBParticipant.peringkat, PBParticipant.id)",
        cascade="all, delete-orphan")

    def done(self, number: int) -> PBStep | None:
        return next((s for s in self.steps if s.step == number), None)

    @property
    def next_step(self) -> Step | None:
        """The first step not yet done (PB-02: steps are done in order)."""
        return next((BY_NUMBER[n] for n in range(1, LAST + 1) if self.done(n) is None), None)

    @property
    def selected(self) -> list[PBParticipant]:
        return [p for p in self.participants if p.lolos]

    @property
    def assigned(self) -> bool:
        return self.done(8) is not None

    @property
    def stage(self) -> str:
        """PB-01: persiapan → pelaksanaan → monitoring → pelaporan."""
        if self.next_step is not None:
            return "persiapan"
        people = self.selected
        if people and all(p.laporan_status == "diterima" for p in people):
            return "pelaporan"
        if any(p.laporan_status for p in people):
            return "monitoring"
        return "pelaksanaan"

    @property
    def stage_label(self) -> str:
        return STAGES[self.stage]


class PBStep(db.Model):
    """A step of Tabel 5 done: when, by whom and in which role (PB-02)."""

    __tablename__ = "patok_banding_step"
    __table_args__ = (UniqueConstraint("program_id", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(
        ForeignKey("patok_banding_program.id", ondelete="CASCADE"), index=True)
    step: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(20))
    catatan: Mapped[str] = mapped_column(String(1000), default="")
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    done_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    program: Mapped[PBProgram] = relationship(back_populates="steps")
    done_by: Mapped[Account | None] = relationship()

    @property
    def info(self) -> Step:
        return BY_NUMBER[self.step]


class PBNeed(db.Model):
    """Step 1: a work unit's proposed technical-competency need."""

    __tablename__ = "patok_banding_need"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(
        ForeignKey("patok_banding_program.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    kompetensi: Mapped[str] = mapped_column(String(300))
    uraian: Mapped[str] = mapped_column(Text, default="")
    jumlah_pegawai: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    program: Mapped[PBProgram] = relationship(back_populates="needs")
    unit: Mapped[Unit] = relationship()


class PBParticipant(db.Model):
    """A candidate of the administrative selection (step 5) and, once assigned, a participant:
    acknowledgement (step 9), execution (PB-03), report and monitoring (PB-05), JP and
    certificate."""

    __tablename__ = "patok_banding_participant"
    __table_args__ = (UniqueConstraint("program_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(
        ForeignKey("patok_banding_program.id", ondelete="CASCADE"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    peringkat: Mapped[int] = mapped_column(Integer)
    lolos: Mapped[bool] = mapped_column(Boolean, default=True)
    catatan_seleksi: Mapped[str] = mapped_column(String(1000), default="")
    kelayakan: Mapped[str] = mapped_column(String(1000), default="")
    diterima_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    best_practice: Mapped[str] = mapped_column(Text, default="")
    koordinasi: Mapped[str] = mapped_column(Text, default="")
    hadir_penuh: Mapped[bool] = mapped_column(Boolean, default=False)
    data_digali: Mapped[str] = mapped_column(Text, default="")
    pelaksanaan_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    laporan: Mapped[str] = mapped_column(Text, default="")
    laporan_status: Mapped[str] = mapped_column(String(20), default="", index=True)
    laporan_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    catatan_monitoring: Mapped[str] = mapped_column(String(1000), default="")
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    verified_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))

    program: Mapped[PBProgram] = relationship(back_populates="participants")
    employee: Mapped[Employee] = relationship()

    @property
    def report_label(self) -> str:
        return REPORT_STATUS[self.laporan_status][0]

    @property
    def report_badge(self) -> str:
        return REPORT_STATUS[self.laporan_status][1]
