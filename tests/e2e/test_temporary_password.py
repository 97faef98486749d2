"""Browser journey, no impersonation path (issue 15 item 2): the unit admin sets a temporary
password; the employee signs in with it, is held on the change page until they choose their
own, reads the notice in their inbox; the API token they had before is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.api import tokens
from portal.extensions import db
from portal.models import Account
from portal.testing_browser import CHROMIUM, browser_required, fill_sign_in, sign_in

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)", allow_module_level=True)
if not browser_required():
    pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402


def test_temporary_password_forces_a_change_and_ends_the_old_api_token(new_page, live_server, two_units):
    staff, admin = two_units["A"]["staff"], two_units["A"]["admin"]
    account = db.session.scalar(select(Account).where(Account.employee_id == staff.id))
    _, token = tokens.create(account, "skrip rekap")
    db.session.commit()
    base = live_server

    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, base, admin.nip)
    page.goto(f"{base}/pegawai/{staff.id}")
    page.get_by_role("button", name="Buat kata sandi sementara").click()
    expect(page.locator("main")).to_contain_text("hanya ditampilkan sekali")
    expect(page.locator("main")).to_contain_text("token API akun ini telah diakhiri")
    password = page.locator("code.big").inner_text().strip()

    user = new_page()
    user.goto(f"{base}/masuk")
    fill_sign_in(user, staff.nip, password)
    user.get_by_role("button", name="Masuk").click()
    user.wait_for_url(f"{base}/akun/kata-sandi")
    expect(user.locator("main")).to_contain_text("Anda masuk dengan kata sandi sementara")
    user.goto(f"{base}/jp/saya")  # nothing else opens before the change
    user.wait_for_url(f"{base}/akun/kata-sandi")

    user.locator("#current").fill(password)
    user.locator("#new").fill("kalimat-rahasia-milik-saya")
    user.locator("#confirm").fill("kalimat-rahasia-milik-saya")
    user.get_by_role("button", name="Simpan kata sandi").click()
    user.wait_for_url(f"{base}/")
    user.goto(f"{base}/kotak-masuk")
    expect(user.locator("main")).to_contain_text("Kata sandi sementara dibuat untuk akun Anda")

    answer = user.request.get(f"{base}/api/v1/plugins", headers={"Authorization": f"Bearer {token}"})
    assert answer.status == 401 and "dicabut" in answer.json()["message"]
