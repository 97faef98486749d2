"""Tables of the outbound plugin (all prefixed ``outbound_``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.sdk import Account, Employee, HasStatus, State, Unit, db, utcnow
from portal_outbound.jp import ACTIVITIES, GOALS, programme_id_of


class ProgrammeStatus(State):
    """States of an outbound programme (OB-01)."""

    DIRENCANAKAN = "direncanakan", "Direncanakan", "badge-warn"
    SELESAI = "selesai", "Selesai", "badge-on"
    DIBATALKAN = "dibatalkan", "Dibatalkan", "badge-off"


STATUS = ProgrammeStatus.choices()
FUNDING = {"apbn": "APBN", "lainnya": "Sumber lain yang sah"}  # G-07


def _split(text: str, labels: dict[str, str]) -> list[str]:
    return [labels[key] for key in (text or "").split(",") if key in labels]


class OutboundProgramme(HasStatus, db.Model):
    """One pembelajaran alam terbuka programme of an organiser unit (Lamp. E, OB-01)."""

    __tablename__ = "outbound_programme"
    STATUSES = ProgrammeStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    judul: Mapped[str] = mapped_column(String(300))
    tanggal_mulai: Mapped[dt.date] = mapped_column(Date, index=True)
    tanggal_selesai: Mapped[dt.date] = mapped_column(Date)
    tempat: Mapped[str] = mapped_column(String(300))
    fasilitator: Mapped[str] = mapped_column(String(300))
    tujuan: Mapped[str] = mapped_column(String(300))  # comma-separated GOALS keys (OB-01)
    kegiatan: Mapped[str] = mapped_column(String(100))  # comma-separated ACTIVITIES keys (OB-01)
    rangkaian: Mapped[str] = mapped_column(Text, default="")
    sumber_dana: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=ProgrammeStatus.DIRENCANAKAN, index=True)
    cancel_note: Mapped[str | None] = mapped_column(String(1000))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    unit: Mapped[Unit] = relationship()
    closed_by: Mapped[Account | None] = relationship(foreign_keys=[closed_by_id])
    participants: Mapped[list[OutboundParticipant]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="OutboundParticipant.id")


    @property
    def goal_labels(self) -> list[str]:
        return _split(self.tujuan, GOALS)

    @property
    def activity_labels(self) -> list[str]:
        return _split(self.kegiatan, ACTIVITIES)

    @property
    def funding_label(self) -> str:
        return FUNDING.get(self.sumber_dana, self.sumber_dana)

    @property
    def days(self) -> int:
        return (self.tanggal_selesai - self.tanggal_mulai).days + 1

    @property
    def open(self) -> bool:
        return self.status == ProgrammeStatus.DIRENCANAKAN

    @property
    def closed(self) -> bool:
        """Held and closed by the organiser: attendance is final (OB-01)."""
        return self.status == ProgrammeStatus.SELESAI

    @property
    def cancelled(self) -> bool:
        return self.status == ProgrammeStatus.DIBATALKAN


class OutboundParticipant(db.Model):
    """A participant, their attendance (None: not recorded) and their JP ledger row."""

    __tablename__ = "outbound_participant"
    __table_args__ = (UniqueConstraint("programme_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("outbound_programme.id", ondelete="CASCADE"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    hadir: Mapped[bool | None] = mapped_column(Boolean)
    recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    programme: Mapped[OutboundProgramme] = relationship(back_populates="participants")
    employee: Mapped[Employee] = relationship()
    feedback: Mapped[OutboundFeedback | None] = relationship(back_populates="participant",
                                                     cascade="all, delete-orphan")

    @property
    def attendance_label(self) -> str:
        return {True: "Hadir", False: "Tidak hadir", None: "Belum dicatat"}[self.hadir]


class OutboundFeedback(db.Model):
    """A participant's short feedback form (OB-01 "with feedback", Lamp. E)."""

    __tablename__ = "outbound_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("outbound_participant.id", ondelete="CASCADE"), unique=True)
    dampak: Mapped[dict] = mapped_column(JSON, default=dict)  # goal key -> 1..5 (OB-01)
    nilai_tujuan: Mapped[int] = mapped_column(SmallInteger)
    nilai_metode: Mapped[int] = mapped_column(SmallInteger)
    nilai_fasilitator: Mapped[int] = mapped_column(SmallInteger)
    pelajaran: Mapped[str] = mapped_column(Text)
    penerapan: Mapped[str] = mapped_column(Text)
    saran: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    participant: Mapped[OutboundParticipant] = relationship(back_populates="feedback")

    @property
    def impact_labels(self) -> list[tuple[str, int]]:
        return [(label, self.dampak[key]) for key, label in GOALS.items() if key in (self.dampak or {})]

    @property
    def average(self) -> float:
        return round((self.nilai_tujuan + self.nilai_metode + self.nilai_fasilitator) / 3, 2)


def programme_days(reference: str) -> int | None:
    """Days of the programme a ledger reference points at (for the JP, OB-01), or None."""
    programme_id = programme_id_of(reference)
    programme = db.session.get(OutboundProgramme, programme_id) if programme_id else None
    return programme.days if programme else None
