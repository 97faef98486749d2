"""Browser journey (Chromium) through the core's generic /penempatan/pertukaran pages: the unit
admin records the need → admin SDM approves → a PPPK is shown as refused (PT-01) → the Hi-Po
PNS JF Ahli Madya is nominated → partner, agreement with the signed PKS, schedule → start →
the participant sends a progress report → final evaluation lulus → JP and certificate."""

from __future__ import annotations

import datetime as dt

import pytest
from pertukaran_helpers import ELEMENTS, PDF

from portal.sdk import record_rapor, submit_every_report, today
from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e
BASE = "/penempatan/pertukaran"


@pytest.fixture
def live(make_app, world, serve):
    return serve(make_app())


def open_as(new_page, live, employee):
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    sign_in(page, live, employee.nip)
    return page


def test_pertukaran_journey(live, world, new_page, tmp_path):
    from playwright.sync_api import expect

    admin = open_as(new_page, live, world.units["A"]["admin"])
    admin.goto(f"{live}{BASE}/")
    admin.get_by_role("button", name="Kebutuhan dan kandidat").click()
    admin.get_by_role("button", name="Catat kebutuhan").click()
    admin.select_option("#unit_id", str(world.unit.id))
    admin.fill("#kompetensi", "Pembiayaan kreatif infrastruktur")
    admin.select_option("#basis", "karier")
    admin.fill("#target", "Pegawai Hi-Po menguasai skema KPBU.")
    admin.get_by_role("button", name="Simpan kebutuhan").click()
    expect(admin.locator("h1")).to_contain_text("Pembiayaan kreatif infrastruktur")
    need_url = admin.url

    sdm = open_as(new_page, live, world.units["sdm"])
    sdm.goto(need_url)
    sdm.get_by_role("button", name="Setujui kebutuhan").click()
    expect(sdm.locator("main")).to_contain_text("Disetujui unit SDM")

    admin.goto(need_url)
    admin.fill("#nip", world.pppk.nip)
    admin.get_by_role("button", name="Periksa kelayakan").click()
    expect(admin.locator("main")).to_contain_text("PT-01")
    expect(admin.locator("main")).to_contain_text("PPPK tidak dapat")
    admin.fill("#nip", world.hipo.nip)
    admin.get_by_role("button", name="Periksa kelayakan").click()
    admin.get_by_role("button", name="Usulkan Dewi Hipo sebagai kandidat").click()
    expect(admin.locator("h1")).to_contain_text("Peserta pertukaran: Dewi Hipo")
    detail_url = admin.url

    admin.select_option("#host_type", "bumn")
    admin.fill("#host_name", "PT Sarana Multi Infrastruktur (Persero)")
    admin.select_option("#locus", "nasional")
    admin.fill("#mentor_name", "Hendra Wijaya")
    admin.fill("#mentor_institution", "PT SMI")
    admin.fill("#role_at_host", "Manajer Keuangan Proyek")
    admin.select_option("#variant", "keunggulan")
    admin.select_option("#approach", "dua_arah")
    admin.fill("#approach_detail", "Rina Kartika, PT SMI, Manajer Proyek")
    admin.fill("#extra_kewenangan_dibatasi", "Tidak menandatangani kontrak.")
    admin.get_by_role("button", name="Simpan data penerima").click()
    expect(admin.locator("main")).to_contain_text("Rina Kartika")

    admin.get_by_text("Isi/ubah perjanjian dan unggah dokumen").click()
    for key, text in ELEMENTS.items():
        admin.fill(f"#element_{key}", text)
    pks = tmp_path / "pks.pdf"
    pks.write_bytes(PDF)
    admin.set_input_files("#dokumen", str(pks))
    admin.get_by_role("button", name="Simpan perjanjian").click()
    expect(admin.locator("main")).to_contain_text("Perjanjian tersimpan.")
    admin.fill("#continuity_note", "Tugas dilimpahkan ke pelaksana harian selama pertukaran")  # PT-11
    admin.get_by_role("button", name="Simpan pemeriksaan").click()
    expect(admin.locator("section[aria-labelledby=ditinggalkan]")).to_contain_text("pelaksana harian")

    start = today() - dt.timedelta(days=76)  # praktik ended yesterday: the evaluation may follow (PT-07)
    admin.fill("#start_date", start.isoformat())
    admin.fill("#end_date", (start + dt.timedelta(days=75)).isoformat())
    admin.select_option("#cadence", "bulanan")
    admin.get_by_role("button", name="Simpan jadwal").click()
    expect(admin.locator("main")).to_contain_text("Pembekalan oleh instansi pengirim")
    admin.get_by_role("button", name="Mulai pertukaran pegawai").click()
    expect(admin.locator(".badge").first).to_contain_text("Berjalan")

    participant = open_as(new_page, live, world.hipo)
    participant.goto(detail_url)
    participant.select_option("#period_no", "1")
    participant.fill("#content", "Bulan pertama: memetakan skema pembiayaan proyek.")
    participant.get_by_role("button", name="Kirim laporan").click()
    expect(participant.locator("main")).to_contain_text("Laporan kinerja terkirim")
    submit_every_report(participant)  # the other months and the final report (PT-07)

    admin.goto(detail_url)
    record_rapor(admin)
    admin.select_option("#method", "presentasi")
    admin.check("input[name=outcome][value=lulus]")
    admin.fill("#reward", "Pelatihan kepemimpinan singkat.")
    admin.get_by_role("button", name="Simpan hasil evaluasi akhir").click()
    expect(admin.locator("main")).to_contain_text("Sertifikat elektronik diterbitkan (G-06)")

    participant.goto(f"{live}/jp/saya")
    expect(participant.locator("body")).to_contain_text("Pertukaran PNS dengan Pegawai Swasta/BUMN/BUMD")
    participant.goto(f"{live}/sertifikat/saya")
    expect(participant.locator("main")).to_contain_text("Pertukaran PNS dengan Pegawai Swasta/BUMN/BUMD")
