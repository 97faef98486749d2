"""What people see (issue 18), in Chromium on the demo data:

- a crawl as admin SDM, admin unit, atasan and pegawai opens one page per page kind at 390 px
  and finds none wider than the screen and no critical, serious or moderate axe-core violation;
- sign-in and navigation work with the keyboard alone.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from portal.demo.loader import DEMO_PASSWORD
from portal.extensions import db
from portal.models import Account
from portal.testing_browser import CHROMIUM, browser_required, fill_sign_in
from tests.e2e.crawl import Crawl, rule_resolver, with_axe

pytestmark = pytest.mark.e2e

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)", allow_module_level=True)

PHONE = {"width": 390, "height": 844}


def _demo(make_app):
    app = make_app()
    result = app.test_cli_runner().invoke(args=["demo", "load", "--scale", "small", "--seed", "3"])
    assert result.exit_code == 0, result.output
    return app


def _accounts(app) -> dict[str, str]:
    """One demo sign-in per kind of user, by the roles the account holds."""
    found: dict[str, str] = {}
    with app.app_context():
        for account in db.session.scalars(select(Account).order_by(Account.id)):
            roles = account.roles
            if "admin_sdm" in roles:
                kind = "admin_sdm"
            elif "admin_unit" in roles:
                kind = "admin_unit"
            elif "atasan" in roles and "pimpinan_unit" not in roles:
                kind = "atasan"
            elif roles <= {"pegawai"}:
                kind = "pegawai"
            else:
                continue
            found.setdefault(kind, account.employee.nip)
    return found


def _sign_in(page, base: str, nip: str) -> None:
    page.goto(f"{base}/masuk")
    fill_sign_in(page, nip, DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


def test_every_page_kind_fits_a_phone_and_passes_axe(make_app, serve, new_page, console):
    app = _demo(make_app)
    base = serve(app)
    accounts = _accounts(app)
    assert set(accounts) == {"admin_sdm", "admin_unit", "atasan", "pegawai"}, accounts
    for code in (403, 404):  # links a role sees but may not open are skipped, not errors
        console.allow_status(code)
    crawl = Crawl(base, rule_resolver(app))
    started = time.monotonic()
    for kind in ("admin_sdm", "admin_unit", "atasan", "pegawai"):
        page = new_page()
        page.set_viewport_size(PHONE)
        with_axe(page.context)
        _sign_in(page, base, accounts[kind])
        crawl.run(page, kind)
        page.context.close()
    elapsed = time.monotonic() - started
    report = "\n".join(f"{f.role} {f.url.removeprefix(base)}: {f.problem}" for f in crawl.findings)
    assert crawl.findings == [], report
    assert len(crawl.visited) >= 60, crawl.visited  # the crawl reached the portal's page kinds
    assert {role for role, _ in crawl.visited} == set(accounts)
    print(f"{len(crawl.visited)} page kinds in {elapsed:.0f} s")


def test_keyboard_only_sign_in_and_navigation(live_server, two_units, new_page):
    from playwright.sync_api import expect

    from portal.testing import TEST_PASSWORD

    base, staff = live_server, two_units["A"]["staff"]
    page = new_page()
    page.goto(f"{base}/masuk")
    focused = ("() => document.activeElement && (document.activeElement.name || "
               "document.activeElement.textContent.trim())")
    for _ in range(10):  # Tab from the top of the page to the NIP field
        page.keyboard.press("Tab")
        if page.evaluate(focused) == "nip":
            break
    page.keyboard.type(staff.nip)
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == "password"
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/")

    page.keyboard.press("Tab")  # the first stop is the skip link, and it moves to the content
    assert page.evaluate(focused) == "Lewati ke konten utama"
    # Through the navigation with Tab, open "Pengembangan" with Enter, follow its first link.
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate(focused) == "Pengembangan":
            break
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == "Pengembangan Saya"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/jp/saya")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pengembangan Saya")


def test_phone_menu_opens_without_javascript(live_server, two_units, new_page):
    """At 390 px the navigation is one "Menu" button that opens (a <details>), even with
    JavaScript off, and the header stays short."""
    from playwright.sync_api import expect

    from portal.testing_browser import sign_in

    base = live_server
    page = new_page(javascript=False)
    page.set_viewport_size(PHONE)
    sign_in(page, base, two_units["A"]["staff"].nip)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 120
    expect(page.get_by_role("link", name="Tim & Unit")).to_be_hidden()
    page.locator("summary", has_text="Menu").click()
    page.locator("summary", has_text="Pengembangan").click()
    page.locator("nav").get_by_role("link", name="Pengembangan Saya", exact=True).click()
    page.wait_for_url(f"{base}/jp/saya")
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
