"""Who signs a report (KB-10): the JPT Pratama of the unit and the pengelola kepegawaian.

The JPT Pratama is the head of the unit's nearest eselon II unit, the unit itself or an
ancestor; a unit above eselon II (an eselon I unit) is signed by its own head. The pengelola
kepegawaian is a core setting (``report.pengelola_name`` / ``report.pengelola_nip``).
"""

from __future__ import annotations

from sqlalchemy import select

from portal.certificates import settings
from portal.clock import today
from portal.extensions import db
from portal.i18n import tanggal
from portal.models import Employee, Unit
from portal.reports.model import Signature


def eselon_two_head(unit: Unit) -> Employee | None:
    ids = unit.ancestor_ids or [unit.id]
    units = {u.id: u for u in db.session.scalars(select(Unit).where(Unit.id.in_(ids)))}
    for unit_id in reversed(ids):
        candidate = units.get(unit_id)
        if candidate is not None and candidate.eselon == "II":
            return candidate.head
    return unit.head


def signatures(unit: Unit) -> list[Signature]:
    head = eselon_two_head(unit)
    return [
        Signature("Mengetahui,", "JPT Pratama,", head.nama if head else "", head.nip if head else ""),
        Signature(place_date(), "Pengelola Kepegawaian,", settings.get("report.pengelola_name"),
                  settings.get("report.pengelola_nip")),
    ]


def place_date() -> str:
    return f"{settings.get('report.place')}, {tanggal(today())}"
