"""Demo ledger rows: realistic, deterministic, consistent with the caps (KB-07, CU-02/CU-03)."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from portal.clock import today
from portal.extensions import db
from portal.ledger.demo import add_demo_entries
from portal.ledger.models import LedgerEntry
from portal.ledger.service import year_summary
from portal.testing import People


def _rows():
    return db.session.execute(select(
        LedgerEntry.employee_id, LedgerEntry.mechanism, LedgerEntry.activity_date,
        LedgerEntry.jp_claimed, LedgerEntry.counted).order_by(LedgerEntry.id)).all()


def test_demo_entries_are_realistic_and_respect_monthly_caps(app):
    people = People()
    unit = people.unit("D", "Direktorat D", eselon="II")
    ids = [people.employee(unit, nama=f"Pegawai {n}").id for n in range(60)]
    rng = random.Random(7)
    state = rng.getstate()
    summary = add_demo_entries(rng, "small")
    db.session.commit()
    assert rng.getstate() == state  # draws nothing from the loader's generator
    assert "entri JP contoh" in summary
    totals = [year_summary(i, today().year)["total_jp"] for i in ids]
    assert sum(t >= 20 for t in totals) >= 10 and sum(t < 20 for t in totals) >= 10
    mechanisms = set(db.session.scalars(select(LedgerEntry.mechanism).distinct()))
    assert {"formal", "komunitas", "coaching"} <= mechanisms
    over_cap = db.session.execute(
        select(LedgerEntry.employee_id, LedgerEntry.activity_type,
               func.extract("year", LedgerEntry.activity_date),
               func.extract("month", LedgerEntry.activity_date))
        .where(LedgerEntry.counted.is_(True),
               LedgerEntry.activity_type.in_(("berbagi_bahan", "coaching_unit", "mentoring_unit")))
        .group_by(LedgerEntry.employee_id, LedgerEntry.activity_type,
                  func.extract("year", LedgerEntry.activity_date),
                  func.extract("month", LedgerEntry.activity_date))
        .having(func.count() > 2)).all()
    assert over_cap == []
    assert db.session.scalar(select(func.count()).where(LedgerEntry.activity_date > today())) == 0
    first = _rows()
    db.session.execute(LedgerEntry.__table__.delete())
    add_demo_entries(random.Random(7), "small")
    assert _rows() == first  # deterministic from the seed
