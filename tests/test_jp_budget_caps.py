"""JP-budget caps (issue 17 item 3): a cap limits counted JP per employee per month or per year,
not only rows. The row that crosses the budget is counted in part and shows the rest as not
counted with its rule; later rows count nothing; row caps keep working. The example is the
"job shadowing" mode the issue describes: 2 JP a day, at most 8 JP counted a month, and (to show
the yearly scope) at most 20 JP a year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.ledger.bulk import bulk_credit
from portal.ledger.models import LedgerEntry
from portal.ledger.service import cancel, credit
from portal.testing import People
from portal.types import CapSpec, JPResult, Participation, PluginInfo

SLUG = "shadowing"


class ShadowingPlugin:
    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=SLUG, title="Job shadowing", model=70, caps=(
            CapSpec("JS-02", 8, "employee_month", measure="jp"),
            CapSpec("JS-03", 20, "employee_year", measure="jp"),
        ))

    @hookimpl
    def portal_compute_jp(self, participation: Participation, settings):
        if participation.mechanism == SLUG:
            return JPResult(participation.jp_stated or 2, "JS-01", "2 JP per hari")
        return None


@pytest.fixture
def employee_id(make_app):
    app = make_app(plugins=[(SLUG, ShadowingPlugin())])
    with app.app_context():
        people = People()
        yield people.person(people.unit("S1")).id


def shadow(employee_id: int, day: dt.date, jp: int | None = None, commit: bool = True) -> LedgerEntry:
    entry = credit(Participation(employee_id=employee_id, mechanism=SLUG, activity_type="shadowing",
                                 role="peserta", on_date=day, title=f"Job shadowing {day}",
                                 reference=f"js-{day}", jp_stated=Decimal(jp) if jp else None))
    if commit:
        db.session.commit()
    return entry


def rows(employee_id: int) -> list[LedgerEntry]:
    return db.session.scalars(select(LedgerEntry).where(LedgerEntry.employee_id == employee_id)
                              .order_by(LedgerEntry.activity_date)).all()


def test_at_most_8_jp_counted_a_month_the_fourth_day_fills_the_budget(employee_id):
    days = [shadow(employee_id, dt.date(2026, 3, d)) for d in (2, 3, 4, 5, 6)]
    assert [e.jp_counted for e in days] == [2, 2, 2, 2, 0]
    assert not days[4].counted and days[4].cap_rule_id == "JS-02"
    assert days[4].reason == "Melebihi batas 8 JP per bulan (JS-02)"
    assert shadow(employee_id, dt.date(2026, 4, 1)).jp_counted == 2  # a new month, a new budget


def test_the_row_that_crosses_the_budget_is_counted_in_part_with_the_rest_named(employee_id):
    shadow(employee_id, dt.date(2026, 3, 2), jp=5)
    crossing = shadow(employee_id, dt.date(2026, 3, 3), jp=5)
    after = shadow(employee_id, dt.date(2026, 3, 4), jp=2)
    assert crossing.counted and crossing.jp_counted == 3 and crossing.jp_claimed == 5
    assert crossing.cap_rule_id == "JS-02"
    assert crossing.reason == "2 JP tidak dihitung: batas 8 JP per bulan (JS-02)"
    assert not after.counted and after.jp_counted == 0


def test_an_earlier_dated_row_takes_the_budget_first_and_cancel_gives_it_back(employee_id):
    late = shadow(employee_id, dt.date(2026, 3, 20), jp=6)
    early = shadow(employee_id, dt.date(2026, 3, 1), jp=4)
    db.session.refresh(late)
    assert early.jp_counted == 4 and late.jp_counted == 4 and late.cap_rule_id == "JS-02"
    cancel(early.id, None, "Salah tanggal")
    db.session.commit()
    db.session.refresh(late)
    assert late.jp_counted == 6 and late.cap_rule_id is None and late.reason == ""


def test_a_yearly_budget_carries_over_months_and_reacts_to_an_earlier_month(employee_id):
    for month in (1, 2, 3):  # 8 JP counted in each month: 24 > 20
        for day in (5, 6, 7, 8):
            shadow(employee_id, dt.date(2026, month, day))
    by_month = {}
    for entry in rows(employee_id):
        by_month[entry.activity_date.month] = by_month.get(entry.activity_date.month, 0) + entry.jp_counted
    assert by_month == {1: 8, 2: 8, 3: 4}
    assert any(e.cap_rule_id == "JS-03" and "per tahun" in e.reason for e in rows(employee_id))
    january = [e for e in rows(employee_id) if e.activity_date.month == 1]
    cancel(january[0].id, None, "Dibatalkan")  # 2 JP freed in January: March counts 2 more
    db.session.commit()
    march = sum(e.jp_counted for e in rows(employee_id) if e.activity_date.month == 3)
    assert march == 6


def test_the_bulk_import_path_applies_the_same_budget(employee_id):
    participations = [Participation(employee_id=employee_id, mechanism=SLUG, activity_type="shadowing",
                                    role="peserta", on_date=dt.date(2026, 5, d), title="Impor",
                                    reference=f"imp-{d}", source="import", jp_stated=Decimal(3))
                      for d in (1, 2, 3)]
    outcome = bulk_credit(participations, batch="uji")
    db.session.commit()
    assert [Decimal(j) for j in outcome.jp_counted] == [3, 3, 2]
    assert outcome.counted == [True, True, True]


def test_row_caps_still_count_rows():
    cap = CapSpec("KB-07", 2, "employee_month_activity", activity_types=("berbagi_bahan",))
    assert cap.measure == "rows" and cap.text == "Melebihi batas 2 per bulan (KB-07)"
    with pytest.raises(ValueError):
        CapSpec("KB-06", 2, "organiser_month", measure="jp")
    with pytest.raises(ValueError):
        CapSpec("X-01", 2, "employee_month", measure="menit")
