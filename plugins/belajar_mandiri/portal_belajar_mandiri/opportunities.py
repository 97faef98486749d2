"""Belajar mandiri that fits the plan, as an opportunity (``portal_opportunities``, issue 19).

An employee whose development plan for the year holds belajar mandiri, and who has no
assignment under way, is offered one; the unit proposes it (BM-01), so the next step is the
core's *Minta diikutsertakan* to the head of the employee's unit (else their atasan), whose link
opens the proposal form for this employee.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.sdk import DevelopmentPlan, DevelopmentPlanItem, Opportunity, Participation, db, unit_decider
from portal_belajar_mandiri.jp import ROLE, SLUG
from portal_belajar_mandiri.models import MandiriAssignment
from portal_belajar_mandiri.workflow import OPEN

STUDY_TIME = dt.timedelta(days=60)  # proposal, assignment, study and report (within the plan's year)


def opportunities(employee, on_date: dt.date) -> list[Opportunity]:
    planned = db.session.scalars(
        select(DevelopmentPlanItem).join(DevelopmentPlan, DevelopmentPlan.id == DevelopmentPlanItem.plan_id)
        .where(DevelopmentPlan.employee_id == employee.id, DevelopmentPlan.year == on_date.year,
               DevelopmentPlanItem.mechanism == SLUG).order_by(DevelopmentPlanItem.id)).first()
    under_way = db.session.scalar(select(MandiriAssignment.id).where(
        MandiriAssignment.employee_id == employee.id, MandiriAssignment.status.in_(OPEN)).limit(1))
    decides = unit_decider(employee)
    if planned is None or under_way is not None or decides is None:
        return []
    topic = planned.description or "sesuai rencana pengembangan"
    return [Opportunity(
        title=f"Belajar mandiri: {topic}"[:200],
        participation=Participation(employee.id, SLUG, SLUG, ROLE,
                                    min(on_date + STUDY_TIME, dt.date(on_date.year, 12, 31)),
                                    f"Belajar mandiri: {topic}"[:300], f"{SLUG}:rencana:{planned.id}"),
        endpoint="belajar_mandiri.propose", values=(("employee_id", employee.id),),
        context=(("role", ROLE),), contacts=(decides,),
        detail="Ada di rencana pengembangan Anda tahun ini; diusulkan oleh unit kerja (BM-01).")]
