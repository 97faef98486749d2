"""Coaching and mentoring in the work unit among the opportunities (issue 19): offered to an
employee the unit has not listed yet, as a request to the head of the unit; neutral titles."""

from __future__ import annotations

import re

import pytest
from portal_coaching.unit.models import UnitInventory
from sqlalchemy import select

from portal.sdk import Notification, db


def _page(client) -> str:
    return client.get("/peluang/").get_data(as_text=True)


@pytest.mark.hook("portal_opportunities")
def test_unit_coaching_is_offered_until_the_unit_lists_the_employee(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(staff)
    page = _page(client)
    assert "Coaching unit kerja" in page and "Mentoring unit kerja" in page
    key = re.search(r'name="kunci" value="(coaching:[^"]*coaching_unit:peluang:coaching:[^"]*)"', page).group(1)
    once = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page).group(1)
    client.post("/peluang/minta", data={"kunci": key, "idempotency_key": once})
    head = two_units["A"]["atasan"]  # head of A.01
    [notice] = db.session.scalars(select(Notification).where(Notification.employee_id == head.id))
    assert notice.title == "Permintaan ikut dari Staf A: Coaching unit kerja"
    db.session.add(UnitInventory(unit_id=staff.unit_id, employee_id=staff.id, jenis="coaching",
                                 alasan="Hasil evaluasi kinerja", status="diusulkan"))
    db.session.commit()
    page = _page(client)
    assert "Coaching unit kerja" not in page and "Mentoring unit kerja" in page
