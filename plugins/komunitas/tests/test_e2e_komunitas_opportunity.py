"""Browser journey (issue 19): the atasan recommends an open komunitas meeting to an employee at
risk of missing the JP target; the employee sees the recommendation in the inbox and the meeting
among the opportunities on the home page, registers with one click, and the projection on
Pengembangan Saya now counts the meeting as scheduled JP."""

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
    staff = world.units["A"]["staff"]
    boss = new_page()
    sign_in(boss, base, world.units["A"]["atasan"].nip)
    boss.goto(f"{base}/jp/tim")
    boss.get_by_role("row", name=staff.nama).get_by_role("link", name="Peluang & rekomendasi").click()
    expect(boss.locator("main")).to_contain_text(f"Peluang untuk {staff.nama}")
    boss.locator("article", has_text="Sesi BIM").get_by_role("button", name="Rekomendasikan").click()
    expect(boss.locator("main")).to_contain_text(f"Rekomendasi dikirim ke kotak masuk {staff.nama}")

    page = new_page()
    sign_in(page, base, staff.nip)
    page.goto(f"{base}/kotak-masuk")
    expect(page.locator("main")).to_contain_text("Rekomendasi dari Atasan A")
    page.goto(f"{base}/")

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
