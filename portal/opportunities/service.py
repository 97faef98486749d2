"""Opportunities for one employee (issue 19 item 2): what every plugin switched on for the
employee's unit offers now (``portal_opportunities``), with the JP the ledger's rules give it and
the core's eligibility verdict, ranked by what closes the employee's gap first.

Ranking, in order: eligible before "cannot decide yet" before not eligible; an offer whose JP
alone closes what is still needed this year (and counts this year); an offer in the model (70, 20 or 10) the
employee's counted JP lacks most against the 70:20:10 mix; an offer of a mechanism in the
employee's development plan for the year; more JP; the earliest date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from portal.eligibility.answer import EligibilityAnswer
from portal.eligibility.service import check
from portal.extensions import db
from portal.ledger.projection import Projection
from portal.ledger.service import LedgerError, compute_jp
from portal.mechanisms.catalogue import mechanism_model, mechanism_title
from portal.mechanisms.switches import disabled_slugs
from portal.models import DevelopmentPlan, Employee
from portal.models.plan import DevelopmentPlanItem
from portal.plugins import registry
from portal.types import Opportunity

MIX = {70: Decimal("0.7"), 20: Decimal("0.2"), 10: Decimal("0.1")}
MODEL_LABELS = {70: "70 — belajar di tempat kerja", 20: "20 — belajar dari orang lain",
                10: "10 — pembelajaran formal"}


@dataclass(frozen=True)
class Offer:
    opportunity: Opportunity
    mechanism_title: str
    jp: Decimal
    model: int | None
    eligibility: EligibilityAnswer
    closes_gap: bool
    fills_model: bool
    in_plan: bool

    @property
    def eligible(self) -> bool | None:
        return self.eligibility.eligible

    @property
    def why(self) -> list[str]:
        """Why it is ranked where it is, in a few words each."""
        reasons = []
        if self.closes_gap:
            reasons.append("menutup kekurangan JP Anda tahun ini")
        if self.fills_model:
            reasons.append(f"model {self.model} paling kurang dalam komposisi 70:20:10 Anda")
        if self.in_plan:
            reasons.append("sesuai rencana pengembangan Anda")
        return reasons

    @property
    def key(self) -> str:
        """A stable identifier of the offer (recommendations name it)."""
        p = self.opportunity.participation
        return f"{p.mechanism}:{p.reference}"[:200]


def unit_decider(employee: Employee) -> int | None:
    """Who decides on an employee's development in their work unit — the head of the unit, or
    their atasan when they head it themselves (an ``Opportunity``'s ``contacts``)."""
    head = employee.unit.head_id
    return head if head not in (None, employee.id) else employee.supervisor_id


def lacking_model(by_model: dict[str, object]) -> int | None:
    """The model whose counted JP falls furthest below its share of the 70:20:10 mix (None when
    nothing is counted yet: every model is equally welcome)."""
    counted = {int(model): Decimal(str(value)) for model, value in by_model.items()}
    total = sum(counted.values(), Decimal(0))
    if total <= 0:
        return None
    return max(MIX, key=lambda model: (MIX[model] * total - counted.get(model, Decimal(0)), -model))


def planned_mechanisms(employee_id: int, year: int) -> set[str]:
    return set(db.session.scalars(
        select(DevelopmentPlanItem.mechanism)
        .join(DevelopmentPlan, DevelopmentPlan.id == DevelopmentPlanItem.plan_id)
        .where(DevelopmentPlan.employee_id == employee_id, DevelopmentPlan.year == year)))


def offers(employee: Employee, on_date: dt.date, projection: Projection,
           by_model: dict[str, object]) -> list[Offer]:
    """Every plugin's opportunities for ``employee``, valued and ranked."""
    caller = registry().hook_excluding("portal_opportunities", disabled_slugs(employee.unit))
    lacking = lacking_model(by_model)
    planned = planned_mechanisms(employee.id, on_date.year)
    found = []
    for opportunities in caller(employee=employee, on_date=on_date):
        for opportunity in opportunities or ():
            participation = opportunity.participation
            if participation.employee_id != employee.id:
                continue  # a plugin answers for this employee only
            try:
                result, _version = compute_jp(participation)
            except LedgerError:
                continue
            jp = Decimal(str(result.jp))
            model = mechanism_model(participation.mechanism)
            answer = check(employee, participation.mechanism, participation.on_date,
                           dict(opportunity.context))
            found.append(Offer(opportunity, mechanism_title(participation.mechanism), jp, model,
                               answer, projection.needed > 0 and jp >= projection.needed
                               and participation.on_date.year == projection.year,
                               lacking is not None and model == lacking,
                               participation.mechanism in planned))
    order = {True: 0, None: 1, False: 2}
    return sorted(found, key=lambda offer: (
        order[offer.eligible], not offer.closes_gap, not offer.fills_model, not offer.in_plan,
        -offer.jp, offer.opportunity.participation.on_date, offer.opportunity.title))
