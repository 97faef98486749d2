"""Inbox tasks of a placement kind; a plugin's ``portal_pending_tasks`` delegates here."""

from __future__ import annotations

from sqlalchemy import select

from portal.clock import today
from portal.extensions import db
from portal.models import Account, Employee, Unit
from portal.placements.kinds import kind_of
from portal.placements.models import NeedStatus, Placement, PlacementNeed, PlacementStatus
from portal.placements.monitoring import periods
from portal.request_memo import per_request
from portal.types import PendingTask

PER_KIND = 50


def pending_for(user: Account, slug: str) -> list[PendingTask]:
    kind = kind_of(slug)
    if kind is None:
        return []
    tasks: list[PendingTask] = []
    if user.is_ministry_wide:
        for need in db.session.scalars(select(PlacementNeed).where(
                PlacementNeed.kind == slug, PlacementNeed.status == NeedStatus.DRAF).limit(50)):
            tasks.append(PendingTask(f"Setujui kebutuhan {kind.noun}: {need.kompetensi} ({need.unit.nama})",
                                     "placements.need_detail", (("kind", slug), ("need_id", need.id)),
                                     kind="Persetujuan", since=need.created_at.date()))
        for p in db.session.scalars(select(Placement).where(
                Placement.kind == slug, Placement.justification_status == "menunggu").limit(50)):
            tasks.append(PendingTask(f"Justifikasi durasi {kind.noun}: {p.employee.nama} ({kind.rules.duration})",
                                     "placements.detail", (("kind", slug), ("placement_id", p.id)),
                                     kind="Persetujuan", since=p.created_at.date()))
    if kind.rules.followup and user.admin_unit_paths and not user.is_ministry_wide:
        tasks += _followups_due(user, kind)
    day = today()
    for p in [p for p in _open_placements(user) if p.kind == slug][:PER_KIND]:
        values = (("kind", slug), ("placement_id", p.id))
        if p.employee_id == user.employee_id and p.status == PlacementStatus.BERJALAN:
            late = [period for period in periods(p, day) if period.overdue]
            if late:
                tasks.append(PendingTask(f"Laporan berkala {kind.noun} terlambat: {len(late)} periode",
                                         "placements.detail", values, kind="Formulir", since=late[0].end))
        elif p.employee_id != user.employee_id and kind.rules.endorsement and not p.endorsement \
                and p.status == PlacementStatus.PERSIAPAN:
            tasks.append(PendingTask(f"Rekomendasi kandidat {kind.noun}: {p.employee.nama} ({kind.rules.endorsement})",
                                     "placements.detail", values, kind="Persetujuan", since=p.created_at.date()))
    return tasks


def _open_placements(user: Account) -> tuple[Placement, ...]:
    """Placements being prepared or running of the user and of their direct reports, every kind
    at once (asked once a page view, not once per placement kind)."""
    return per_request(("open_placements", user.employee_id), lambda: tuple(db.session.scalars(
        select(Placement).join(Employee, Placement.employee_id == Employee.id).where(
            Placement.status.in_((PlacementStatus.PERSIAPAN, PlacementStatus.BERJALAN)),
            (Placement.employee_id == user.employee_id) | (Employee.supervisor_id == user.employee_id))
        .order_by(Placement.id).limit(PER_KIND * 10))))


def _followups_due(user: Account, kind) -> list[PendingTask]:
    """The origin unit records the career follow-up of a passed placement (A.d.6.b)."""
    from portal.scope import manageable_units

    query = (select(Placement).join(Unit, Placement.unit_id == Unit.id)
             .where(Placement.kind == kind.slug, Placement.status == PlacementStatus.SELESAI,
                    Placement.outcome == "lulus", manageable_units(user), ~Placement.followups.any())
             .order_by(Placement.final_on).limit(20))
    return [PendingTask(f"Catat tindak lanjut karier pasca {kind.noun}: {p.employee.nama} ({kind.rules.followup})",
                        "placements.detail", (("kind", kind.slug), ("placement_id", p.id)), kind="Formulir",
                        since=p.final_on) for p in db.session.scalars(query)]
