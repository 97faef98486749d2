"""Browser journey, JavaScript off: admin SDM opens an employee, goes to JP pegawai, cancels a
wrong entry on the confirmation page with a reason; the employee's history shows it cancelled."""

from __future__ import annotations

import pytest

from portal.testing_browser import CHROMIUM, browser_required, sign_in
from tests.certificate_helpers import entry_for

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)", allow_module_level=True)
if not browser_required():
    pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402


def test_admin_sdm_cancels_a_wrong_jp_entry_without_javascript(new_page, live_server, two_units):
    staff, sdm = two_units["A"]["staff"], two_units["sdm"]
    entry = entry_for(staff, title="Magang salah input", jp=8)
    base = live_server
    page = new_page(javascript=False)
    sign_in(page, base, sdm.nip)

    page.goto(f"{base}/pegawai/{staff.id}")
    page.get_by_role("button", name="JP pegawai").click()  # a link styled as a button
    expect(page.locator("main")).to_contain_text("Magang salah input")
    page.get_by_role("link", name="Batalkan").click()
    expect(page.locator("main")).to_contain_text("Batalkan entri JP")
    page.get_by_label("Alasan pembatalan").fill("Kegiatan tercatat ganda")
    page.get_by_role("button", name="Ya, batalkan entri ini").click()
    expect(page.locator("main")).to_contain_text("dibatalkan")
    expect(page.locator("main")).to_contain_text("Kegiatan tercatat ganda")

    employee = new_page(javascript=False)
    sign_in(employee, base, staff.nip)
    employee.goto(f"{base}/jp/saya?tahun={entry.activity_date.year}")
    expect(employee.locator("#riwayat")).to_contain_text("Dibatalkan")
