"""Browser journey: bulk-issue certificates, watch the progress bar, download the ZIP, open a
verification link as an anonymous visitor (Chromium via Playwright; fixtures from conftest)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest

from portal.extensions import db
from portal.testing_browser import CHROMIUM, browser_required, sign_in
from tests.certificate_helpers import entry_for, flat, pdf_text

pytestmark = pytest.mark.e2e

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)", allow_module_level=True)
if not browser_required():
    pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

COUNT = 8


def test_bulk_issue_progress_zip_and_verification(new_page, live_server, two_units, artifacts, tmp_path):
    staff = two_units["A"]["staff"]
    for index in range(COUNT):
        entry_for(staff, title=f"Rapat koordinasi {index}", jp=2, reference=f"rapat-{index}",
                  day=dt.date(2026, 4, 1 + index))
    db.session.commit()
    base = live_server
    page = new_page()
    sign_in(page, base, two_units["A"]["admin"].nip)

    page.goto(f"{base}/sertifikat/massal/?mekanisme=magang&dari=2026-04-01&sampai=2026-04-30")
    expect(page.locator("main")).to_contain_text(f"{COUNT} entri JP belum bersertifikat")
    page.get_by_role("button", name=f"Terbitkan {COUNT} sertifikat").click()
    page.wait_for_url(re.compile(r"/sertifikat/massal/\d+$"))
    page.evaluate("window.__samePage = 'ya'")
    expect(page.locator("#job-progress")).to_be_visible()
    page.screenshot(path=str(artifacts / "sertifikat-massal-proses.png"), full_page=True)
    # htmx polls the status fragment every second until the job is finished.
    expect(page.locator("#job-status")).to_contain_text(f"{COUNT} dari {COUNT} diproses", timeout=60_000)
    expect(page.locator("#job-status [data-status]")).to_have_text("Selesai")
    assert page.evaluate("window.__samePage") == "ya"  # updated in place, not reloaded
    expect(page.locator("#job-progress")).to_have_attribute("value", str(COUNT))
    page.screenshot(path=str(artifacts / "sertifikat-massal-selesai.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh semua sertifikat (ZIP)").click()
    archive = tmp_path / "sertifikat.zip"
    download.value.save_as(archive)
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert len(names) == COUNT
        text = flat(pdf_text(zipped.read(names[0])))
    assert staff.nama in text and "SERTIFIKAT" in text
    link = re.search(r"/verifikasi/[A-Za-z0-9_-]{20,64}", text).group(0)

    visitor = new_page()
    visitor.goto(f"{base}{link}")
    expect(visitor.locator("main")).to_contain_text("Sertifikat ini SAH")
    expect(visitor.locator("main")).to_contain_text(staff.nama)
    expect(visitor.locator("main")).not_to_contain_text(staff.nip)
    visitor.screenshot(path=str(artifacts / "verifikasi.png"), full_page=True)
