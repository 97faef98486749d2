"""Browser journeys in Chromium: sign in, live search, sign out, mechanism switch, no-JS use."""

from __future__ import annotations

import re

import pytest

from portal.testing import TEST_PASSWORD
from portal.testing_browser import CHROMIUM, browser_required, fill_sign_in, sign_in, wait_for_home

pytestmark = pytest.mark.e2e

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)",
                allow_module_level=True)
if not browser_required():
    pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402


def mechanism_menu(page):
    return page.locator("nav a", has_text="Mekanisme Contoh")


def test_sign_in_live_search_detail_and_sign_out(new_page, live_server, two_units, artifacts):
    base, admin, staff = live_server, two_units["A"]["admin"], two_units["A"]["staff"]
    page = new_page()
    sign_in(page, base, admin.nip)
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Admin A")
    expect(page.locator(".grid-cards")).to_contain_text("Kartu mekanisme contoh")  # htmx card
    page.screenshot(path=str(artifacts / "beranda.png"), full_page=True)

    page.locator("nav summary", has_text="Data").click()
    page.locator("nav").get_by_role("link", name="Pegawai").click()
    page.wait_for_url(f"{base}/pegawai/")
    expect(page.locator("#hasil")).to_contain_text("Kepala A")
    page.evaluate("window.__samePage = 'ya'")  # survives only if there is no full reload
    with page.expect_response(lambda r: "/pegawai/?q=Staf" in r.url) as search:
        page.locator("#q").press_sequentially("Staf", delay=40)
    assert search.value.request.headers.get("hx-request") == "true"
    expect(page.locator("#hasil")).to_contain_text("Staf A")
    expect(page.locator("#hasil")).not_to_contain_text("Kepala A")
    expect(page.locator("#hasil")).not_to_contain_text("Staf B")
    assert page.evaluate("window.__samePage") == "ya"
    expect(page).to_have_url(re.compile(r"/pegawai/\?q=Staf"))
    page.screenshot(path=str(artifacts / "pegawai.png"), full_page=True)

    page.locator("#hasil").get_by_role("link", name="Staf A").click()
    page.wait_for_url(f"{base}/pegawai/{staff.id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Staf A")
    expect(page.locator("dl.details")).to_contain_text(staff.nip)

    page.locator("summary", has_text="Admin A").click()
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(re.compile(r"/masuk"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk")
    expect(page.get_by_text("Anda telah keluar.")).to_be_visible()
    page.goto(f"{base}/")
    expect(page).to_have_url(re.compile(r"/masuk\?next=(%2F|/)$"))
    expect(page.get_by_role("button", name="Masuk")).to_be_visible()


def _switch(page, base: str, unit_id: int, button: str) -> None:
    page.goto(f"{base}/mekanisme/unit/{unit_id}")
    page.locator("#mekanisme-contoh").get_by_role("button", name=button).click()
    expect(page.locator(".flash")).to_be_visible()


def test_switching_a_mechanism_off_and_on_for_a_unit(new_page, live_server, two_units, console):
    base, a, b = live_server, two_units["A"], two_units["B"]
    dialogs = []
    admin = new_page()
    admin.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    sign_in(admin, base, a["admin"].nip)
    _switch(admin, base, a["top"].id, "Nonaktifkan")
    assert dialogs and "Nonaktifkan Mekanisme Contoh" in dialogs[0]
    expect(admin.locator("#mekanisme-contoh")).to_contain_text("Nonaktif")

    staff_a = new_page()
    sign_in(staff_a, base, a["staff"].nip)
    expect(staff_a.get_by_role("heading", level=1)).to_have_text("Selamat datang, Staf A")
    expect(mechanism_menu(staff_a)).to_have_count(0)
    expect(staff_a.locator("body")).not_to_contain_text("Mekanisme Contoh")
    console.allow_status(404)
    response = staff_a.goto(f"{base}/m/contoh/")
    assert response.status == 404
    expect(staff_a.get_by_role("heading", level=1)).to_have_text("Halaman tidak ditemukan")

    staff_b = new_page()
    sign_in(staff_b, base, b["staff"].nip)
    expect(mechanism_menu(staff_b)).to_have_count(1)
    assert staff_b.goto(f"{base}/m/contoh/").status == 200

    _switch(admin, base, a["top"].id, "Aktifkan")
    expect(admin.locator("#mekanisme-contoh")).to_contain_text("Aktif")
    staff_a.goto(f"{base}/")
    expect(mechanism_menu(staff_a)).to_have_count(1)
    assert staff_a.goto(f"{base}/m/contoh/").status == 200


def test_without_javascript_sign_in_and_search_work(new_page, live_server, two_units):
    base = live_server
    page = new_page(javascript=False)
    sign_in(page, base, two_units["sdm"].nip)
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Admin SDM")
    page.goto(f"{base}/pegawai/")
    page.locator("#q").fill("Staf B")
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_url(re.compile(r"/pegawai/\?q=Staf\+B"))
    expect(page.locator("#hasil")).to_contain_text("Staf B")
    expect(page.locator("#hasil")).not_to_contain_text("Staf A")
    page.locator("#hasil").get_by_role("link", name="Staf B").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staf B")


def test_expired_session_in_htmx_request_loads_the_login_page(new_page, live_server, two_units,
                                                              console):
    """An htmx request after sign-out elsewhere goes to the login page, not into #hasil."""
    base = live_server
    console.allow_status(401)
    page = new_page()
    sign_in(page, base, two_units["sdm"].nip)
    page.goto(f"{base}/pegawai/")
    other = page.context.new_page()
    other.goto(f"{base}/")
    other.locator("summary", has_text="Admin SDM").click()
    other.get_by_role("button", name="Keluar").click()
    other.wait_for_url(re.compile(r"/masuk"))
    page.locator("#q").press_sequentially("Staf", delay=40)
    page.wait_for_url(re.compile(r"/masuk\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk")
    expect(page.locator("#hasil")).to_have_count(0)


HEADER_ONLY_POST = """async () => {
    const headers = JSON.parse(document.body.getAttribute('hx-headers'));
    const response = await fetch('/akun/kata-sandi', {method: 'POST', headers: headers});
    return response.status;
}"""


def test_csrf_header_is_fresh_after_sign_in(new_page, live_server, two_units):
    """htmx sends <body hx-headers>; a boosted sign-in would keep the pre-login token there."""
    base = live_server
    page = new_page()
    sign_in(page, base, two_units["A"]["staff"].nip)
    assert page.evaluate(HEADER_ONLY_POST) == 200
    page.locator("summary", has_text="Staf A").click()
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(re.compile(r"/masuk"))
    fill_sign_in(page, two_units["A"]["atasan"].nip, TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    wait_for_home(page, base)
    assert page.evaluate(HEADER_ONLY_POST) == 200
