"""Issue 21: Tim & Unit's summary, early warning and unit bars come from one aggregate query —
and say exactly what the employee-by-employee path says (the projection's own rule), for every
scope, on every date of the year, with scheduled JP moving people to their real status."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.extensions import db
from portal.ledger import progress, team
from portal.ledger.projection import outlook
from portal.ledger.scope_summary import summarise
from portal.models import Account
from portal.rule_settings.versions import add_version
from portal.testing import sql_statements
from tests.certificate_helpers import entry_for
from tests.test_projection import Scheduling

YEAR = 2026


def _per_employee(account: Account, flt: team.TeamFilter, units: list, on_date: dt.date):
    """The old way: every employee's row to Python, one status each."""
    rows = db.session.execute(team.scope_rows(account, flt)).all()
    ahead = outlook(rows, flt.year, on_date, units, detail=())
    bars = {}
    for unit in units[:progress.MAX_UNIT_BARS]:
        inside = [row for row in rows if team.listed_ancestor(row.unit_path, {unit.path: unit})]
        if inside:
            bars[unit.id] = (len(inside), sum(row.jp >= row.target for row in inside))
    return ahead, bars


@pytest.fixture
def world(make_app, two_units, people):
    """Eleven employees across both units with 0–18 JP, one with a meeting scheduled; PPPK
    staff have a target of their own (24 JP), so the status is decided per target."""
    staff = two_units["A"]["staff"]
    app = make_app(plugins=[(Scheduling.slug, Scheduling(staff.id))])
    with app.app_context():
        add_version("core.target_jp_pppk", "24", dt.date(YEAR, 1, 1), "uji", None)
        for kode in ("A", "B"):
            sub = db.session.merge(two_units[kode]["sub"])
            for number in range(4):
                person = people.person(sub, nama=f"Pegawai {kode}{number}",
                                       status="PPPK" if number == 3 else "PNS")
                for month in range(number * 2):
                    entry_for(person, title=f"Magang {kode}{number}.{month}", jp=3,
                              day=dt.date(YEAR, 1 + month, 5))
        entry_for(staff, title="Magang staf", jp=12, day=dt.date(YEAR, 2, 3))
    return app


@pytest.mark.parametrize("on_date", [dt.date(YEAR, 1, 1), dt.date(YEAR, 5, 20), dt.date(YEAR, 11, 2),
                                     dt.date(YEAR, 12, 31)])
@pytest.mark.parametrize("who", ["sdm", "head_A", "atasan_A"])
def test_the_one_query_summary_says_what_each_employees_projection_says(world, two_units, who, on_date):
    nip = {"sdm": two_units["sdm"].nip, "head_A": two_units["A"]["head"].nip,
           "atasan_A": two_units["A"]["atasan"].nip}[who]
    with world.app_context():
        account = db.session.query(Account).filter(Account.employee.has(nip=nip)).one()
        flt = team.TeamFilter(year=YEAR)
        units = progress.overview_units(account, flt)
        found = summarise(account, flt, units, on_date)
        ahead, bars = _per_employee(account, flt, units, on_date)
        assert found.outlook.counts == ahead.counts
        assert [(u.unit.id, u.employees, u.at_risk, u.will_miss) for u in found.outlook.units] == \
            [(u.unit.id, u.employees, u.at_risk, u.will_miss) for u in ahead.units]
        assert {bar["unit"].id: (bar["employees"], bar["on_target"]) for bar in found.unit_bars} == bars
        assert found.stats == team.statistics(account, flt)


def test_scheduled_jp_moves_an_employee_to_their_real_status(world, two_units):
    """12 JP counted + 4 scheduled on 2 November: 4 JP still needed in two months is at risk;
    without the meeting, 8 JP would be about to miss."""
    staff = two_units["A"]["staff"]
    with world.app_context():
        account = db.session.query(Account).filter(Account.employee.has(nip=two_units["A"]["atasan"].nip)).one()
        flt = team.TeamFilter(year=YEAR)
        on_date = dt.date(YEAR, 11, 2)
        rows = db.session.execute(team.scope_rows(account, flt)).all()
        by_employee = outlook(rows, YEAR, on_date).by_employee
        assert by_employee[staff.id].status == "berisiko" and by_employee[staff.id].scheduled == 4
        unscheduled = outlook([row for row in rows if row.id != staff.id], YEAR, on_date).counts
        found = summarise(account, flt, [], on_date).outlook.counts
        assert found["berisiko"] == unscheduled["berisiko"] + 1
        assert found["tertinggal"] == unscheduled["tertinggal"]


def test_a_past_year_has_no_outlook_and_the_ministry_summary_is_one_query(world, two_units):
    with world.app_context():
        account = db.session.query(Account).filter(Account.employee.has(nip=two_units["sdm"].nip)).one()
        with sql_statements() as statements:
            past = summarise(account, team.TeamFilter(year=YEAR - 1), [], dt.date(YEAR, 6, 1))
        assert past.outlook is None and past.stats["employees"] > 10
        assert len([s for s in statements if "GROUP BY" in s]) == 1
        assert len([s for s in statements if "jp_ledger_year" in s]) == 1
