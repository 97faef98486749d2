"""Tables of the core placement lifecycle (docs/placements.md; migration core_0007)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.costs import CostColumns
from portal.extensions import db
from portal.models import Account, Employee, StoredFile, Unit
from portal.models.account import utcnow
from portal.states import HasStatus, State


class NeedStatus(State):
    """States of a competency need (A.7.a, MG-13)."""

    DRAF = "draf", "Menunggu persetujuan unit SDM", "warning"
    DISETUJUI = "disetujui", "Disetujui unit SDM", "success"


NEED_STATUS = NeedStatus.choices()


class PlacementStatus(State):
    """States of a placement (magang, pertukaran, detasering)."""

    PERSIAPAN = "persiapan", "Persiapan", "secondary"
    BERJALAN = "berjalan", "Berjalan", "primary"
    SELESAI = "selesai", "Selesai", "success"
    DITARIK = "ditarik", "Ditarik", "danger"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke instansi asal", "danger"


STATUS = PlacementStatus.choices()
OUTCOMES = {"lulus": "Lulus", "tidak_lulus": "Tidak lulus"}
CAUSES = {"di_luar_kendali": "Di luar kendali peserta", "dalam_kendali": "Dalam kendali peserta"}
JUSTIFICATION = {"menunggu": "Menunggu persetujuan admin SDM", "disetujui": "Disetujui admin SDM",
                 "ditolak": "Ditolak admin SDM"}
NOTE_ROLES = {"atasan": "Atasan langsung", "mentor": "Mentor instansi penerima"}
# B.4.a: monitoring may lead to corrective (perbaikan) or repressive (penegakan aturan) action.
NOTE_ACTIONS = {"korektif": "Tindakan korektif (perbaikan)", "represif": "Tindakan represif (penegakan aturan)"}
# A.d.6.b, B (upaya instansi pengirim) b: career follow-up after the placement.
FOLLOWUPS = {"promosi": "Promosi", "mutasi": "Mutasi", "pemberdayaan": "Pemberdayaan pasca penempatan"}


def _account_fk() -> Mapped[int | None]:
    return mapped_column(ForeignKey("account.id", ondelete="SET NULL"))


class PlacementNeed(HasStatus, db.Model):
    """A participant unit's competency need to be met by a placement (A.7.a, MG-13, G-02)."""

    __tablename__ = "placement_need"
    STATUSES = NeedStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    kompetensi: Mapped[str] = mapped_column(String(300))
    basis: Mapped[str] = mapped_column(String(20))
    akpk: Mapped[str] = mapped_column(String(300), default="")
    target: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=NeedStatus.DRAF, index=True)
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = _account_fk()
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    unit: Mapped[Unit] = relationship()
    placements: Mapped[list[Placement]] = relationship(back_populates="need", order_by="Placement.id")

    @property
    def awaiting_approval(self) -> bool:
        return self.status == NeedStatus.DRAF



class Placement(HasStatus, CostColumns, db.Model):
    """One employee's placement of a kind, from candidate to outcome."""

    __tablename__ = "placement"
    STATUSES = PlacementStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("placement_need.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=PlacementStatus.PERSIAPAN, index=True)
    # MG-03: the nominating supervisor's endorsement.
    endorsement: Mapped[str] = mapped_column(Text, default="")
    endorsed_by_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))
    endorsed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Host and locus (MG-05, MG-06).
    host_type: Mapped[str] = mapped_column(String(30), default="", index=True)
    host_name: Mapped[str] = mapped_column(String(300), default="")
    locus: Mapped[str] = mapped_column(String(30), default="")
    host_location: Mapped[str] = mapped_column(String(200), default="")
    supply_experience: Mapped[str] = mapped_column(Text, default="")
    supply_competency: Mapped[str] = mapped_column(Text, default="")
    mentor_name: Mapped[str] = mapped_column(String(200), default="")
    mentor_institution: Mapped[str] = mapped_column(String(300), default="")
    mentor_employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee.id", ondelete="SET NULL"), index=True)
    role_at_host: Mapped[str] = mapped_column(String(300), default="")
    variant: Mapped[str] = mapped_column(String(30), default="")
    approach: Mapped[str] = mapped_column(String(30), default="")
    approach_detail: Mapped[str] = mapped_column(String(300), default="")
    extras: Mapped[dict] = mapped_column(JSON, default=dict)
    # Agreement (MG-07): the elements are PlacementAgreementItem rows.
    agreement_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id"))
    # Schedule (MG-04, MG-08, MG-09).
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    cadence: Mapped[str] = mapped_column(String(20), default="")
    justification: Mapped[str] = mapped_column(Text, default="")
    justification_status: Mapped[str] = mapped_column(String(20), default="")
    justification_note: Mapped[str] = mapped_column(String(1000), default="")
    justification_by_id: Mapped[int | None] = _account_fk()
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Recall and replacement (MG-12).
    recall_reason: Mapped[str] = mapped_column(Text, default="")
    recalled_on: Mapped[dt.date | None] = mapped_column(Date)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("placement.id", ondelete="SET NULL"))
    # The host sends the participant back to the origin unit (A.d.3.a.2, B.5.c.3).
    return_reason: Mapped[str] = mapped_column(Text, default="")
    return_decided_by: Mapped[str] = mapped_column(String(200), default="")
    returned_on: Mapped[dt.date | None] = mapped_column(Date)
    # The check on the unit left behind (A.d.6.c): how its tasks go on meanwhile.
    continuity_note: Mapped[str] = mapped_column(Text, default="")
    continuity_by_id: Mapped[int | None] = _account_fk()
    continuity_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The host's rapor kinerja (MG-09).
    rapor_score: Mapped[int | None] = mapped_column(Integer)
    rapor_predikat: Mapped[str] = mapped_column(String(40), default="")
    rapor_text: Mapped[str] = mapped_column(Text, default="")
    rapor_assessor: Mapped[str] = mapped_column(String(200), default="")
    rapor_on: Mapped[dt.date | None] = mapped_column(Date)
    # Final evaluation and outcome (MG-08, MG-10).
    final_method: Mapped[str] = mapped_column(String(30), default="")
    final_on: Mapped[dt.date | None] = mapped_column(Date)
    final_score: Mapped[int | None] = mapped_column(Integer)
    final_notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20), default="", index=True)
    cause: Mapped[str] = mapped_column(String(20), default="")
    cause_note: Mapped[str] = mapped_column(Text, default="")
    reward_note: Mapped[str] = mapped_column(Text, default="")
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))
    certificate_id: Mapped[int | None] = mapped_column(Integer)
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    need: Mapped[PlacementNeed] = relationship(back_populates="placements")
    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    unit: Mapped[Unit] = relationship()
    endorsed_by: Mapped[Employee | None] = relationship(foreign_keys=[endorsed_by_id])
    mentor_employee: Mapped[Employee | None] = relationship(foreign_keys=[mentor_employee_id])
    agreement_file: Mapped[StoredFile | None] = relationship()
    replaces: Mapped[Placement | None] = relationship(remote_side=[id])
    items: Mapped[list[PlacementAgreementItem]] = relationship(
        back_populates="placement", cascade="all, delete-orphan")
    reports: Mapped[list[PlacementReport]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="PlacementReport.period_no")
    notes: Mapped[list[PlacementNote]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="PlacementNote.id.desc()")
    log: Mapped[list[PlacementLog]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="PlacementLog.id")
    followups: Mapped[list[PlacementFollowup]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="PlacementFollowup.on_date")


    @property
    def agreement(self) -> dict[str, str]:
        return {item.key: item.content for item in self.items}

    @property
    def preparing(self) -> bool:
        return self.status == PlacementStatus.PERSIAPAN

    @property
    def running(self) -> bool:
        return self.status == PlacementStatus.BERJALAN

    @property
    def started(self) -> bool:
        """It began: monitoring and evaluation exist, whatever the ending."""
        return self.status != PlacementStatus.PERSIAPAN

    @property
    def finished(self) -> bool:
        return self.status == PlacementStatus.SELESAI

    @property
    def recalled(self) -> bool:
        return self.status == PlacementStatus.DITARIK

    @property
    def sent_back(self) -> bool:
        return self.status == PlacementStatus.DIKEMBALIKAN


class PlacementAgreementItem(db.Model):
    """The text of one required agreement element (MG-07, PT-06)."""

    __tablename__ = "placement_agreement_item"
    __table_args__ = (UniqueConstraint("placement_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    content: Mapped[str] = mapped_column(Text)

    placement: Mapped[Placement] = relationship(back_populates="items")


class PlacementReport(db.Model):
    """A participant's periodic performance report (MG-09); ``period_no`` 0 is the final report."""

    __tablename__ = "placement_report"
    __table_args__ = (UniqueConstraint("placement_id", "period_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    period_no: Mapped[int] = mapped_column(Integer)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    submitted_by_id: Mapped[int | None] = _account_fk()

    placement: Mapped[Placement] = relationship(back_populates="reports")


class PlacementNote(db.Model):
    """An observation and corrective action by the atasan or the host mentor (MG-09)."""

    __tablename__ = "placement_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    author_name: Mapped[str] = mapped_column(String(200))
    observation: Mapped[str] = mapped_column(Text)
    corrective_action: Mapped[str] = mapped_column(Text, default="")
    # The monitoring form (B.4.a): date observed, progress against the target, on track or not,
    # and whether the action taken is corrective or repressive.
    observed_on: Mapped[dt.date | None] = mapped_column(Date)
    target_progress: Mapped[str] = mapped_column(Text, default="")
    on_track: Mapped[bool | None] = mapped_column(Boolean)
    action_kind: Mapped[str] = mapped_column(String(20), default="")
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    placement: Mapped[Placement] = relationship(back_populates="notes")

    @property
    def role_label(self) -> str:
        return NOTE_ROLES.get(self.role, self.role)

    @property
    def action_label(self) -> str:
        return NOTE_ACTIONS.get(self.action_kind, "Tindakan")


class PlacementFollowup(db.Model):
    """A career follow-up recorded by the origin unit after a placement (A.d.6.b)."""

    __tablename__ = "placement_followup"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    on_date: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    placement: Mapped[Placement] = relationship(back_populates="followups")

    @property
    def kind_label(self) -> str:
        return FOLLOWUPS.get(self.kind, self.kind)


class PlacementLog(db.Model):
    """The stage log (MG-11): every step of a placement, who did it and when."""

    __tablename__ = "placement_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    placement: Mapped[Placement] = relationship(back_populates="log")
    actor: Mapped[Account | None] = relationship()


class DevelopmentBlock(db.Model):
    """No development programme after failing a placement through one's own fault (MG-10, PT-08)."""

    __tablename__ = "development_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    placement_id: Mapped[int | None] = mapped_column(ForeignKey("placement.id", ondelete="SET NULL"))
    rule_id: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    cleared_on: Mapped[dt.date | None] = mapped_column(Date)
    clearing_note: Mapped[str] = mapped_column(Text, default="")
    cleared_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()
    placement: Mapped[Placement | None] = relationship()

    def active_on(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.cleared_on is None or day < self.cleared_on)


class EmployeeCompetency(db.Model):
    """A competency an employee gained (MG-11: the competency data is updated)."""

    __tablename__ = "employee_competency"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    kompetensi: Mapped[str] = mapped_column(String(300))
    mechanism: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(100))
    gained_on: Mapped[dt.date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = _account_fk()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
