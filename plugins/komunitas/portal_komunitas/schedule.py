"""What is scheduled for the early warning (``portal_scheduled_participations``): employees
registered for, or speaking at, a komunitas meeting from today on, not yet credited."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from portal.sdk import Participation, db, today
from portal_komunitas.models import Meeting, MeetingPerson
from portal_komunitas.workflow import participation


def scheduled(employee_ids: list[int] | None, start: dt.date, end: dt.date) -> list[Participation]:
    query = (select(MeetingPerson).join(MeetingPerson.meeting)
             .where(MeetingPerson.employee_id.is_not(None), MeetingPerson.ledger_entry_id.is_(None),
                    Meeting.tanggal >= max(start, today()), Meeting.tanggal <= end)
             .options(contains_eager(MeetingPerson.meeting).joinedload(Meeting.proposal)))
    if employee_ids is not None:
        query = query.where(MeetingPerson.employee_id.in_(employee_ids))
    return [participation(person.meeting, person) for person in db.session.scalars(query).unique()]
