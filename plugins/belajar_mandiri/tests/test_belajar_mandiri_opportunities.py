"""Belajar mandiri that fits the plan among the opportunities (issue 19)."""

from __future__ import annotations

import pytest

from portal.sdk import DevelopmentPlan, DevelopmentPlanItem, db, today


@pytest.mark.hook("portal_opportunities")
def test_belajar_mandiri_in_the_plan_is_offered_as_a_request_to_the_unit(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(staff)
    assert "Belajar mandiri: " not in client.get("/peluang/").get_data(as_text=True)  # not planned
    plan = DevelopmentPlan(employee_id=staff.id, year=today().year, basis="kesenjangan", status="disetujui")
    db.session.add(plan)
    db.session.flush()
    db.session.add(DevelopmentPlanItem(plan_id=plan.id, mechanism="belajar_mandiri", target_jp=4,
                                       planned_month=today().month, description="Analisis hidrologi"))
    db.session.commit()
    page = client.get("/peluang/").get_data(as_text=True)
    assert "Belajar mandiri: Analisis hidrologi" in page and "Minta diikutsertakan" in page
    assert "sesuai rencana pengembangan Anda" in page  # the ranking knows the plan
