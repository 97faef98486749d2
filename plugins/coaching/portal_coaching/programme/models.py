"""Tables of the HR unit's coaching-mentoring programme (Lamp. H), all prefixed ``coaching_program``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.sdk import Employee, HasStatus, State, StoredFile, db, utcnow

STANDARDS = {"teknis": "Teknis", "manajerial": "Manajerial", "sosial_kultural": "Sosial Kultural"}  # CM-02
MODES = {"daring": "Daring (dalam jaringan)", "luring": "Luring (tatap muka)"}  # CM-03
CLINIC_KINDS = {"klinik": "Mengikuti coaching clinic (feedback hasil asesmen)",
                "kebutuhan": "Dinyatakan membutuhkan coaching/mentoring"}  # CM-04


def _account_fk() -> Mapped[int | None]:
    return mapped_column(ForeignKey("account.id", ondelete="SET NULL"))


class CoachingProgramme(db.Model):
    """Profil program (Lamp. H.III.1, CM-03)."""

    __tablename__ = "coaching_program"

    id: Mapped[int] = mapped_column(primary_key=True)
    nama: Mapped[str] = mapped_column(String(300))
    tujuan: Mapped[str] = mapped_column(Text)
    sasaran: Mapped[str] = mapped_column(Text)
    standar: Mapped[str] = mapped_column(String(20))
    kompetensi: Mapped[str] = mapped_column(Text)
    pertemuan_per_bulan: Mapped[int] = mapped_column(Integer, default=2)
    jadwal: Mapped[str] = mapped_column(Text, default="")
    moda: Mapped[str] = mapped_column(String(10))
    tanggal_mulai: Mapped[dt.date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    participants: Mapped[list[CoachingCoachee]] = relationship(back_populates="programme",
                                                           order_by="CoachingCoachee.id")

    @property
    def standar_label(self) -> str:
        return STANDARDS.get(self.standar, self.standar)

    @property
    def moda_label(self) -> str:
        return MODES.get(self.moda, self.moda)


class CoachingClinic(db.Model):
    """Attendance at the assessment-feedback coaching clinic, or a named need (CM-04)."""

    __tablename__ = "coaching_program_clinic"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    jenis: Mapped[str] = mapped_column(String(10))
    tanggal: Mapped[dt.date] = mapped_column(Date)
    catatan: Mapped[str] = mapped_column(String(500), default="")
    recorded_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()

    @property
    def jenis_label(self) -> str:
        return CLINIC_KINDS.get(self.jenis, self.jenis)


class CoachingCoach(db.Model):
    """A coach, internal (an employee) or external (no account), with the G-04 checklist."""

    __tablename__ = "coaching_program_coach"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"),
                                                    index=True)
    nama: Mapped[str] = mapped_column(String(200))
    instansi: Mapped[str] = mapped_column(String(200), default="")
    kontak: Mapped[str] = mapped_column(String(200), default="")
    pengalaman: Mapped[bool] = mapped_column(Boolean, default=False)
    dipercaya: Mapped[bool] = mapped_column(Boolean, default=False)
    menjaga_rahasia: Mapped[bool] = mapped_column(Boolean, default=False)
    integritas: Mapped[bool] = mapped_column(Boolean, default=False)
    sertifikat_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    employee: Mapped[Employee | None] = relationship()
    sertifikat: Mapped[StoredFile | None] = relationship()

    @property
    def is_external(self) -> bool:
        return self.employee_id is None

    @property
    def label(self) -> str:
        where = "eksternal" if self.is_external else "internal"
        return f"{self.nama} ({where}{', ' + self.instansi if self.instansi else ''})"


class CoacheeStatus(State):
    """States of a coachee in a programme: the eight weeks, then the examiner's verdict (CM-03)."""

    AKTIF = "aktif", "Berjalan", "badge-warn"
    SELESAI = "selesai", "Selesai", "badge-on"
    TAK_LULUS = "tak_lulus", "Tidak lulus", "badge-off"


class CoachingCoachee(HasStatus, db.Model):
    """One coachee in a programme with their coach, mentor (CM-12) and examiner (CM-06)."""

    __tablename__ = "coaching_program_participant"
    STATUSES = CoacheeStatus
    __table_args__ = (UniqueConstraint("programme_id", "employee_id", name="uq_coaching_program_participant"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("coaching_program.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("coaching_program_coach.id"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    mentor_alasan: Mapped[str | None] = mapped_column(String(1000))
    penguji: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default=CoacheeStatus.AKTIF, index=True)
    selesai_pada: Mapped[dt.date | None] = mapped_column(Date)
    reasesmen_batas: Mapped[dt.date | None] = mapped_column(Date, index=True)
    reasesmen_pada: Mapped[dt.date | None] = mapped_column(Date)
    reasesmen_catatan: Mapped[str | None] = mapped_column(String(1000))
    certificate_id: Mapped[int | None] = mapped_column(Integer)
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    programme: Mapped[CoachingProgramme] = relationship(back_populates="participants")
    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    mentor: Mapped[Employee] = relationship(foreign_keys=[mentor_id])
    coach: Mapped[CoachingCoach] = relationship()
    documents: Mapped[list[CoachingDocument]] = relationship(back_populates="participant",
                                                     order_by="CoachingDocument.id")
    logs: Mapped[list[CoachingLog]] = relationship(back_populates="participant",
                                                order_by="(CoachingLog.tanggal, CoachingLog.id)")

    @property
    def active(self) -> bool:
        """The eight weeks are under way: records are written and signed."""
        return self.status == CoacheeStatus.AKTIF

    @property
    def passed(self) -> bool:
        return self.status == CoacheeStatus.SELESAI

    @property
    def failed(self) -> bool:
        return self.status == CoacheeStatus.TAK_LULUS


class CoachingDocument(db.Model):
    """One filled form of the pre-phase or the final review (CM-05, CM-07, CM-10); the fields
    are those of ``programme.forms.FORMS[kind]``, kept as JSON."""

    __tablename__ = "coaching_program_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("coaching_program_participant.id"),
                                                index=True)
    kind: Mapped[str] = mapped_column(String(30))
    data: Mapped[dict] = mapped_column(JSON)
    coachee_confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    coach_confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    coach_confirmed_by_id: Mapped[int | None] = _account_fk()
    coach_on_behalf: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    participant: Mapped[CoachingCoachee] = relationship(back_populates="documents")


class CoachingLog(db.Model):
    """A row of Tabel 3 (author ``coach``) or Tabel 4 (author ``coachee``, initialled by the
    coach: ``paraf_at``; CM-09, CM-10), or the mentor's note of a mentor–coachee dialog (author
    ``mentor``, week 2 of CM-06). A confirmed coachee row is credited to the ledger (CM-13)."""

    __tablename__ = "coaching_program_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("coaching_program_participant.id"),
                                                index=True)
    author: Mapped[str] = mapped_column(String(10))
    pertemuan_ke: Mapped[int] = mapped_column(Integer)
    tanggal: Mapped[dt.date] = mapped_column(Date)
    topik: Mapped[str] = mapped_column(Text)
    hasil: Mapped[str] = mapped_column(Text)
    recorded_on_behalf: Mapped[bool] = mapped_column(Boolean, default=False)
    paraf_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    paraf_by_id: Mapped[int | None] = _account_fk()
    paraf_on_behalf: Mapped[bool] = mapped_column(Boolean, default=False)
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    participant: Mapped[CoachingCoachee] = relationship(back_populates="logs")


class CoachingEvaluation(db.Model):
    """One filled questionnaire of Lamp. H.e (CM-11). ``slot`` makes each one fillable once:
    ``"<participant>:<kind>:<role>"``, or ``"program:<kind>"`` for the organising unit's."""

    __tablename__ = "coaching_program_evaluation"
    __table_args__ = (UniqueConstraint("programme_id", "slot", name="uq_coaching_program_evaluation_slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("coaching_program.id"), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("coaching_program_participant.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    evaluator_role: Mapped[str] = mapped_column(String(10))
    slot: Mapped[str] = mapped_column(String(80))
    scores: Mapped[dict] = mapped_column(JSON)
    comments: Mapped[dict] = mapped_column(JSON)
    evaluator_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# Short names inside the plugin; the class names are unique in the shared declarative registry.
Programme = CoachingProgramme
Clinic = CoachingClinic
Coach = CoachingCoach
Participant = CoachingCoachee
Document = CoachingDocument
LogEntry = CoachingLog
Evaluation = CoachingEvaluation
