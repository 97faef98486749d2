"""Browser journey (issue 19 item 3): an employee opens *Pengaturan surel* from the menu under
their name, chooses the daily digest for tasks and no mail for certificates, saves, and finds
the choice kept; a decision on their report then appears as a notice in the inbox. Admin SDM
opens the outbox, where the decision mail waits as *ditahan* (no SMTP in development)."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.inbox.notices import notify
from portal.mail.delivery import deliver_pending
from portal.mail.producers import produce_notices
from portal.testing_browser import CHROMIUM, browser_required, sign_in

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)", allow_module_level=True)
if not browser_required():
    pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.e2e


def test_an_employee_chooses_how_mail_reaches_them_and_admin_sdm_reads_the_outbox(
        new_page, live_server, two_units, app):
    staff = two_units["A"]["staff"]
    staff.email = "staf.a@pu.go.id"
    db.session.commit()
    base = live_server

    page = new_page()
    sign_in(page, base, staff.nip)
    page.locator("summary", has_text=staff.nama).click()
    page.get_by_role("link", name="Pengaturan surel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pengaturan surel")
    expect(page.locator("main")).to_contain_text("staf.a@pu.go.id")
    page.locator("fieldset", has_text="Tugas yang menunggu saya").get_by_label("Ringkasan harian").check()
    page.locator("fieldset", has_text="Sertifikat elektronik").get_by_label("Tidak usah").check()
    page.get_by_role("button", name="Simpan pilihan").click()
    expect(page.locator(".flash")).to_contain_text("Pilihan surel disimpan")
    expect(page.locator("fieldset", has_text="Sertifikat elektronik").get_by_label("Tidak usah")).to_be_checked()

    notify([staff], "Laporan pelatihan Anda diverifikasi", "JP telah dicatat.", kind="keputusan", url="/jp/saya")
    db.session.commit()
    page.goto(f"{base}/kotak-masuk")
    expect(page.locator("main")).to_contain_text("Laporan pelatihan Anda diverifikasi")
    with app.test_request_context("/"):
        produce_notices()
        deliver_pending()

    sdm = new_page()
    sign_in(sdm, base, two_units["sdm"].nip)
    sdm.goto(f"{base}/admin/kotak-keluar")
    expect(sdm.locator("main")).to_contain_text("SMTP belum diatur")
    row = sdm.locator("tr", has_text="staf.a@pu.go.id")
    expect(row).to_contain_text("Ditahan")
    row.get_by_role("link", name="Laporan pelatihan Anda diverifikasi").click()
    expect(sdm.locator("pre")).to_contain_text("/jp/saya")
