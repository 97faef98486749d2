"""``portal_confidential_parts``: the coach and mentor parts that open a coachee's or mentee's
confidential record (CM-01) — in the HR unit's programme and in the unit flow, whatever the
record's status, since those records stay readable to them."""

from __future__ import annotations

from sqlalchemy import or_, select

from portal.sdk import Employee, db
from portal_coaching.programme.models import Coach, Participant
from portal_coaching.unit.models import PARTNER_LABEL, UnitPair


def parts(employee: Employee) -> list[str]:
    found = []
    programme = db.session.scalar(
        select(Participant.id).join(Coach, Participant.coach_id == Coach.id)
        .where(or_(Participant.mentor_id == employee.id, Coach.employee_id == employee.id)).limit(1))
    if programme is not None:
        found.append("Coach/mentor program coaching-mentoring (CM-01)")
    jenis = db.session.scalars(select(UnitPair.jenis).where(UnitPair.partner_id == employee.id)
                               .distinct()).all()
    found += [f"{PARTNER_LABEL[j]} di unit kerja (CM-01)" for j in sorted(jenis)]
    return found
