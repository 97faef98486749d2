"""Reporting a formal training (G-01 types, FL-01 JP from the certificate) with its file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from formal_helpers import LAST_MONTH, PNG, reports, submit

from portal.sdk import StoredFile, db, set_switch

HTML = b"<!doctype html><html><script>alert(1)</script></html>"


def test_employee_reports_a_training_with_its_certificate(app, two_units, login):
    staff = two_units["A"]["staff"]
    response = submit(login(staff), jp="2,5", certificate=(PNG, "foto sertifikat.png"))
    assert response.status_code == 302
    [report] = reports()
    assert (report.employee_id, report.status, report.activity_type) == (staff.id, "pending", "teknis")
    assert report.jp_stated == Decimal("2.5")
    stored = db.session.get(StoredFile, report.certificate_id)
    assert stored.kind == "png" and stored.original_name == "foto sertifikat.png"
    files = list(Path(app.config["UPLOAD_FOLDER"]).iterdir())
    assert [f.name for f in files] == [stored.storage_name]
    assert "sertifikat" not in stored.storage_name
    detail = login(staff).get(response.headers["Location"]).get_data(as_text=True)
    assert "Menunggu verifikasi" in detail and "Pelatihan Perencanaan Jembatan" in detail


@pytest.mark.parametrize("jp", ["0", "-4", "501", "2.3", "abc", "", "NaN", "1e3", "٣"])
def test_jp_must_be_the_positive_half_step_number_on_the_certificate_fl_01(two_units, login, jp):
    response = submit(login(two_units["A"]["staff"]), jp=jp)
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "(FL-01)" in body
    assert reports() == []


@pytest.mark.parametrize("jp, stored", [("8", "8"), ("0,5", "0.5"), ("500", "500"), ("12.5", "12.5")])
def test_jp_stated_on_the_certificate_is_kept_exactly_fl_01(two_units, login, jp, stored):
    assert submit(login(two_units["A"]["staff"]), jp=jp).status_code == 302
    assert reports()[-1].jp_stated == Decimal(stored)


def test_training_type_must_be_one_of_g_01(two_units, login):
    response = submit(login(two_units["A"]["staff"]), activity_type="belajar_mandiri_lain")
    assert response.status_code == 422
    assert "(G-01)" in response.get_data(as_text=True)
    assert reports() == []


@pytest.mark.parametrize("start, end, message", [
    (LAST_MONTH, LAST_MONTH - dt.timedelta(days=1), "sebelum tanggal mulai"),
    (LAST_MONTH, dt.date.today() + dt.timedelta(days=3), "masa depan"),
    (dt.date(1989, 12, 30), dt.date(1990, 1, 2), "tidak boleh sebelum tahun"),
    ("2026-02-30", LAST_MONTH, "Tanggal tidak valid"),
    ("", LAST_MONTH, "wajib diisi"),
])
def test_training_dates_are_checked(two_units, login, start, end, message):
    response = submit(login(two_units["A"]["staff"]), start_date=str(start), end_date=str(end))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert reports() == []


def test_a_refused_form_keeps_what_the_user_typed(two_units, login):
    response = submit(login(two_units["A"]["staff"]), jp="banyak", title="Bimtek <SMKK> & K3",
                      provider="Direktorat Kelembagaan")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="Bimtek &lt;SMKK&gt; &amp; K3"' in body
    assert 'value="Direktorat Kelembagaan"' in body
    assert 'value="banyak"' in body
    assert '<option selected value="teknis">' in body or 'value="teknis" selected' in body
    assert "pilih berkas sertifikat lagi" in body


def test_html_page_renamed_pdf_is_refused(app, two_units, login):
    response = submit(login(two_units["A"]["staff"]), certificate=(HTML, "sertifikat.pdf"))
    assert response.status_code == 422
    assert "Isi berkas bukan PDF, PNG atau JPG" in response.get_data(as_text=True)
    assert reports() == []
    assert list(Path(app.config["UPLOAD_FOLDER"]).iterdir()) == []


def test_empty_certificate_file_is_refused(two_units, login):
    response = submit(login(two_units["A"]["staff"]), certificate=(b"", "kosong.pdf"))
    assert response.status_code == 422
    assert "Berkas kosong" in response.get_data(as_text=True)
    assert reports() == []


def test_missing_certificate_file_is_asked_for(two_units, login):
    response = submit(login(two_units["A"]["staff"]), certificate=None)
    assert response.status_code == 422
    assert "Pilih berkas" in response.get_data(as_text=True)
    assert reports() == []


def test_certificate_over_the_plugin_limit_is_refused_with_a_message(make_app, two_units):
    app = make_app(FORMAL_CERTIFICATE_MAX_BYTES=1024)
    client = app.test_client()
    client.login(two_units["A"]["staff"].nip)
    big = b"%PDF-1.4\n" + b"0" * 2048
    response = submit(client, certificate=(big, "besar.pdf"))
    assert response.status_code == 422
    assert "Berkas terlalu besar" in response.get_data(as_text=True)
    assert reports() == []
    assert list(Path(app.config["UPLOAD_FOLDER"]).iterdir()) == []


def test_request_over_the_upload_limit_answers_413(make_app, two_units):
    app = make_app(MAX_CONTENT_LENGTH=4096)
    client = app.test_client()
    client.login(two_units["A"]["staff"].nip)
    response = submit(client, certificate=(b"%PDF-1.4\n" + b"0" * 8192, "besar.pdf"))
    assert response.status_code == 413
    assert "Berkas terlalu besar" in response.get_data(as_text=True)
    assert reports() == []


def test_mass_assignment_fields_are_ignored(two_units, login):
    other = two_units["B"]["staff"]
    response = submit(login(two_units["A"]["staff"]), status="verified", employee_id=str(other.id),
                      ledger_entry_id="1")
    assert response.status_code == 302
    [report] = reports()
    assert (report.status, report.employee_id, report.ledger_entry_id) == (
        "pending", two_units["A"]["staff"].id, None)


def test_my_reports_list_filters_and_empty_state(two_units, login):
    client = login(two_units["A"]["staff"])
    empty = client.get("/m/formal/").get_data(as_text=True)
    assert "Belum ada pelatihan formal yang Anda laporkan" in empty
    assert 'href="/m/formal/baru"' in empty
    submit(client, title="Seminar Jalan Tol", activity_type="seminar")
    submit(client, title="Bimtek Drainase", activity_type="bimtek")
    submit(login(two_units["A"]["atasan"]), title="Pelatihan Atasan")
    page = client.get("/m/formal/").get_data(as_text=True)
    assert "Seminar Jalan Tol" in page and "Bimtek Drainase" in page
    assert "Pelatihan Atasan" not in page
    filtered = client.get("/m/formal/?jenis=seminar", headers={"HX-Request": "true"})
    text = filtered.get_data(as_text=True)
    assert "Seminar Jalan Tol" in text and "Bimtek Drainase" not in text
    assert "<html" not in text  # htmx gets only the results block
    none = client.get("/m/formal/?status=rejected").get_data(as_text=True)
    assert "Tidak ada laporan yang cocok" in none
    year = client.get(f"/m/formal/?tahun={LAST_MONTH.year - 3}").get_data(as_text=True)
    assert "Seminar Jalan Tol" not in year


def test_mechanism_switched_off_answers_404(app, two_units, login):
    client = login(two_units["A"]["staff"])
    assert client.get("/m/formal/").status_code == 200
    set_switch(two_units["A"]["top"], "formal", "off", None)
    db.session.commit()
    for url in ("/m/formal/", "/m/formal/baru", "/m/formal/kartu"):
        assert client.get(url).status_code == 404, url
    assert submit(client).status_code == 404
    assert reports() == []
    assert login(two_units["A"]["atasan"]).get("/m/formal/verifikasi").status_code == 404
    assert login(two_units["B"]["atasan"]).get("/m/formal/verifikasi").status_code == 200
    assert "Pelatihan formal" not in client.get("/").get_data(as_text=True)
