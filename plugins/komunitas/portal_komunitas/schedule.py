"""Komunitas belajar in the early warning (issue 19): what is scheduled
(``portal_scheduled_participations``: employees registered for, or speaking at, a meeting from
today on, not yet credited) and what is open (``portal_opportunities``: meetings with open
registration)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from portal.sdk import Opportunity, Participation, db, today
from portal_komunitas.jp import FORMS
from portal_komunitas.models import Meeting, MeetingPerson, Proposal, ProposalStatus
from portal_komunitas.workflow import participation


def scheduled(employee_ids: list[int] | None, start: dt.date, end: dt.date) -> list[Participation]:
    query = (select(MeetingPerson).join(MeetingPerson.meeting)
             .where(MeetingPerson.employee_id.is_not(None), MeetingPerson.ledger_entry_id.is_(None),
                    Meeting.tanggal >= max(start, today()), Meeting.tanggal <= end)
             .options(contains_eager(MeetingPerson.meeting).joinedload(Meeting.proposal)))
    if employee_ids is not None:
        query = query.where(MeetingPerson.employee_id.in_(employee_ids))
    return [participation(person.meeting, person) for person in db.session.scalars(query).unique()]


def opportunities(employee, on_date: dt.date) -> list[Opportunity]:
    """Meetings with open registration from ``on_date`` on that ``employee`` has not joined
    (``portal_opportunities``): one click registers (the meeting page's own action)."""
    joined = select(MeetingPerson.meeting_id).where(MeetingPerson.employee_id == employee.id)
    meetings = db.session.scalars(
        select(Meeting).join(Proposal)
        .where(Meeting.pendaftaran_terbuka.is_(True), Meeting.tanggal >= on_date,
               Proposal.status == ProposalStatus.DISETUJUI, Meeting.id.not_in(joined))
        .options(contains_eager(Meeting.proposal)).order_by(Meeting.tanggal).limit(50))
    return [Opportunity(
        title=f"{FORMS[meeting.proposal.bentuk]}: {meeting.judul}",
        participation=participation(meeting, MeetingPerson(employee_id=employee.id, role="peserta")),
        endpoint="komunitas.register", values=(("meeting_id", meeting.id),), action="Daftar",
        post=True, closes_on=meeting.tanggal, context=(("role", "peserta"),),
        detail=f"{meeting.moda.capitalize()} · {meeting.tempat or 'tautan dibagikan koordinator'} · "
               f"{meeting.jam_mulai:%H.%M}–{meeting.jam_selesai:%H.%M} WIB")
        for meeting in meetings]
