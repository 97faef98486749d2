"""Caps under concurrent requests (ASVS 2.3.4): parallel credits for one employee and month.

Each thread has its own app context, session and database connection. On PostgreSQL the
ledger serialises a group with advisory locks; on SQLite the database has one writer at a time
and the ledger opens its transaction with BEGIN IMMEDIATE. Both must count exactly the cap.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.ledger.models import LedgerEntry
from portal.ledger.service import LedgerError, credit
from portal.testing import People
from tests.ledger_helpers import community_plugin, participation

THREADS = 8


@pytest.fixture
def lapp(make_app):
    return make_app(plugins=[community_plugin()])


def run_parallel(app, jobs) -> list[object]:
    """Run each job in its own thread and app context, all released at once."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def worker(index, job):
        with app.app_context():
            try:
                barrier.wait(timeout=30)
                results[index] = job()
                db.session.commit()
            except Exception as error:  # collected and asserted by the test
                db.session.rollback()
                results[index] = error
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a credit hung (deadlock?)"
    return results


def setup_people(app, count: int = 1) -> tuple[int, list[int]]:
    with app.app_context():
        people = People()
        unit = people.unit("P", "Direktorat P", eselon="II")
        ids = [people.employee(unit, nama=f"Pegawai {i}").id for i in range(count)]
        return unit.id, ids


def counted_rows(app, **where) -> tuple[int, int]:
    with app.app_context():
        base = select(func.count()).select_from(LedgerEntry).filter_by(**where)
        total = db.session.scalar(base)
        counted = db.session.scalar(base.where(LedgerEntry.counted.is_(True)))
        db.session.remove()
        return total, counted


def test_parallel_berbagi_bahan_credits_count_exactly_the_cap(lapp):
    _, (employee,) = setup_people(lapp)

    def job(n):
        return lambda: credit(participation(employee, on_date=dt.date(2026, 3, 1 + n),
                                            reference=f"bahan-{n}")).id

    results = run_parallel(lapp, [job(n) for n in range(THREADS)])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert counted_rows(lapp, employee_id=employee) == (THREADS, 2)  # KB-07


def test_parallel_identical_credits_store_one_row(lapp):
    _, (employee,) = setup_people(lapp)
    results = run_parallel(lapp, [lambda: credit(participation(employee, reference="sama")).id
                                  for _ in range(THREADS)])
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == THREADS - 1 and all(isinstance(e, LedgerError) for e in errors), errors
    assert counted_rows(lapp, employee_id=employee) == (1, 1)


def test_parallel_meetings_of_one_organiser_count_two_meetings(lapp):
    unit, employees = setup_people(lapp, count=THREADS)

    def job(n):
        return lambda: credit(participation(
            employees[n], "berbagi_pengalaman", "peserta", dt.date(2026, 7, 1 + n // 2),
            f"temu-{n // 2}", organiser_unit_id=unit)).id

    results = run_parallel(lapp, [job(n) for n in range(THREADS)])
    assert not [r for r in results if isinstance(r, Exception)], results
    with lapp.app_context():
        counted_refs = set(db.session.scalars(select(LedgerEntry.reference).where(
            LedgerEntry.counted.is_(True))))
        db.session.remove()
    assert counted_refs == {"temu-0", "temu-1"}  # KB-06: the first two meetings by date
    assert counted_rows(lapp, organiser_unit_id=unit) == (THREADS, 4)


def test_mixed_parallel_credits_end_in_the_deterministic_state(lapp):
    """Organiser meetings arriving latest-date first (so each displaces the last) mixed with
    berbagi_bahan for the same people: no deadlock, and recomputing every group afterwards
    changes nothing (the stored flags are what the cap engine derives from the rows)."""
    from portal.ledger import caps

    unit, employees = setup_people(lapp, count=4)

    def meeting(n):
        return lambda: credit(participation(
            employees[n % 4], "berbagi_pengalaman", "peserta", dt.date(2026, 9, 28 - n),
            f"temu-{n}", organiser_unit_id=unit)).id

    def bahan(n):
        return lambda: credit(participation(employees[n % 4], on_date=dt.date(2026, 9, 1 + n),
                                            reference=f"bahan-{n}")).id

    results = run_parallel(lapp, [meeting(n) for n in range(6)] + [bahan(n) for n in range(6)])
    assert not [r for r in results if isinstance(r, Exception)], results
    with lapp.app_context():
        assert all(caps.recompute(e, 202609) == [] for e in employees)
        counted_refs = set(db.session.scalars(select(LedgerEntry.reference).where(
            LedgerEntry.counted.is_(True), LedgerEntry.organiser_unit_id == unit)))
        db.session.rollback()
        db.session.remove()
    assert counted_refs == {"temu-5", "temu-4"}  # the two earliest dates (23 and 24 Sept)
