"""The maintained rollup (issue 21): counted JP per employee-month-mechanism and per
employee-year equal the ledger's rows after every kind of change, in the same transaction.

(Every test of the suite also ends with the check: ``portal.testing.make_app`` compares the
rollup with the rows after each test.)"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from portal.extensions import db
from portal.ledger import rollup
from portal.ledger.bulk import bulk_credit
from portal.ledger.models import LedgerEntry, LedgerMonth, LedgerYear
from portal.ledger.service import cancel, credit, year_summary
from portal.testing import People
from tests.ledger_helpers import community_plugin, participation
from tests.test_ledger_concurrency import run_parallel, setup_people

MARCH = dt.date(2026, 3, 10)


@pytest.fixture
def lapp(make_app):
    return make_app(plugins=[community_plugin()])


@pytest.fixture
def world(lapp):
    with lapp.app_context():
        people = People()
        unit = people.unit("R", "Direktorat R", eselon="II")
        yield {"unit": unit, "employees": [people.person(unit, nama=f"Pegawai {n}") for n in range(3)]}


def year_row(employee_id: int, year: int = 2026) -> tuple:
    row = db.session.get(LedgerYear, (employee_id, year))
    return (Decimal(row.jp), Decimal(row.jp70)) if row else (Decimal(0), Decimal(0))


def test_a_credit_is_in_the_rollup_in_the_same_transaction(world):
    employee = world["employees"][0]
    credit(participation(employee.id, on_date=MARCH, reference="a"))
    # not committed yet: the rollup row exists in this transaction
    month = db.session.get(LedgerMonth, (employee.id, 2026, 3, "komunitas_test"))
    assert month.jp == 4 and month.model == 70 and month.not_counted == 0
    assert year_row(employee.id) == (4, 4)
    db.session.rollback()
    assert db.session.get(LedgerMonth, (employee.id, 2026, 3, "komunitas_test")) is None
    assert rollup.differences() == []


def test_a_row_beyond_the_monthly_cap_kb07_counts_zero_and_is_noted_as_not_counted(world):
    employee = world["employees"][0]
    for n in range(3):  # KB-07: two bahan a month
        credit(participation(employee.id, on_date=MARCH + dt.timedelta(days=n), reference=f"b{n}"))
    db.session.commit()
    month = db.session.get(LedgerMonth, (employee.id, 2026, 3, "komunitas_test"))
    assert (month.jp, month.not_counted) == (8, 1)
    assert year_summary(employee.id, 2026)["not_counted"] == 1
    assert rollup.differences() == []


def test_cancelling_a_row_lets_the_one_beyond_the_cap_count_and_the_rollup_follows(world):
    employee = world["employees"][0]
    entries = [credit(participation(employee.id, on_date=MARCH + dt.timedelta(days=n), reference=f"c{n}"))
               for n in range(3)]
    db.session.commit()
    cancel(entries[0].id, None, "Salah input")
    db.session.commit()
    month = db.session.get(LedgerMonth, (employee.id, 2026, 3, "komunitas_test"))
    assert (month.jp, month.not_counted) == (8, 0)  # the third now counts
    assert rollup.differences() == []


def test_a_row_moved_to_another_month_and_employee_moves_its_jp(world):
    first, second = world["employees"][:2]
    entry = credit(participation(first.id, on_date=MARCH, reference="m"))
    db.session.commit()
    entry.employee_id, entry.activity_date = second.id, dt.date(2026, 5, 2)
    db.session.commit()
    assert year_row(first.id) == (0, 0) and year_row(second.id) == (4, 4)
    assert db.session.get(LedgerMonth, (second.id, 2026, 5, "komunitas_test")).jp == 4
    assert rollup.differences() == []


def test_recount_after_a_setting_change_updates_the_rollup(world):
    from portal.ledger import recalc
    from portal.rule_settings.versions import add_version

    employee = world["employees"][0]
    credit(participation(employee.id, "diskusi_permasalahan", "peserta", on_date=MARCH, reference="d"))
    db.session.commit()
    assert year_row(employee.id) == (2, 2)
    add_version("komunitas_test.jp_diskusi_peserta", "5", dt.date(2026, 1, 1), "Nota dinas", None)
    db.session.commit()
    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    preview = recalc.preview("komunitas_test", start, end)
    assert recalc.apply("komunitas_test", start, end, preview.digest, None) == 1
    db.session.commit()
    assert year_row(employee.id) == (5, 5)
    assert rollup.differences() == []


def test_bulk_import_through_copy_keeps_the_rollup_equal_to_the_rows(world):
    first, second = world["employees"][:2]
    credit(participation(first.id, on_date=dt.date(2026, 3, 20), reference="wf"))
    db.session.commit()
    imported = [participation(employee.id, on_date=dt.date(2026, 3, day), reference=f"imp-{employee.id}-{day}",
                              source="import")
                for employee in (first, second) for day in (1, 2, 3)]
    outcome = bulk_credit(imported, "batch-1")
    db.session.commit()
    assert sum(outcome.counted) >= 3
    assert rollup.differences() == []
    assert year_row(first.id)[0] == 8 and year_row(second.id)[0] == 8  # KB-07: two a month


def test_demo_rows_inserted_in_bulk_are_in_the_rollup(world):
    from portal.ledger.demo import insert_rows

    employee = world["employees"][2]
    rows = [{"employee_id": employee.id, "mechanism": "formal", "model": 10, "activity_type": "teknis",
             "role": "peserta", "activity_date": dt.date(2026, month, 5), "title": "Pelatihan",
             "reference": f"demo-{month}", "source": "import", "jp_claimed": Decimal(8),
             "jp_counted": Decimal(8), "counted": True, "rule_id": "FL-01", "explanation": "",
             "reason": "", "flag": ""} for month in (1, 2)]
    assert insert_rows(iter(rows)) == 2
    db.session.commit()
    row = db.session.get(LedgerYear, (employee.id, 2026))
    assert (row.jp, row.jp10, row.jp70) == (16, 16, 0)
    assert rollup.differences() == []


def test_flask_ledger_verify_reports_a_difference_and_perbaiki_rebuilds(world, lapp):
    employee = world["employees"][0]
    credit(participation(employee.id, on_date=MARCH, reference="v"))
    db.session.commit()
    runner = lapp.test_cli_runner()
    assert "sama dengan baris" in runner.invoke(args=["ledger", "verify"]).output
    # someone edits a row behind the application's back
    db.session.execute(update(LedgerEntry.__table__).values(jp_counted=3, jp_claimed=3))
    db.session.commit()
    result = runner.invoke(args=["ledger", "verify"])
    assert result.exit_code == 1
    assert f"pegawai #{employee.id} 2026-03 komunitas_test: baris 3.00 JP" in result.output
    result = runner.invoke(args=["ledger", "verify", "--perbaiki"])
    assert result.exit_code == 0 and "diperbaiki" in result.output
    db.session.expire_all()
    assert year_row(employee.id) == (3, 3) and rollup.differences() == []


def test_concurrent_credits_of_one_employee_in_different_months_lose_no_jp(lapp):
    """Each month has its own ledger lock, so these run side by side; the year row is shared and
    only ever incremented, so no transaction overwrites another's JP."""
    _unit, (employee,) = setup_people(lapp)
    jobs = [lambda m=m: credit(participation(employee, on_date=dt.date(2026, m, 3), reference=f"p{m}")).id
            for m in range(1, 9)]
    results = run_parallel(lapp, jobs)
    assert not [r for r in results if isinstance(r, Exception)], results
    with lapp.app_context():
        assert year_row(employee) == (32, 32)
        assert rollup.differences() == []
        db.session.remove()


def test_team_page_reads_the_rollup_not_the_rows(world, lapp):
    """The Tim & Unit figures come from jp_ledger_year: a row changed behind the rollup's back
    is not seen until the rollup is rebuilt (which ``flask ledger verify --perbaiki`` does)."""
    from portal.ledger.team import TeamFilter, employee_rows
    from portal.models import Account

    employee = world["employees"][0]
    credit(participation(employee.id, on_date=MARCH, reference="t"))
    db.session.commit()
    admin = People().person(world["unit"], "admin_sdm", nama="Admin")
    account = db.session.scalar(select(Account).where(Account.employee_id == admin.id))
    rows = {r.id: r.jp for r in db.session.execute(employee_rows(account, TeamFilter(year=2026)))}
    assert rows[employee.id] == 4
    db.session.execute(update(LedgerYear.__table__).values(jp=7))
    rows = {r.id: r.jp for r in db.session.execute(employee_rows(account, TeamFilter(year=2026)))}
    assert rows[employee.id] == 7
    rollup.rebuild()
    db.session.commit()
