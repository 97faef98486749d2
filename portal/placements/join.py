"""The join step of every placement kind, declared for ``portal_join_steps``: a candidate is
nominated for an approved need of their unit (:func:`portal.placements.service.nominate`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.eligibility.gate import JoinStep
from portal.extensions import db
from portal.models import Account, Employee
from portal.placements import service
from portal.placements.kinds import kind_of
from portal.placements.models import NeedStatus, Placement, PlacementNeed
from portal.placements.schedule import add_span
from portal.request_memo import per_request
from portal.types import Opportunity, Participation


def _nominate(slug: str):
    def attempt(employee: Employee, actor: Account, on_date: dt.date) -> Placement:
        kind = kind_of(slug)
        need = PlacementNeed(kind=slug, unit_id=employee.unit_id, kompetensi="Kompetensi yang dibutuhkan",
                             basis="kebutuhan", akpk="", target="Target pengembangan",
                             status=NeedStatus.DISETUJUI, created_by_id=actor.id)
        db.session.add(need)
        db.session.flush()
        return service.nominate(kind, need, employee, actor, on_date)

    return attempt


def join_steps(slug: str) -> list[JoinStep]:
    return [JoinStep("kandidat", "Diusulkan sebagai kandidat penempatan", slug, _nominate(slug))]


def _open_needs(employee) -> tuple[PlacementNeed, ...]:
    """Approved needs of every placement kind in the employee's unit or above it where the
    employee is not a candidate yet (asked once a page view, not once per kind)."""
    candidate = select(Placement.need_id).where(Placement.employee_id == employee.id)
    return per_request(("open_needs", employee.id), lambda: tuple(db.session.scalars(
        select(PlacementNeed).where(PlacementNeed.status == NeedStatus.DISETUJUI,
                                    PlacementNeed.unit_id.in_(employee.unit.ancestor_ids),
                                    PlacementNeed.id.not_in(candidate))
        .order_by(PlacementNeed.id).limit(200))))


def opportunities(slug: str, employee, on_date: dt.date) -> list[Opportunity]:
    """Approved needs of ``slug`` open to ``employee`` (see :func:`portal.placements.hooks.
    opportunities_hook`), valued as a placement of the kind's shortest duration from today."""
    kind = kind_of(slug)
    if kind is None:
        return []
    needs = [need for need in _open_needs(employee) if need.kind == slug][:20]
    return [Opportunity(
        title=f"{kind.title}: {need.kompetensi}",
        participation=Participation(employee.id, slug, slug, "peserta", add_span(on_date, kind.min_duration),
                                    f"{kind.title}: {need.kompetensi}"[:300], f"placement-need:{need.id}"),
        endpoint="placements.need_detail", values=(("kind", slug), ("need_id", need.id)),
        detail=f"Kebutuhan {need.unit.nama} · target: {need.target[:120]}",
        contact_accounts=(need.created_by_id,))
        for need in needs if need.created_by_id]
