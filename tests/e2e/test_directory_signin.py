"""Browser journey: sign in with the ministry directory (issue 20 item 4) against a real
OpenLDAP ``slapd`` on a loopback port — right password, wrong password, a directory user not
in the portal, and the directory down (message, then the local password still works)."""

from __future__ import annotations

import re

import pytest

from portal.testing import TEST_PASSWORD
from portal.testing_browser import CHROMIUM, browser_required, fill_sign_in
from tests.slapd_server import slapd  # noqa: F401 - the fixture

pytestmark = pytest.mark.e2e

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)", allow_module_level=True)
if not browser_required():
    pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

DIRECTORY_PASSWORD = "sandi-direktori-7"
OUTSIDER_NIP = "199001012015011001"


def attempt(page, base: str, nip: str, password: str) -> None:
    page.goto(f"{base}/masuk")
    fill_sign_in(page, nip, password)
    page.get_by_role("button", name="Masuk").click()


def test_directory_sign_in_journey(serve, make_app, two_units, slapd, new_page, artifacts):  # noqa: F811
    # serve first: the pages (and the home page's htmx cards) close before the server stops
    staff = two_units["A"]["staff"]
    slapd.add_person("staf-a", staff.nip, DIRECTORY_PASSWORD)
    slapd.add_person("tamu", OUTSIDER_NIP, "sandi-tamu-1")
    base = serve(make_app(**slapd.config()))

    right = new_page()
    attempt(right, base, staff.nip, DIRECTORY_PASSWORD)
    right.wait_for_url(f"{base}/")
    expect(right.locator("body")).to_contain_text(staff.nama)
    right.wait_for_load_state("networkidle")

    wrong = new_page()
    attempt(wrong, base, staff.nip, "bukan-sandinya")
    expect(wrong.locator("main")).to_contain_text("NIP atau kata sandi salah.")
    assert re.search(r"/masuk", wrong.url)

    outsider = new_page()
    attempt(outsider, base, OUTSIDER_NIP, "sandi-tamu-1")
    expect(outsider.locator("main")).to_contain_text("belum memiliki akun di portal")

    slapd.stop()
    down = new_page()
    attempt(down, base, staff.nip, DIRECTORY_PASSWORD)
    expect(down.locator("main")).to_contain_text(
        "Direktori kementerian (LDAP) sedang tidak dapat dihubungi")
    down.screenshot(path=str(artifacts / "direktori-tidak-tersedia.png"), full_page=True)
    attempt(down, base, staff.nip, TEST_PASSWORD)  # the local password where allowed
    down.wait_for_url(f"{base}/")
    down.wait_for_load_state("networkidle")
