"""Browser journey (Chromium), Lamp. I mentoring: the unit lists → the head validates → the
employee picks the area and asks another mentor → the supervisor approves (CU-03) → the mentor
accepts → agreement confirmed by both → three meetings in one month confirmed → JP on the
mentee's Pengembangan Saya with the 3rd not counted (CU-03) → evaluation → certificate."""

from __future__ import annotations

import pytest
from unit_fixtures import BASE, last_month, unit_world_fixture  # noqa: F401

from portal.testing import TEST_PASSWORD
from portal.testing_browser import fill_sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(make_app, unit_world, serve):
    return serve(make_app())


def signed_in(browser, base, employee):
    page = browser.new_context().new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    page.goto(f"{base}/masuk")
    fill_sign_in(page, employee.nip, TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")
    return page


def test_unit_mentoring_journey(live, browser, unit_world):
    from playwright.sync_api import expect

    w = unit_world
    u = f"{live}{BASE}"

    admin = signed_in(browser, live, w.admin)
    admin.goto(f"{u}/inventarisasi")
    admin.get_by_text("Tambah pegawai ke inventarisasi").click()
    admin.fill("#nip", w.staff.nip)
    admin.get_by_label("Mentoring", exact=True).check()
    admin.fill("#alasan", "Kesenjangan kompetensi teknis penyusunan KAK.")
    admin.get_by_role("button", name="Tambahkan").click()
    expect(admin.locator("#hasil")).to_contain_text("Menunggu validasi pimpinan unit")

    atasan = signed_in(browser, live, w.atasan)
    atasan.goto(f"{u}/inventarisasi")
    atasan.get_by_role("button", name="Validasi", exact=True).click()
    expect(atasan.locator("#hasil")).to_contain_text("Divalidasi pimpinan unit")

    staff = signed_in(browser, live, w.staff)
    staff.goto(f"{u}/")
    staff.get_by_role("link", name="Tentukan area pengembangan").click()
    staff.select_option("#area_standard", "teknis")
    staff.fill("#area", "Penyusunan kerangka acuan kerja")
    staff.get_by_role("button", name="Simpan area pengembangan").click()
    staff.get_by_role("link", name="Ajukan mentoring").click()
    staff.get_by_label("Pihak lain").check()
    staff.fill("#nip", w.mentor.nip)
    staff.fill("#kegiatan", "Penyusunan KAK paket jalan nasional.")
    staff.get_by_role("button", name="Kirim permohonan").click()
    expect(staff.locator("main")).to_contain_text("Menunggu persetujuan atasan langsung")
    pair_url = staff.url

    atasan.goto(pair_url)
    atasan.get_by_role("button", name="Setujui mentor").click()
    expect(atasan.locator("main")).to_contain_text("Menunggu jawaban coach/mentor")

    mentor = signed_in(browser, live, w.mentor)
    mentor.goto(pair_url)
    mentor.get_by_role("button", name="Terima permohonan").click()
    mentor.fill("#tujuan", "Mampu menyusun KAK secara mandiri.")
    mentor.fill("#sasaran", "Draf KAK paket jalan dalam dua bulan.")
    mentor.get_by_role("button", name="Simpan kesepakatan").click()

    staff.goto(pair_url)
    staff.get_by_role("button", name="Konfirmasi kesepakatan").click()
    expect(staff.locator("main")).to_contain_text("Berjalan")

    for day, topik in ((2, "Rencana kerja"), (9, "Hambatan lapangan"), (16, "Umpan balik draf")):
        staff.get_by_text("Catat pertemuan", exact=True).click()
        staff.fill("#tanggal", last_month(day).isoformat())
        staff.fill("#topik", topik)
        staff.fill("#hasil", "Langkah berikutnya disepakati.")
        staff.get_by_role("button", name="Simpan pertemuan").click()
        expect(staff.locator("table")).to_contain_text(topik)

    mentor.goto(pair_url)
    confirm = mentor.get_by_role("button", name="Konfirmasi", exact=True)
    for left in (2, 1, 0):
        confirm.first.click()
        expect(confirm).to_have_count(left)
    expect(mentor.locator("table")).to_contain_text("Tidak dihitung")

    staff.goto(f"{live}/jp/saya")
    # CM-01: the JP page names the meeting neutrally, never its topic.
    expect(staff.locator("body")).to_contain_text("Mentoring unit kerja — pertemuan 3")
    expect(staff.locator("body")).not_to_contain_text("Umpan balik draf")
    expect(staff.locator("body")).to_contain_text("Paling banyak 2 pertemuan mentoring per bulan yang dihitung (CU-03)")

    for page, text in ((staff, "Sangat membantu penyusunan KAK."), (mentor, "Mentee berkomitmen tinggi.")):
        page.goto(pair_url)
        page.get_by_text("Isi evaluasi akhir").click()
        page.fill("#evaluasi", text)
        page.get_by_role("button", name="Simpan evaluasi").click()
    expect(mentor.locator("main")).to_contain_text("sertifikat elektronik")

    staff.goto(f"{live}/sertifikat/saya")
    expect(staff.locator("main")).to_contain_text("Mentoring unit kerja")  # CM-01: neutral certificate title
    expect(staff.locator("main")).not_to_contain_text("Penyusunan kerangka acuan kerja")
