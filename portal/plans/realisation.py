"""Plan against realisation: target JP per mechanism against the JP the ledger counted in the
plan's year (the ledger's SQL aggregation, :func:`portal.ledger.service.year_summary`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from portal.ledger.numbers import jp_number
from portal.ledger.service import year_summary
from portal.mechanisms.catalogue import mechanism_model, mechanism_title
from portal.models.plan import DevelopmentPlan


@dataclass(frozen=True)
class Realisation:
    slug: str
    title: str
    model: int | None
    target_jp: int | float
    realised_jp: int | float

    @property
    def percent(self) -> int | None:
        return round(100 * self.realised_jp / self.target_jp) if self.target_jp else None


def realisation(plan: DevelopmentPlan) -> tuple[list[Realisation], dict]:
    """(one row per planned mechanism, the ledger's year summary of the employee)."""
    summary = year_summary(plan.employee_id, plan.year)
    targets: dict[str, Decimal] = {}
    for item in plan.items:
        targets[item.mechanism] = targets.get(item.mechanism, Decimal(0)) + item.target_jp
    rows = [Realisation(slug, mechanism_title(slug), mechanism_model(slug), jp_number(target),
                        summary["by_mechanism"].get(slug, 0))
            for slug, target in targets.items()]
    return sorted(rows, key=lambda r: (-(r.model or 0), r.title)), summary
