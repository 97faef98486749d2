"""Browser journey (Chromium): from the participant unit's proposal through the ten steps of
Tabel 5, execution and report, to the e-certificate on the employee's page."""

from __future__ import annotations

import pytest

from portal.sdk import db, today
from portal.testing import TEST_PASSWORD
from portal.testing_browser import fill_sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(make_app, two_units, serve):
    two_units["A"]["staff"].hipo = True  # G-03: talent potential
    db.session.commit()
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


def test_patok_banding_journey(live, browser, two_units):
    from playwright.sync_api import expect

    a = two_units["A"]
    day = today().isoformat()
    steps = "table >> nth=0"

    admin = signed_in(browser, live, a["admin"])
    admin.goto(f"{live}/m/patok_banding/")
    admin.get_by_role("link", name="Buat patok banding").first.click()
    admin.select_option("#unit_id", str(a["top"].id))
    admin.fill("#judul", "Pengelolaan SPAM terpadu")
    admin.get_by_role("button", name="Simpan").click()
    expect(admin.locator("h1")).to_have_text("Pengelolaan SPAM terpadu")
    admin.select_option("#unit_id", str(a["sub"].id))
    admin.fill("#kompetensi", "Pengelolaan SPAM")
    admin.get_by_role("button", name="Tambah usulan kebutuhan").click()
    expect(admin.locator("main")).to_contain_text("Usulan kebutuhan dicatat")
    admin.get_by_role("button", name="Selesaikan langkah 1").click()
    admin.fill("#lembaga_tujuan", "Perumda Air Minum Surya Sembada")
    admin.fill("#keunggulan_komparatif", "Cakupan layanan air minum tertinggi di antara PDAM.")
    admin.fill("#lembaga_sejenis", "PDAM Kota Bandung")
    admin.get_by_role("button", name="Ajukan lembaga tujuan ke admin SDM").click()
    expect(admin.locator(steps)).to_contain_text("oleh Admin A")
    program_url = admin.url

    sdm = signed_in(browser, live, two_units["sdm"])
    sdm.goto(program_url)
    sdm.get_by_role("button", name="Setujui dan tetapkan lembaga tujuan").click()
    sdm.fill("#tanggal_mulai", day)
    sdm.fill("#tanggal_selesai", day)
    sdm.fill("#tempat", "Surabaya")
    sdm.get_by_role("button", name="Simpan jadwal yang disepakati").click()
    sdm.fill("#nip", a["staff"].nip)
    sdm.fill("#peringkat", "1")
    sdm.get_by_role("button", name="Catat kandidat").click()
    expect(sdm.locator("main")).to_contain_text("Memenuhi syarat")
    sdm.get_by_role("button", name="Selesaikan seleksi administrasi").click()
    sdm.fill("#pimpinan_nama", "Kepala BPSDM")  # step 6: the leader's approval, recorded by admin SDM
    sdm.fill("#pimpinan_nip", "196801011990031001")
    sdm.fill("#tanggal_keputusan", day)
    sdm.get_by_role("button", name="Catat persetujuan pimpinan").click()
    sdm.get_by_role("button", name="Buat surat pengusulan").click()
    sdm.get_by_role("button", name="Terbitkan surat penugasan").click()
    expect(sdm.locator("main")).to_contain_text("Langkah 8 selesai")
    with sdm.expect_download() as download:
        sdm.get_by_role("link", name="Surat penugasan nomor").click()
    assert download.value.suggested_filename.endswith(".pdf")

    staff = signed_in(browser, live, a["staff"])
    staff.goto(program_url)
    staff.get_by_role("button", name="Saya menerima surat penugasan").click()
    expect(staff.locator("main")).to_contain_text("Anda menyatakan menerima surat penugasan")

    admin.goto(program_url)
    admin.fill("#uang_harian", "1590000")
    admin.fill("#transportasi", "4200000")
    admin.get_by_role("button", name="Catat biaya").click()
    expect(admin.locator("main")).to_contain_text("Langkah 10 selesai")
    expect(admin.locator("main")).to_contain_text("Rp5.790.000")

    staff.goto(program_url)
    staff.get_by_role("link", name="Pelaksanaan dan laporan").click()
    staff.fill("#best_practice", "Pemantauan kehilangan air berbasis zona.")
    staff.fill("#koordinasi", "Daftar kebutuhan data dikirim sebelum kunjungan.")
    staff.check("#hadir_penuh")
    staff.fill("#data_digali", "SOP dan indikator kinerja.")
    staff.get_by_role("button", name="Simpan catatan pelaksanaan").click()
    expect(staff.locator("main")).to_contain_text("Catatan pelaksanaan patok banding disimpan")
    staff.fill("#laporan", "Hasil patok banding dan rencana penerapan.")
    staff.get_by_role("button", name="Kirim laporan").click()
    expect(staff.locator(".badge")).to_contain_text("menunggu verifikasi")
    participant_url = staff.url

    sdm.goto(participant_url)
    sdm.get_by_role("button", name="Terima laporan dan catat JP").click()
    expect(sdm.locator("main")).to_contain_text("8 JP dihitung")
    sdm.get_by_role("button", name="Terbitkan sertifikat elektronik").click()
    expect(sdm.locator("main")).to_contain_text("Sertifikat elektronik nomor")

    staff.goto(f"{live}/sertifikat/saya")
    expect(staff.locator("main")).to_contain_text("Pengelolaan SPAM terpadu")
    staff.goto(f"{live}/jp/saya")
    expect(staff.locator("body")).to_contain_text("Patok banding: Pengelolaan SPAM terpadu")
