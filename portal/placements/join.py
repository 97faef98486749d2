"""The join step of every placement kind, declared for ``portal_join_steps``: a candidate is
nominated for an approved need of their unit (:func:`portal.placements.service.nominate`)."""

from __future__ import annotations

import datetime as dt

from portal.eligibility.gate import JoinStep
from portal.extensions import db
from portal.models import Account, Employee
from portal.placements import service
from portal.placements.kinds import kind_of
from portal.placements.models import Placement, PlacementNeed


def _nominate(slug: str):
    def attempt(employee: Employee, actor: Account, on_date: dt.date) -> Placement:
        kind = kind_of(slug)
        need = PlacementNeed(kind=slug, unit_id=employee.unit_id, kompetensi="Kompetensi yang dibutuhkan",
                             basis="kebutuhan", akpk="", target="Target pengembangan",
                             status="disetujui", created_by_id=actor.id)
        db.session.add(need)
        db.session.flush()
        return service.nominate(kind, need, employee, actor, on_date)

    return attempt


def join_steps(slug: str) -> list[JoinStep]:
    return [JoinStep("kandidat", "Diusulkan sebagai kandidat penempatan", slug, _nominate(slug))]
