"""Coaching and mentoring in the work unit as opportunities (``portal_opportunities``, issue 19).

The unit lists who needs coaching or mentoring (CU-01), so an employee not listed yet is offered
each with the head of their unit (else their atasan) as the one who decides: the next step is
the core's *Minta diikutsertakan*. Titles are neutral (CM-01): no topic, no coach.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.sdk import Opportunity, Participation, db, unit_decider
from portal_coaching import neutral
from portal_coaching.jp import SLUG
from portal_coaching.unit.models import JENIS, InventoryStatus, UnitInventory
from portal_coaching.unit.workflow import ACTIVITY, ROLE

FIRST_MEETING_AFTER = dt.timedelta(days=30)  # listing, validation and pairing come first


def opportunities(employee, on_date: dt.date) -> list[Opportunity]:
    listed = set(db.session.scalars(select(UnitInventory.jenis).where(
        UnitInventory.employee_id == employee.id, UnitInventory.status != InventoryStatus.DITOLAK)))
    decides = unit_decider(employee)
    if decides is None:
        return []
    return [Opportunity(
        title=neutral.completion_title(jenis),
        participation=Participation(
            employee.id, SLUG, ACTIVITY[jenis], ROLE[jenis],
            min(on_date + FIRST_MEETING_AFTER, dt.date(on_date.year, 12, 31)),
            neutral.meeting_title(jenis, 1), f"coaching_unit:peluang:{jenis}:{employee.id}",
            organiser_unit_id=employee.unit_id, confidential=True),
        endpoint="coaching_unit.index", context=(("role", ROLE[jenis]),), contacts=(decides,),
        detail="Didampingi coach/mentor di unit kerja; JP dihitung per pertemuan (CU-02).")
        for jenis in JENIS if jenis not in listed]
