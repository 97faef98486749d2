"""Browser journey (issue 19): an employee at risk of missing the JP target opens the home page,
sees an open komunitas meeting among the opportunities, registers with one click, and the
projection on Pengembangan Saya now counts the meeting as scheduled JP."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.sdk import today
from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e


def test_an_employee_at_risk_registers_for_an_opportunity_from_the_home_page(
        world, make_app, serve, new_page):
    from playwright.sync_api import expect

    day = today() + dt.timedelta(days=3)
    if day.year != today().year:
        pytest.skip("the meeting would fall in next year")
    world.schedule(world.approved(), day, pendaftaran_terbuka="y")
    base = serve(make_app())
    page = new_page()
    sign_in(page, base, world.units["A"]["staff"].nip)

    offers = page.locator("#peluang-beranda")
    expect(offers).to_contain_text("Sesi BIM")
    expect(offers).to_contain_text("2 JP")
    offers.get_by_role("button", name="Daftar").click()
    expect(page.locator("main")).to_contain_text("Anda terdaftar sebagai peserta")

    page.goto(f"{base}/jp/saya")
    projection = page.locator("#proyeksi")
    expect(projection).to_contain_text("JP terjadwal (belum terhitung)")
    expect(projection.locator("dd").nth(1)).to_have_text("2 JP")
    expect(projection).to_contain_text("Sesi BIM")
    page.goto(f"{base}/")
    expect(page.locator("#peluang-beranda")).not_to_contain_text("Sesi BIM")  # joined: no longer offered
