"""Who may do what, and the KB rules checked before a change (each names its rule ID)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from portal.sdk import Account, Employee, Unit, can_manage_unit, db, eselon_two_head, today, value_on
from portal_komunitas.jp import SLUG
from portal_komunitas.models import Coordinator, Meeting, MeetingPerson, Proposal

ORGANISER_ESELON = ("I", "II")
BERBAGI_PENGALAMAN_PER_MONTH = 2


# --------------------------------------------------------------------------- KB rules

UPT_ESELON_II = "UPT eselon II"
BALAI_BESAR = "balai besar"


def organiser_level(unit: Unit) -> str:
    """The unit's level as KB-02 reads it. Units record a UPT only as ``UPT``; its name tells a
    Balai Besar (a UPT led at eselon II level) from a Balai."""
    if unit.eselon == "UPT" and unit.nama.strip().lower().startswith(BALAI_BESAR):
        return UPT_ESELON_II
    return unit.eselon


def organiser_levels(day: dt.date) -> list[str]:
    """The levels that may organise on ``day`` (the versioned setting of KB-02)."""
    raw = str(value_on(f"{SLUG}.kb02_tingkat_penyelenggara", day)[0])
    return [" ".join(level.split()).lower() for level in raw.split(",") if level.strip()]


def organiser_refusal(unit: Unit, day: dt.date | None = None) -> str | None:
    """KB-02: the organiser is a participant unit of at least eselon II — by default eselon I,
    eselon II and a UPT at eselon II level (a Balai Besar); the levels are a setting."""
    levels = organiser_levels(day or today())
    if organiser_level(unit).lower() not in levels:
        return (f"{unit.nama} adalah unit {unit.eselon_label}: penyelenggara komunitas belajar "
                "minimal unit eselon II (Lamp. F, KB-02): eselon I, eselon II atau UPT setingkat "
                "eselon II (Balai Besar).")
    return None


def berbagi_pengalaman_in_month(unit_id: int, day: dt.date, exclude_id: int | None = None) -> int:
    """Meetings of Berbagi Pengalaman the organiser holds in ``day``'s month (KB-06)."""
    first = day.replace(day=1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    query = (select(func.count(Meeting.id)).join(Proposal)
             .where(Proposal.unit_id == unit_id, Proposal.bentuk == "berbagi_pengalaman",
                    Meeting.tanggal >= first, Meeting.tanggal < after))
    if exclude_id is not None:
        query = query.where(Meeting.id != exclude_id)
    return db.session.scalar(query) or 0


def berbagi_pengalaman_refusal(proposal: Proposal, day: dt.date) -> str | None:
    """KB-06: an organiser holds at most 2 Berbagi Pengalaman a month."""
    if proposal.bentuk != "berbagi_pengalaman":
        return None
    held = berbagi_pengalaman_in_month(proposal.unit_id, day)
    if held >= BERBAGI_PENGALAMAN_PER_MONTH:
        return (f"{proposal.unit.nama} sudah menjadwalkan {held} Berbagi Pengalaman pada bulan "
                "ini: penyelenggara paling banyak 2 kali dalam 1 bulan (Lamp. F.4, KB-06).")
    return None


def peserta_refusal(proposal: Proposal, employee: Employee) -> str | None:
    """KB-03: a single-unit proposal takes participants of the organiser unit only."""
    if not proposal.lintas_unit and not employee.unit.is_within(proposal.unit):
        return (f"{employee.nama} bukan pegawai {proposal.unit.nama}: usulan ini untuk peserta "
                "satu unit kerja; ajukan usulan lintas unit untuk peserta unit lain (KB-03).")
    return None


# --------------------------------------------------------------------------- people

def coordinator_of(unit_id: int) -> Coordinator | None:
    return db.session.scalar(select(Coordinator).where(Coordinator.unit_id == unit_id))


def coordinated_unit_ids(user: Account) -> list[int]:
    return list(db.session.scalars(
        select(Coordinator.unit_id).where(Coordinator.employee_id == user.employee_id)))


def is_member(user: Account, unit: Unit) -> bool:
    """Koordinator of the organiser unit, or an admin of it (admin_unit in scope, admin SDM)."""
    return unit.id in coordinated_unit_ids(user) or can_manage_unit(user, unit)


def is_head(user: Account, unit: Unit) -> bool:
    return unit.head_id is not None and unit.head_id == user.employee_id


def is_sdm(user: Account) -> bool:
    return user.has_any("admin_sdm", "superadmin")


def can_view_proposal(user: Account, proposal: Proposal) -> bool:
    return is_member(user, proposal.unit) or is_head(user, proposal.unit) or is_sdm(user)


def jpt_pratama_of(unit: Unit) -> Employee | None:
    """The JPT Pratama of a unit: head of its eselon II unit (KB-07)."""
    return eselon_two_head(unit)


def person_in(meeting: Meeting, employee_id: int) -> MeetingPerson | None:
    return next((p for p in meeting.people if p.employee_id == employee_id), None)


def can_view_meeting(user: Account, meeting: Meeting) -> bool:
    return (can_view_proposal(user, meeting.proposal)
            or person_in(meeting, user.employee_id) is not None
            or meeting.pendaftaran_terbuka)
