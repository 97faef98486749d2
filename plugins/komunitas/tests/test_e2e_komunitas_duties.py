"""Browser journey (Chromium): the koordinator adds a pakar from outside the ministry (KB-12),
records attendance, then undoes a wrongly recorded attendance (the JP is cancelled in the
ledger); the employee's JP page no longer counts it."""

from __future__ import annotations

import pytest

from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e
BASE = "/m/komunitas"


@pytest.fixture
def live(make_app, world, serve):
    return serve(make_app())


def open_as(new_page, live, employee):
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    sign_in(page, live, employee.nip)
    return page


def test_external_pakar_and_undoing_a_wrong_attendance(live, world, new_page):
    from playwright.sync_api import expect

    a = world.units["A"]
    meeting = world.meeting("berbagi_pengalaman")
    assert world.add(meeting, a["staff"], "peserta").status_code == 302

    koor = open_as(new_page, live, world.koordinator)
    koor.goto(f"{live}{BASE}/pertemuan/{meeting.id}")
    koor.get_by_text("Tambah pakar dari luar Kementerian (KB-12)").click()
    koor.fill("#nama_luar", "Dr. Rahmat Hidayat")
    koor.fill("#instansi_luar", "Universitas Gadjah Mada")
    koor.fill("#keahlian_luar", "Geoteknik")
    koor.get_by_role("button", name="Tambahkan pakar dari luar").click()
    expect(koor.locator("table")).to_contain_text("Dr. Rahmat Hidayat")
    expect(koor.locator("table")).to_contain_text("pihak luar, KB-12")

    koor.get_by_role("button", name="Tandai semua hadir").click()
    expect(koor.locator("main")).to_contain_text("ditandai hadir")
    row = koor.locator("tr", has_text=a["staff"].nama)
    row.get_by_text("Batalkan kehadiran").first.click()
    row.get_by_label("Alasan").fill("Tidak hadir; salah centang")
    row.get_by_role("button", name="Batalkan kehadiran").click()
    expect(koor.locator("main")).to_contain_text("JP-nya dibatalkan di buku JP")
    expect(koor.locator("tr", has_text=a["staff"].nama)).to_contain_text("Belum dicatat")

    staff = open_as(new_page, live, a["staff"])
    staff.goto(f"{live}/jp/saya")
    expect(staff.locator("main")).to_contain_text("salah centang")
