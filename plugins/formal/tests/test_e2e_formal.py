"""Browser journey (Chromium): the employee sees their progress, reports a formal training,
the atasan verifies it from the inbox, and the JP appears with the 70:20:10 mix updated."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_report_verify_and_see_jp_and_mix(new_page, serve, make_app, two_units, tmp_path):
    from playwright.sync_api import expect

    base = serve(make_app())
    staff, atasan = two_units["A"]["staff"], two_units["A"]["atasan"]
    day = (dt.date.today() - dt.timedelta(days=3)).isoformat()

    employee = new_page()
    sign_in(employee, base, staff.nip)
    employee.goto(f"{base}/jp/saya")
    expect(employee.locator("main")).to_contain_text("0 JP dari target 20 JP")

    employee.goto(f"{base}/m/formal/baru")
    employee.get_by_label("Nama pelatihan").fill("Bimtek Perencanaan Drainase")
    employee.get_by_label("Jenis pelatihan").select_option("bimtek")
    employee.get_by_label("Penyelenggara").fill("BPSDM PUPR")
    employee.get_by_label("Tanggal mulai").fill(day)
    employee.get_by_label("Tanggal selesai").fill(day)
    employee.get_by_label("JP pada sertifikat").fill("12")
    certificate = tmp_path / "sertifikat.pdf"
    certificate.write_bytes(PDF)
    employee.get_by_label("Berkas sertifikat (PDF, PNG atau JPG)").set_input_files(str(certificate))
    employee.get_by_role("button", name="Kirim laporan").click()
    expect(employee.locator("main")).to_contain_text("Bimtek Perencanaan Drainase")

    supervisor = new_page()
    supervisor.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    sign_in(supervisor, base, atasan.nip)
    supervisor.goto(f"{base}/kotak-masuk")
    supervisor.get_by_role("link", name="Bimtek Perencanaan Drainase").first.click()
    supervisor.get_by_role("button", name="Verifikasi dan catat 12 JP").click()
    expect(supervisor.locator("main")).to_contain_text("12 JP dicatat (FL-01)")

    employee.goto(f"{base}/jp/saya")
    expect(employee.locator("main")).to_contain_text("12 JP dari target 20 JP")
    expect(employee.locator("figure desc").filter(has_text="Model 10")).to_contain_text("Model 10: 12 JP")
