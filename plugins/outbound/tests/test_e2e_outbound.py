"""Browser journey (Chromium): the organiser creates a programme → adds a participant →
records attendance → completes it → JP on the participant's Pengembangan Saya and the
certificate under Sertifikat Saya → the participant fills the feedback → recap XLSX."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from portal.sdk import db, today
from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def live(make_app, two_units, serve):
    two_units["A"]["staff"].hipo = True  # G-03: a Hi-Po employee may take part
    db.session.commit()
    return serve(make_app())


def signed_in(new_page, base, employee):
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    sign_in(page, base, employee.nip)
    return page


def test_outbound_journey(live, new_page, two_units):
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    a = two_units["A"]
    start = today() - dt.timedelta(days=2)
    base = f"{live}/m/outbound"

    admin = signed_in(new_page, live, a["admin"])
    admin.goto(f"{base}/program/baru")
    admin.select_option("#unit_id", str(a["sub"].id))
    admin.fill("#judul", "Outbound sinergi tim")
    admin.fill("#tanggal_mulai", start.isoformat())
    admin.fill("#tanggal_selesai", (start + dt.timedelta(days=1)).isoformat())
    admin.fill("#tempat", "Bumi Perkemahan Cibubur")
    admin.fill("#fasilitator", "Widyaiswara BPSDM")
    admin.get_by_label("Permainan").check()
    admin.get_by_label("Petualangan").check()
    admin.get_by_label("Kemampuan komunikasi").check()
    admin.get_by_role("button", name="Simpan program").click()
    expect(admin.locator("h1")).to_contain_text("Outbound sinergi tim")
    programme_url = admin.url

    admin.fill("#q", a["staff"].nip)
    admin.get_by_role("button", name="Cari dan tambahkan").click()
    expect(admin.locator("table")).to_contain_text("Staf A")
    admin.get_by_role("button", name="Hadir", exact=True).click()
    expect(admin.locator("table")).to_contain_text("Hadir")
    admin.get_by_role("button", name="Selesaikan program").click()
    expect(admin.locator("main")).to_contain_text("1 sertifikat elektronik diterbitkan (G-06)")
    expect(admin.locator("h1 .badge")).to_contain_text("Selesai")

    staff = signed_in(new_page, live, a["staff"])
    staff.goto(f"{live}/jp/saya")
    expect(staff.locator("main")).to_contain_text("Outbound sinergi tim")
    expect(staff.locator("main")).to_contain_text("16")
    staff.goto(f"{live}/sertifikat/saya")
    expect(staff.locator("main")).to_contain_text("Outbound sinergi tim")

    staff.goto(f"{live}/kotak-masuk")
    staff.get_by_role("link", name="Isi umpan balik pembelajaran alam terbuka: Outbound sinergi tim").click()
    staff.locator("#dampak_komunikasi-3").check()
    staff.locator("#nilai_tujuan-4").check()
    staff.locator("#nilai_metode-3").check()
    staff.locator("#nilai_fasilitator-4").check()
    staff.fill("#pelajaran", "Kepercayaan antaranggota tim mempercepat keputusan.")
    staff.fill("#penerapan", "Membagi peran di tim proyek sesuai kekuatan.")
    staff.get_by_role("button", name="Kirim umpan balik").click()
    expect(staff.locator("main")).to_contain_text("umpan balik Anda tersimpan (OB-01)")

    admin.goto(programme_url)
    expect(admin.locator("main")).to_contain_text("Kepercayaan antaranggota tim")
    admin.get_by_role("button", name="Rekapitulasi").click()
    with admin.expect_download() as download:
        admin.get_by_role("button", name="Unduh XLSX").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    staff_row = next(r for r in rows if r and r[1] == "Staf A")
    assert staff_row[4] == "Hadir" and Decimal(str(staff_row[5])) == 16 and staff_row[6] == "4.67"
