"""Browser journey (Chromium) through the core's generic /penempatan/detasering pages: need →
admin SDM approves → the PNS is nominated → receiving unit with the competency match, signed
assignment letter, set period → start → monitoring report → closing report on the knowledge
transferred → JP and certificate."""

from __future__ import annotations

import datetime as dt

import pytest
from detasering_helpers import PDF

from portal.sdk import record_rapor, submit_every_report, today
from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e
BASE = "/penempatan/detasering"


@pytest.fixture
def live(make_app, world, serve):
    return serve(make_app())


def open_as(new_page, live, employee):
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    sign_in(page, live, employee.nip)
    return page


def test_detasering_journey(live, world, new_page, tmp_path):
    from playwright.sync_api import expect

    admin = open_as(new_page, live, world.units["A"]["admin"])
    admin.goto(f"{live}{BASE}/kebutuhan/baru")
    admin.select_option("#unit_id", str(world.unit.id))
    admin.fill("#kompetensi", "Pengelolaan barang milik negara")
    admin.select_option("#basis", "kebutuhan")
    admin.fill("#target", "Alih pengetahuan pengelolaan aset ke Pemkab Sleman.")
    admin.get_by_role("button", name="Simpan kebutuhan").click()
    expect(admin.locator("h1")).to_contain_text("Pengelolaan barang milik negara")
    need_url = admin.url

    sdm = open_as(new_page, live, world.units["sdm"])
    sdm.goto(need_url)
    sdm.get_by_role("button", name="Setujui kebutuhan").click()
    expect(sdm.locator("main")).to_contain_text("Disetujui unit SDM")

    admin.goto(need_url)
    admin.fill("#nip", world.pppk.nip)
    admin.get_by_role("button", name="Periksa kelayakan").click()
    expect(admin.locator("main")).to_contain_text("DT-01")
    admin.fill("#nip", world.pns.nip)
    admin.get_by_role("button", name="Periksa kelayakan").click()
    admin.get_by_role("button", name="Usulkan Sari Aset sebagai kandidat").click()
    expect(admin.locator("h1")).to_contain_text("Pegawai detasering: Sari Aset")
    detail_url = admin.url

    admin.select_option("#host_type", "instansi")
    admin.fill("#host_name", "Pemerintah Kabupaten Sleman")
    admin.select_option("#locus", "nasional")
    admin.fill("#mentor_name", "Maria Ulfa")
    admin.fill("#mentor_institution", "BPKAD Sleman")
    admin.fill("#role_at_host", "Analis Pengelolaan Aset")
    admin.fill("#extra_kesesuaian_kompetensi", "Lima tahun mengelola BMN.")
    admin.get_by_role("button", name="Simpan data penerima").click()
    expect(admin.locator("main")).to_contain_text("Lima tahun mengelola BMN.")

    admin.get_by_text("Isi/ubah perjanjian dan unggah dokumen").click()
    admin.fill("#element_jabatan", "Analis Pengelolaan Aset, BPKAD Sleman")
    admin.fill("#element_jangka_waktu", "3 bulan")
    admin.fill("#element_tujuan_alih", "Unit penerima menyusun SOP inventarisasi.")
    letter = tmp_path / "surat-penugasan.pdf"
    letter.write_bytes(PDF)
    admin.set_input_files("#dokumen", str(letter))
    admin.get_by_role("button", name="Simpan perjanjian").click()
    expect(admin.locator("main")).to_contain_text("Perjanjian tersimpan.")

    start = today() - dt.timedelta(days=91)  # the secondment ended yesterday: its closing may follow
    admin.fill("#start_date", start.isoformat())
    admin.fill("#end_date", (start + dt.timedelta(days=90)).isoformat())
    admin.select_option("#cadence", "bulanan")
    admin.get_by_role("button", name="Simpan jadwal").click()
    expect(admin.locator("main")).to_contain_text("Pelaksanaan detasering di unit penerima")
    admin.get_by_role("button", name="Mulai detasering").click()
    expect(admin.locator(".badge").first).to_contain_text("Berjalan")

    employee = open_as(new_page, live, world.pns)
    employee.goto(detail_url)
    employee.select_option("#period_no", "1")
    employee.fill("#content", "Bulan pertama: inventarisasi aset bersama staf BPKAD.")
    employee.get_by_role("button", name="Kirim laporan").click()
    expect(employee.locator("main")).to_contain_text("Laporan kinerja terkirim")
    submit_every_report(employee)  # the other months and the final report (DT-01)

    admin.goto(detail_url)
    record_rapor(admin)
    admin.select_option("#method", "laporan_penutup")
    admin.check("input[name=outcome][value=lulus]")
    admin.fill("#extra_laporan_alih_pengetahuan", "SOP inventarisasi disusun; dua staf kini mandiri.")
    admin.get_by_role("button", name="Simpan hasil evaluasi akhir").click()
    expect(admin.locator("main")).to_contain_text("Sertifikat elektronik diterbitkan (G-06)")
    expect(admin.locator("main")).to_contain_text("SOP inventarisasi disusun")

    employee.goto(f"{live}/sertifikat/saya")
    expect(employee.locator("main")).to_contain_text("Detasering")
