"""CM-13 [open]: "at most 2 meetings counted per month" for the HR unit's programme is a
versioned setting of admin SDM, not a constant (issue 14)."""

from __future__ import annotations

import datetime as dt

from portal.sdk import Participation, add_version, credit, db

MONTH = dt.date(2026, 5, 4)


def _meetings(employee, count: int, month: dt.date = MONTH):
    return [credit(Participation(employee_id=employee.id, mechanism="coaching",
                                 activity_type="coaching_program", role="coachee",
                                 on_date=month + dt.timedelta(days=n), title=f"Pertemuan coaching {n + 1}",
                                 reference=f"program:uji:{n}")) for n in range(count)]


def test_cm13_counts_two_meetings_a_month_by_default(app, two_units):
    rows = _meetings(two_units["A"]["staff"], 3)
    assert [row.counted for row in rows] == [True, True, False]
    assert rows[2].cap_rule_id == "CM-13" and "pengaturan CM-13" in rows[2].reason


def test_cm13_cap_follows_the_setting_admin_sdm_changes_from_its_effective_date(app, two_units):
    add_version("coaching.cm13_pertemuan_per_bulan", "3", MONTH.replace(day=1), "Keputusan unit SDM", None)
    db.session.commit()
    assert all(row.counted for row in _meetings(two_units["A"]["staff"], 3))
    earlier = _meetings(two_units["A"]["admin"], 3, dt.date(2026, 4, 6))  # before the new version
    assert [row.counted for row in earlier] == [True, True, False]
