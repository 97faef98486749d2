"""Browser journey on a phone (390 × 844, issue 18): sign in → home → Pengembangan Saya →
report a formal training, through the folded "Menu", with no page wider than the screen and
every required field of the report form marked."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"


def test_on_a_phone_sign_in_see_my_development_and_report_a_training(new_page, serve, make_app, two_units,
                                                                       tmp_path):
    from playwright.sync_api import expect

    base = serve(make_app())
    staff = two_units["A"]["staff"]
    day = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, base, staff.nip)
    assert page.evaluate(FITS)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")

    page.locator("summary", has_text="Menu").click()
    page.locator("summary", has_text="Pengembangan").click()
    page.locator("nav").get_by_role("link", name="Pengembangan Saya", exact=True).click()
    page.wait_for_url(f"{base}/jp/saya")
    expect(page.locator("main")).to_contain_text("0 JP dari target 20 JP")
    assert page.evaluate(FITS)

    page.locator("summary", has_text="Menu").click()
    page.locator("summary", has_text="Mekanisme").click()
    page.locator("nav").get_by_role("link", name="Pelatihan formal").first.click()
    page.get_by_role("link", name="Laporkan pelatihan").first.click()
    page.wait_for_url(f"{base}/m/formal/baru")
    assert page.evaluate(FITS)
    # All seven fields are required, and all seven labels say so.
    assert page.locator("main form label:has(input[required], select[required], textarea[required])").count() == 7
    assert page.locator("main form label:has([required]) span[aria-hidden='true']", has_text="*").count() == 7
    page.get_by_label("Nama pelatihan").fill("Bimtek Perencanaan Drainase")
    page.get_by_label("Jenis pelatihan").select_option("bimtek")
    page.get_by_label("Penyelenggara").fill("BPSDM PUPR")
    page.get_by_label("Tanggal mulai").fill(day)
    page.get_by_label("Tanggal selesai").fill(day)
    page.get_by_label("JP pada sertifikat").fill("12")
    certificate = tmp_path / "sertifikat.pdf"
    certificate.write_bytes(PDF)
    page.get_by_label("Berkas sertifikat (PDF, PNG atau JPG)").set_input_files(str(certificate))
    page.get_by_role("button", name="Kirim laporan").click()
    expect(page.locator("main")).to_contain_text("Bimtek Perencanaan Drainase")
    assert page.evaluate(FITS)
