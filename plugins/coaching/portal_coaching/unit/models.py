"""Tables of the unit flow (Lamp. I), all prefixed ``coaching_unit_``.

An *inventory entry* (CU-01) names an employee who needs coaching or mentoring; once the unit
head has validated it the employee picks the development area and starts a *pair* with a
coach or mentor (CU-02, CU-03). The pair's *meetings* are logged by one side and confirmed by
the other; a confirmed meeting is credited to the core JP ledger.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.sdk import Employee, HasStatus, LedgerEntry, State, Unit, db, utcnow

JENIS = {"coaching": "Coaching", "mentoring": "Mentoring"}
PARTNER_LABEL = {"coaching": "Coach", "mentoring": "Mentor"}
EMPLOYEE_LABEL = {"coaching": "Coachee", "mentoring": "Mentee"}


class InventoryStatus(State):
    """States of an inventory entry (CU-01)."""

    DIUSULKAN = "diusulkan", "Menunggu validasi pimpinan unit", "warning"
    DIVALIDASI = "divalidasi", "Divalidasi pimpinan unit", "success"
    DITOLAK = "ditolak", "Tidak divalidasi", "danger"


INVENTORY_STATUS = InventoryStatus.choices()


class PairStatus(State):
    """States of a unit coaching or mentoring (CU-02, CU-03)."""

    MENUNGGU_ATASAN = "menunggu_atasan", "Menunggu persetujuan atasan langsung", "warning"
    MENUNGGU_MITRA = "menunggu_mitra", "Menunggu jawaban coach/mentor", "warning"
    KESEPAKATAN = "kesepakatan", "Menyusun kesepakatan", "warning"
    BERJALAN = "berjalan", "Berjalan", "success"
    SELESAI = "selesai", "Selesai", "success"
    DITOLAK = "ditolak", "Ditolak", "danger"


PAIR_STATUS = PairStatus.choices()


class MeetingStatus(State):
    """States of a logged meeting: confirmed by the other side or not (CU-02)."""

    MENUNGGU = "menunggu", "Menunggu konfirmasi", "warning"
    DIKONFIRMASI = "dikonfirmasi", "Dikonfirmasi", "success"
    DITOLAK = "ditolak", "Tidak dikonfirmasi", "danger"


class UnitInventory(HasStatus, db.Model):
    """*Inventarisasi* (CU-01): an employee the unit lists as needing coaching or mentoring."""

    __tablename__ = "coaching_unit_inventory"
    STATUSES = InventoryStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(10))
    alasan: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=InventoryStatus.DIUSULKAN, index=True)
    note: Mapped[str | None] = mapped_column(String(1000))
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    proposed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    validated_by_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))
    validated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    area: Mapped[str | None] = mapped_column(String(300))
    area_standard: Mapped[str | None] = mapped_column(String(20))
    area_set_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    unit: Mapped[Unit] = relationship()
    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    validated_by: Mapped[Employee | None] = relationship(foreign_keys=[validated_by_id])
    pairs: Mapped[list[UnitPair]] = relationship(back_populates="inventory", order_by="UnitPair.id")

    @property
    def jenis_label(self) -> str:
        return JENIS[self.jenis]

    @property
    def waiting_validation(self) -> bool:
        return self.status == InventoryStatus.DIUSULKAN


class UnitPair(HasStatus, db.Model):
    """A coaching or mentoring relationship: request, agreement, meetings, evaluation."""

    __tablename__ = "coaching_unit_pair"
    STATUSES = PairStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    inventory_id: Mapped[int] = mapped_column(ForeignKey("coaching_unit_inventory.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(10))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    # The direct supervisor asked (at the request) and who decided (CU-03). Approval and
    # visibility follow the employee's *current* supervisor (``employee.supervisor_id``).
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"),
                                                      index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    kegiatan: Mapped[str] = mapped_column(Text)
    tujuan: Mapped[str] = mapped_column(Text, default="")
    sasaran: Mapped[str] = mapped_column(Text, default="")
    employee_confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    partner_confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    supervisor_approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    partner_accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decline_note: Mapped[str | None] = mapped_column(String(1000))
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    evaluasi_pegawai: Mapped[str | None] = mapped_column(Text)
    evaluasi_mitra: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    certificate_id: Mapped[int | None] = mapped_column(ForeignKey("certificate.id", ondelete="SET NULL"))
    # G-05: the mentor's qualities the mentee records (keys of unit.mentor_qualities.QUALITIES).
    mentor_kualitas: Mapped[list | None] = mapped_column(JSON)
    mentor_kualitas_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    inventory: Mapped[UnitInventory] = relationship(back_populates="pairs")
    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    partner: Mapped[Employee] = relationship(foreign_keys=[partner_id])
    supervisor: Mapped[Employee | None] = relationship(foreign_keys=[supervisor_id])
    unit: Mapped[Unit] = relationship()
    meetings: Mapped[list[UnitMeeting]] = relationship(back_populates="pair",
                                                   order_by="[UnitMeeting.tanggal, UnitMeeting.id]")

    @property
    def jenis_label(self) -> str:
        return JENIS[self.jenis]

    @property
    def partner_label(self) -> str:
        return PARTNER_LABEL[self.jenis]

    @property
    def employee_label(self) -> str:
        return EMPLOYEE_LABEL[self.jenis]

    @property
    def other_mentor(self) -> bool:
        """CU-03: a mentor who is not the direct supervisor needs the supervisor's approval."""
        return self.jenis == "mentoring" and self.partner_id != self.supervisor_id

    @property
    def current_supervisor_id(self) -> int | None:
        return self.employee.supervisor_id

    @property
    def waiting_supervisor(self) -> bool:
        return self.status == PairStatus.MENUNGGU_ATASAN

    @property
    def waiting_partner(self) -> bool:
        return self.status == PairStatus.MENUNGGU_MITRA

    @property
    def agreed(self) -> bool:
        """The request was accepted: the agreement and what follows it exist."""
        return self.status in (PairStatus.KESEPAKATAN, PairStatus.BERJALAN, PairStatus.SELESAI)

    @property
    def underway(self) -> bool:
        """The agreement was confirmed: meetings are held or were held."""
        return self.status in (PairStatus.BERJALAN, PairStatus.SELESAI)

    @property
    def finished(self) -> bool:
        return self.status == PairStatus.SELESAI

    @property
    def confirmed_meetings(self) -> list[UnitMeeting]:
        return [m for m in self.meetings if m.status == MeetingStatus.DIKONFIRMASI]


class UnitMeeting(HasStatus, db.Model):
    """One coaching/mentoring meeting: logged by either side, confirmed by the other."""

    __tablename__ = "coaching_unit_meeting"
    STATUSES = MeetingStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("coaching_unit_pair.id"), index=True)
    tanggal: Mapped[dt.date] = mapped_column(Date, index=True)
    topik: Mapped[str] = mapped_column(String(300))
    hasil: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.MENUNGGU, index=True)
    logged_by_id: Mapped[int] = mapped_column(ForeignKey("employee.id"))
    logged_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("jp_ledger_entry.id"))

    pair: Mapped[UnitPair] = relationship(back_populates="meetings")
    logged_by: Mapped[Employee] = relationship(foreign_keys=[logged_by_id])
    decided_by: Mapped[Employee | None] = relationship(foreign_keys=[decided_by_id])
    entry: Mapped[LedgerEntry | None] = relationship()
