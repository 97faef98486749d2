"""Tables of the komunitas plugin (all prefixed ``komunitas_``).

Relationships between these models name their target as a class (``lambda: Meeting``), not as a
string or bare annotation: the portal has one model registry for every plugin, and another
plugin may have a model with the same class name (``Meeting``, ``Material``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.sdk import Account, Employee, HasStatus, State, StoredFile, Unit, db, utcnow


class ProposalStatus(State):
    """States of a komunitas belajar proposal (KB-03, KB-04)."""

    DRAF = "draf", "Draf", "secondary"
    MENUNGGU_PIMPINAN = "menunggu_pimpinan", "Menunggu tanda tangan pimpinan unit", "warning"
    MENUNGGU_SDM = "menunggu_sdm", "Menunggu verifikasi admin SDM", "warning"
    DISETUJUI = "disetujui", "Disetujui", "success"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan", "danger"


PROPOSAL_STATUS = ProposalStatus.choices()


class MaterialStatus(State):
    """States of a learning material submitted to the library (KB-07)."""

    MENUNGGU_JPT = "menunggu_jpt", "Menunggu persetujuan JPT Pratama", "warning"
    MENUNGGU_SDM = "menunggu_sdm", "Menunggu penerimaan admin SDM", "warning"
    DITERIMA = "diterima", "Diterima dan terbit di perpustakaan", "success"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan", "danger"


EDITABLE = ("draf", "dikembalikan")


class PlanStatus(State):
    """States of a unit's annual komunitas plan (KB-11)."""

    DILAPORKAN = "dilaporkan", "Dilaporkan ke unit SDM", "warning"
    DITERIMA = "diterima", "Diterima unit SDM", "success"


class Coordinator(db.Model):
    """The koordinator a unit's admin names for the unit's komunitas belajar (KB-02)."""

    __tablename__ = "komunitas_coordinator"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), unique=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"),
                                             index=True)
    appointed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"))
    appointed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    unit: Mapped[Unit] = relationship()
    employee: Mapped[Employee] = relationship()


class Proposal(HasStatus, db.Model):
    """*Pengajuan Kegiatan Komunitas Belajar* (Lamp. F.2.a, KB-03) and its sign-off (KB-04)."""

    __tablename__ = "komunitas_proposal"
    STATUSES = ProposalStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    latar_belakang: Mapped[str] = mapped_column(Text)
    topik: Mapped[str] = mapped_column(String(300))
    bentuk: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(Text)
    lintas_unit: Mapped[bool] = mapped_column(Boolean, default=False)
    peserta: Mapped[str] = mapped_column(Text)
    jadwal: Mapped[str] = mapped_column(Text)
    tempat: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default=ProposalStatus.DRAF, index=True)
    return_note: Mapped[str | None] = mapped_column(String(1000))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    verified_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    unit: Mapped[Unit] = relationship()
    signed_by: Mapped[Employee | None] = relationship(foreign_keys=[signed_by_id])
    verified_by: Mapped[Account | None] = relationship(foreign_keys=[verified_by_id])
    meetings: Mapped[list[Meeting]] = relationship(lambda: Meeting, back_populates="proposal",
                                                   order_by=lambda: Meeting.tanggal)
    notes: Mapped[list[ProgressNote]] = relationship(
        lambda: ProgressNote, back_populates="proposal", order_by=lambda: ProgressNote.created_at.desc())


    @property
    def editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def approved(self) -> bool:
        return self.status == ProposalStatus.DISETUJUI


class Meeting(db.Model):
    """One meeting of an approved proposal: daring or luring (KB-04)."""

    __tablename__ = "komunitas_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("komunitas_proposal.id"), index=True)
    judul: Mapped[str] = mapped_column(String(300))
    tanggal: Mapped[dt.date] = mapped_column(Date, index=True)
    jam_mulai: Mapped[dt.time] = mapped_column(Time)
    jam_selesai: Mapped[dt.time] = mapped_column(Time)
    moda: Mapped[str] = mapped_column(String(10))  # "daring" | "luring"
    tempat: Mapped[str] = mapped_column(String(300), default="")
    tautan: Mapped[str] = mapped_column(String(500), default="")
    pendaftaran_terbuka: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    proposal: Mapped[Proposal] = relationship(lambda: Proposal, back_populates="meetings")
    people: Mapped[list[MeetingPerson]] = relationship(
        lambda: MeetingPerson, back_populates="meeting", cascade="all, delete-orphan",
        order_by=lambda: MeetingPerson.id)


class MeetingPerson(db.Model):
    """A speaker or participant of a meeting, and their attendance (credited to the ledger)."""

    __tablename__ = "komunitas_meeting_person"
    __table_args__ = (UniqueConstraint("meeting_id", "employee_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("komunitas_meeting.id", ondelete="CASCADE"),
                                            index=True)
    # None for a speaker from outside the ministry (KB-12: "pakar adalah pegawai atau pihak luar").
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"), index=True)
    nama_luar: Mapped[str] = mapped_column(String(200), default="")
    instansi_luar: Mapped[str] = mapped_column(String(300), default="")
    keahlian_luar: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(20))
    hadir: Mapped[bool] = mapped_column(Boolean, default=False)
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))
    recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    meeting: Mapped[Meeting] = relationship(lambda: Meeting, back_populates="people")
    employee: Mapped[Employee | None] = relationship()

    @property
    def is_external(self) -> bool:
        return self.employee_id is None

    @property
    def nama(self) -> str:
        return self.employee.nama if self.employee is not None else self.nama_luar


class KomunitasPlan(HasStatus, db.Model):
    """The organiser's yearly plan reported to the HR unit, with the material and speakers it
    proposes, before any proposal is submitted (Lamp. F.1.a, F.1.b, F.1.d; KB-11)."""

    __tablename__ = "komunitas_plan"
    STATUSES = PlanStatus
    __table_args__ = (UniqueConstraint("unit_id", "tahun"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    tahun: Mapped[int] = mapped_column(Integer)
    kebutuhan: Mapped[str] = mapped_column(Text)
    rencana: Mapped[str] = mapped_column(Text)
    materi: Mapped[str] = mapped_column(Text)
    pemateri: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=PlanStatus.DILAPORKAN)
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    reported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    unit: Mapped[Unit] = relationship()


class ProgressNote(db.Model):
    """The koordinator's monitoring note: progress and obstacles (KB-10)."""

    __tablename__ = "komunitas_progress_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("komunitas_proposal.id"), index=True)
    kemajuan: Mapped[str] = mapped_column(Text)
    hambatan: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    proposal: Mapped[Proposal] = relationship(lambda: Proposal, back_populates="notes")
    author: Mapped[Account | None] = relationship()


class Material(HasStatus, db.Model):
    """*Berbagi Bahan Pembelajaran* (KB-07): an employee's original material and its statement."""

    __tablename__ = "komunitas_material"
    STATUSES = MaterialStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    judul: Mapped[str] = mapped_column(String(300))
    topik: Mapped[str] = mapped_column(String(200))
    ringkasan: Mapped[str] = mapped_column(Text, default="")
    # The Surat Pernyataan's fields as entered (a snapshot, so later changes do not alter it).
    nama: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str] = mapped_column(String(18))
    jabatan: Mapped[str] = mapped_column(String(200))
    unit_nama: Mapped[str] = mapped_column(String(200))
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_file.id"))
    status: Mapped[str] = mapped_column(String(20), default=MaterialStatus.MENUNGGU_JPT, index=True)
    return_note: Mapped[str | None] = mapped_column(String(1000))
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    jpt_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))
    jpt_approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))

    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    unit: Mapped[Unit] = relationship()
    file: Mapped[StoredFile] = relationship()
    jpt: Mapped[Employee | None] = relationship(foreign_keys=[jpt_id])

    @property
    def returned(self) -> bool:
        return self.status == MaterialStatus.DIKEMBALIKAN


class RecapSubmission(db.Model):
    """A unit's recap handed to the HR unit for a period (KB-10: at least every 3 months)."""

    __tablename__ = "komunitas_recap_submission"
    __table_args__ = (UniqueConstraint("unit_id", "period_start", "period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    submitted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"))
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    unit: Mapped[Unit] = relationship()
