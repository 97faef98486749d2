"""Browser journey (Chromium): the unit proposes a recommended employee → the PyB assigns →
the employee receives it, sets a schedule and marks it realised (htmx) → the atasan fills the
Tabel 7 row in place and exports it as XLSX, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from bm_helpers import gap, plan

from portal.sdk import tanggal, today
from portal.testing import TEST_PASSWORD
from portal.testing_browser import fill_sign_in

pytestmark = pytest.mark.e2e
BM = "/m/belajar_mandiri"


@pytest.fixture
def live(make_app, two_units, serve):
    return serve(make_app())


def signed_in(new_page, base, employee, javascript=True):
    page = new_page(javascript=javascript)  # console errors and CSP violations fail the test
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    page.goto(f"{base}/masuk")
    fill_sign_in(page, employee.nip, TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")
    return page


def team(two_units, people):
    a = two_units["A"]
    sub = people.unit("A.01.1", "Subdirektorat Data", eselon="III", parent=a["sub"])
    kasubdit = people.person(sub, nama="Kasubdit Data", supervisor=a["atasan"])
    people.head_of(sub, kasubdit)
    employee = people.person(sub, nama="Pegawai Mandiri", supervisor=kasubdit, jabatan="Analis Data")
    gap(employee)
    plan(employee)
    return kasubdit, employee


def test_belajar_mandiri_journey(live, new_page, two_units, people):
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    a = two_units["A"]
    kasubdit, employee = team(two_units, people)

    admin = signed_in(new_page, live, a["admin"])
    admin.goto(f"{live}{BM}/rekomendasi")
    expect(admin.locator("table")).to_contain_text("Pegawai Mandiri")
    admin.get_by_role("button", name="Usulkan").click()
    admin.fill("#kompetensi", "Analisis data spasial")
    admin.fill("#tanggal_mulai", today().isoformat())
    admin.fill("#tanggal_selesai", (today() + dt.timedelta(days=30)).isoformat())
    admin.get_by_role("button", name="Usulkan ke Pejabat yang Berwenang").click()
    expect(admin.locator(".badge", has_text="menunggu penugasan Pejabat yang Berwenang").first).to_be_visible()
    assignment_url = admin.url

    pyb = signed_in(new_page, live, a["atasan"])
    pyb.goto(assignment_url)
    pyb.get_by_role("button", name="Tugaskan dan terbitkan surat penugasan").click()
    expect(pyb.locator(".badge")).to_contain_text("menunggu diterima pegawai")

    me = signed_in(new_page, live, employee)
    me.goto(assignment_url)
    me.get_by_role("button", name="Terima surat penugasan").click()
    expect(me.locator(".badge")).to_contain_text("Sedang dilaksanakan")
    me.fill("#kegiatan", "Mempelajari modul SIG")
    me.fill("#target", "Modul 1 selesai")
    me.fill("#tanggal", today().isoformat())
    me.get_by_role("button", name="Tambah ke jadwal").click()
    me.get_by_role("button", name="Tandai terealisasi").click()
    expect(me.locator("table")).to_contain_text("Terealisasi")

    atasan = signed_in(new_page, live, kasubdit)
    atasan.goto(f"{live}{BM}/monitoring")
    row = atasan.locator("tbody", has_text="Pegawai Mandiri")
    expect(row.get_by_label("Target Kegiatan")).to_have_value("Mempelajari modul SIG: Modul 1 selesai")
    row.get_by_label("Kesesuaian Realisasi dengan Jadwal").select_option("sesuai")
    row.get_by_label("Keterangan").fill("Tepat waktu")
    with atasan.expect_response(lambda r: "/monitoring/" in r.url and r.request.method == "POST"):
        row.get_by_role("button", name="Simpan baris 1 (Pegawai Mandiri)").click()
    saved = atasan.locator("tbody", has_text="Pegawai Mandiri")
    expect(saved.get_by_role("status")).to_have_text("Tersimpan")  # swapped in place by htmx
    expect(saved).to_contain_text("Sesuai jadwal")
    with atasan.expect_download() as download:
        atasan.get_by_role("button", name="Unduh XLSX").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "MONITORING BELAJAR MANDIRI"
    line = next(r for r in rows if r and r[1] == "Pegawai Mandiri")
    assert line[3:] == ["Analis Data", "Analisis data spasial", "Mempelajari modul SIG: Modul 1 selesai",
                        f"{tanggal(today())}: Mempelajari modul SIG",
                        f"Mempelajari modul SIG ({tanggal(today())})", "Sesuai jadwal", "Tepat waktu"]


def test_tabel_7_row_saved_and_sent_without_javascript(live, new_page, two_units, people, app):
    from playwright.sync_api import expect
    from portal_belajar_mandiri import workflow

    from portal.sdk import Account, db

    kasubdit, employee = team(two_units, people)
    sdm = db.session.scalar(db.select(Account).where(Account.employee_id == two_units["sdm"].id))
    a = workflow.propose(employee, {"kompetensi": "Pemodelan hidrologi", "tanggal_mulai": today(),
                                    "tanggal_selesai": today() + dt.timedelta(days=10)}, sdm)
    workflow.assign(a, sdm)
    workflow.accept(a)
    db.session.commit()

    atasan = signed_in(new_page, live, kasubdit, javascript=False)
    atasan.goto(f"{live}{BM}/monitoring")
    row = atasan.locator("tbody", has_text="Pegawai Mandiri")
    row.get_by_label("Kegiatan yang Terealisasi").fill("Belum ada")
    row.get_by_label("Kesesuaian Realisasi dengan Jadwal").select_option("tidak_sesuai")
    row.get_by_role("button", name="Simpan baris 1 (Pegawai Mandiri)").click()
    expect(atasan.locator("main")).to_contain_text("Baris monitoring Pegawai Mandiri disimpan (BM-03)")
    atasan.get_by_role("button", name="Kirim ke unit pengembangan SDM").click()
    expect(atasan.locator("main")).to_contain_text("Formulir monitoring dikirim ke unit pengembangan SDM")
    expect(atasan.locator("tbody", has_text="Pegawai Mandiri")).to_contain_text("Tidak sesuai jadwal")
