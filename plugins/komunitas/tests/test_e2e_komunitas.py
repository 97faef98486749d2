"""Browser journey (Chromium): propose → pimpinan signs → admin SDM approves → schedule →
attendance → JP on the participant's page → recap XLSX with the right numbers."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from portal.sdk import today
from portal.testing import TEST_PASSWORD
from portal.testing_browser import fill_sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(make_app, two_units, serve):
    return serve(make_app())


def signed_in(browser, base, employee):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    page.goto(f"{base}/masuk")
    fill_sign_in(page, employee.nip, TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")
    return page


def test_komunitas_journey(live, browser, two_units, people):
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    a = two_units["A"]
    unit = a["sub"]
    koordinator = people.person(unit, nama="Koordinator A", supervisor=a["atasan"])
    k = "/m/komunitas"

    admin = signed_in(browser, live, a["admin"])
    admin.goto(f"{live}{k}/koordinator")
    admin.select_option("#unit_id", str(unit.id))
    admin.fill("#nip", koordinator.nip)
    admin.get_by_role("button", name="Tunjuk koordinator").click()
    expect(admin.locator("table")).to_contain_text("Koordinator A")

    koor = signed_in(browser, live, koordinator)
    koor.goto(f"{live}{k}/rencana")  # KB-11: the plan, material and speakers before the proposal
    koor.select_option("#unit_id", str(unit.id))
    koor.fill("#kebutuhan", "Kesenjangan kompetensi BIM")
    koor.fill("#rencana", "Berbagi pengetahuan bulanan")
    koor.fill("#materi", "Penerapan BIM pada proyek jalan")
    koor.fill("#pemateri", "JF Ahli Madya; pakar dari perguruan tinggi")
    koor.get_by_role("button", name="Laporkan ke unit SDM").click()
    expect(koor.locator("table")).to_contain_text("Dilaporkan ke unit SDM")
    koor.goto(f"{live}{k}/usulan/baru")
    koor.select_option("#unit_id", str(unit.id))
    koor.fill("#latar_belakang", "Kebutuhan BIM di unit.")
    koor.fill("#topik", "Penerapan BIM")
    koor.select_option("#bentuk", "berbagi_pengetahuan")
    koor.fill("#target", "Pegawai mampu memakai BIM.")
    koor.fill("#peserta", "Pegawai fungsional")
    koor.fill("#jadwal", "Selasa 09.00 WIB")
    koor.fill("#tempat", "Ruang rapat")
    koor.get_by_role("button", name="Simpan usulan").click()
    koor.get_by_role("button", name="Ajukan ke pimpinan unit").click()
    expect(koor.locator(".badge")).to_contain_text("Menunggu tanda tangan")
    proposal_url = koor.url

    head = signed_in(browser, live, a["atasan"])
    head.goto(proposal_url)
    head.get_by_role("button", name="Tandatangani usulan").click()
    expect(head.locator(".badge")).to_contain_text("Menunggu verifikasi admin SDM")

    sdm = signed_in(browser, live, two_units["sdm"])
    sdm.goto(proposal_url)
    sdm.get_by_role("button", name="Setujui usulan").click()
    expect(sdm.locator(".badge")).to_contain_text("Disetujui")

    koor.goto(proposal_url)
    koor.get_by_role("button", name="Jadwalkan pertemuan").click()
    koor.fill("#judul", "Sesi BIM pertama")
    koor.fill("#tanggal", today().isoformat())
    koor.fill("#jam_mulai", "09:00")
    koor.fill("#jam_selesai", "11:00")
    koor.fill("#tempat", "Aula")
    koor.get_by_role("button", name="Jadwalkan", exact=True).click()
    koor.fill("#q", a["staff"].nip)
    koor.select_option("#role", "peserta")
    koor.get_by_role("button", name="Cari dan tambahkan").click()
    expect(koor.locator("table")).to_contain_text("Staf A")
    koor.get_by_role("button", name="Hadir", exact=True).click()
    expect(koor.locator("table")).to_contain_text("Hadir")
    koor.get_by_role("button", name="Terbitkan sertifikat (KB-09)").click()
    expect(koor.locator("main")).to_contain_text("1 sertifikat elektronik diterbitkan (KB-09)")

    staff = signed_in(browser, live, a["staff"])
    staff.goto(f"{live}/jp/saya")
    expect(staff.locator("body")).to_contain_text("Sesi BIM pertama")
    staff.goto(f"{live}/sertifikat/saya")
    expect(staff.locator("main")).to_contain_text("Sesi BIM pertama")

    admin.goto(f"{live}{k}/rekap?unit={unit.id}")
    with admin.expect_download() as download:
        admin.get_by_role("button", name="Unduh XLSX").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    staff_row = next(r for r in rows if r and r[1] == "Staf A")
    assert [Decimal(str(v)) for v in staff_row[4:9]] == [2, 0, 0, 0, 2]
