"""KB-10: each participant unit hands in its recap at least every 3 months; admin SDM sees every
unit's duty as due / submitted / late, and the unit is reminded in its inbox."""

from __future__ import annotations

import datetime as dt

from komunitas_helpers import BASE, text
from portal_komunitas.models import RecapSubmission
from portal_komunitas.recap_duty import last_quarter, status_of
from sqlalchemy import select

from portal.sdk import ReportPeriod, add_version, clock, db, today


def test_recap_duty_status_follows_the_quarter_and_the_hand_in_period_kb10():
    quarter = ReportPeriod(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    deadline = dt.date(2026, 4, 10)
    assert status_of(quarter, None, dt.date(2026, 3, 15), deadline) == "berjalan"
    assert status_of(quarter, None, dt.date(2026, 4, 5), deadline) == "jatuh_tempo"
    assert status_of(quarter, None, dt.date(2026, 4, 11), deadline) == "terlambat"
    on_time = RecapSubmission(submitted_at=dt.datetime(2026, 4, 9, 10))
    late = RecapSubmission(submitted_at=dt.datetime(2026, 4, 20, 10))
    assert status_of(quarter, on_time, dt.date(2026, 5, 1), deadline) == "diserahkan"
    assert status_of(quarter, late, dt.date(2026, 5, 1), deadline) == "diserahkan_terlambat"


def test_each_participant_unit_is_reminded_and_sdm_sees_due_submitted_late_kb10(world, monkeypatch):
    quarter = last_quarter(today())
    # Today within the hand-in period: due, and the unit's admin is reminded in the inbox.
    monkeypatch.setattr(clock, "today", lambda: quarter.end + dt.timedelta(days=3))
    inbox = text(world.admin.get("/kotak-masuk"))
    assert "Serahkan rekapitulasi komunitas belajar" in inbox and "KB-10" in inbox
    status = text(world.sdm.get(f"{BASE}/rekap/status?dari={quarter.start}&sampai={quarter.end}"))
    assert "Jatuh tempo" in status
    # Past the hand-in period (the setting): late, and admin SDM's inbox counts the late units.
    with world.sdm.application.app_context():
        add_version("komunitas.rekap_tenggat_hari", "2", dt.date(2023, 11, 30), "uji", None)
        db.session.commit()
    status = text(world.sdm.get(f"{BASE}/rekap/status?dari={quarter.start}&sampai={quarter.end}"))
    assert "Terlambat" in status
    assert "terlambat menyerahkan rekapitulasi komunitas belajar" in text(world.sdm.get("/kotak-masuk"))
    # Handed in late: shown so, and the reminder is gone.
    world.admin.post(f"{BASE}/rekap/serahkan?unit={world.unit.id}&dari={quarter.start}&sampai={quarter.end}")
    assert db.session.scalar(select(RecapSubmission.unit_id)) == world.unit.id
    status = text(world.sdm.get(f"{BASE}/rekap/status?dari={quarter.start}&sampai={quarter.end}"))
    assert "Diserahkan terlambat" in status
    assert f"rekapitulasi komunitas belajar {world.unit.nama}" not in text(world.admin.get("/kotak-masuk"))
