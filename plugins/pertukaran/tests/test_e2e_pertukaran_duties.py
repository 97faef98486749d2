"""Browser journey (Chromium): on a running pertukaran the sending unit records its costs and
funding source (G-07; a negative amount is refused, the rest kept), and the atasan fills the monitoring
form (PT-12, B.4.a) with a corrective action."""

from __future__ import annotations

import pytest
from pertukaran_helpers import BASE

from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(make_app, world, serve):
    return serve(make_app())


def open_as(new_page, live, employee):
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, live, employee.nip)
    return page


def test_costs_and_the_monitoring_form(live, world, new_page, console):
    from playwright.sync_api import expect

    console.allow_status(422)
    console.allowed.append("Response Status Error Code 422 from /penempatan/")
    placement = world.running()
    url = f"{live}{BASE}/{placement.id}"

    admin = open_as(new_page, live, world.units["A"]["admin"])
    admin.goto(url)
    admin.get_by_text("Catat biaya dan sumber dana").click()
    admin.fill("#uang_harian", "-5")
    admin.fill("#akomodasi", "6000000")
    admin.select_option("#sumber_dana", "apbn")
    admin.get_by_role("button", name="Simpan biaya").click()
    expect(admin.locator("section[aria-labelledby=biaya]")).to_contain_text("antara 0 dan 1 triliun rupiah")
    expect(admin.locator("#akomodasi")).to_have_value("6000000")
    admin.fill("#uang_harian", "4000000")
    admin.get_by_role("button", name="Simpan biaya").click()
    expect(admin.locator("section[aria-labelledby=biaya]")).to_contain_text("10.000.000")
    expect(admin.locator("section[aria-labelledby=biaya]")).to_contain_text("APBN")

    atasan = open_as(new_page, live, world.units["A"]["atasan"])
    atasan.goto(url)
    atasan.fill("#observation", "Penyusunan SOP tertinggal dua minggu")
    atasan.fill("#target_progress", "Indikator 1 dari 3 tercapai")
    atasan.check("input[name=on_track][value=tidak]")
    atasan.select_option("#action_kind", "korektif")
    atasan.fill("#corrective", "Jadwal ulang bersama koordinator mitra")
    atasan.get_by_role("button", name="Simpan catatan").click()
    form = atasan.locator("table", has_text="Formulir monitoring (PT-12)")
    expect(form).to_contain_text("Indikator 1 dari 3 tercapai")
    expect(form).to_contain_text("Tindakan korektif (perbaikan)")
