"""Reports: transcript, unit recap (KB-10) and mechanism report as HTML, PDF and XLSX."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from portal.certificates import settings
from portal.extensions import db
from portal.mechanisms.switches import set_switch
from portal.plugins import registry
from portal.reports import params, recap
from portal.reports.model import header_groups
from portal.testing_pdf import pages, unbroken
from portal.types import ReportColumn, ReportPeriod
from tests.certificate_helpers import CertificatePlugin, entry_for, flat, pdf_text

PERIOD = {"dari": "2026-01-01", "sampai": "2026-06-30"}
INJECTION = '=HYPERLINK("http://x","y")'


def _sheet(response) -> list[list]:
    assert response.status_code == 200, response.status_code
    assert response.mimetype.endswith("spreadsheetml.sheet")
    sheet = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True).active
    return [[c for c in row] for row in sheet.iter_rows(values_only=True)]


def _row(rows: list[list], first: object) -> list:
    return next(row for row in rows if row and first in row)


def _signers():
    settings.save({"report.pengelola_name": "Rina Pengelola", "report.pengelola_nip": "198502022010012003"},
                  None)
    db.session.commit()


@pytest.fixture
def portal(make_app):
    return make_app(plugins=[(CertificatePlugin.slug, CertificatePlugin())])


def test_current_quarter_default():
    assert params.current_quarter(dt.date(2026, 11, 28)).start == dt.date(2026, 10, 1)
    assert params.current_quarter(dt.date(2026, 11, 28)).end == dt.date(2026, 12, 31)
    assert params.current_quarter(dt.date(2026, 2, 3)).end == dt.date(2026, 3, 31)


def test_transcript_has_the_same_content_in_html_pdf_and_xlsx(app, two_units):
    _signers()
    staff = two_units["A"]["staff"]
    staff.golongan, staff.jabatan = "II/d", "Pengadministrasi Umum"
    db.session.commit()
    entry_for(staff, title="Magang Balai Jembatan", jp=8)
    entry_for(staff, title="Mentoring oleh atasan", jp=4, mechanism="coaching",
              activity_type="mentoring_unit", day=dt.date(2026, 4, 2))
    client = app.test_client()
    client.login(staff.nip)
    html = client.get("/laporan/transkrip?tahun=2026").get_data(as_text=True)
    pdf = flat(pdf_text(client.get("/laporan/transkrip.pdf?tahun=2026").data))
    rows = _sheet(client.get("/laporan/transkrip.xlsx?tahun=2026"))
    cells = {str(c) for row in rows for c in row if c is not None}
    atasan = two_units["A"]["atasan"]  # head of the eselon II unit A.01: the JPT Pratama
    for value in ("Magang Balai Jembatan", "Mentoring oleh atasan", staff.nama, staff.nip, "II/d",
                  "Pengadministrasi Umum", "Direktorat A Satu", "5 Maret 2026", "2 April 2026",
                  "1 Januari 2026 s.d. 31 Desember 2026", "JPT Pratama,", "Pengelola Kepegawaian,"):
        assert value in html, value
        assert value in pdf, value
        assert any(value in cell for cell in cells), value
    for value in (f"Nama : {atasan.nama}", f"NIP. : {atasan.nip}", "Nama : Rina Pengelola",
                  "NIP. : 198502022010012003"):
        assert value in pdf and value in cells, value
    total = _row(rows, "Jumlah JP dihitung")
    assert 12 in total
    assert _row(rows, "Magang Balai Jembatan")[7] == 8
    assert "<svg" in html and "Komposisi 70:20:10" in pdf and "70: 66,7%" in pdf


def test_unit_recap_follows_the_rekapitulasi_format(portal, two_units, people):
    with portal.app_context():
        _signers()
        sub = db.session.merge(two_units["A"]["sub"])
        staff = db.session.merge(two_units["A"]["staff"])
        staff.golongan = "III/b"
        db.session.commit()
        injector = people.employee(sub, nama=INJECTION, golongan="II/a")
        entry_for(staff, title="Magang", jp=8)
        entry_for(staff, title="Coaching", jp=6, mechanism="uji", day=dt.date(2026, 2, 1))
        entry_for(injector, title="Magang lama", jp=5, day=dt.date(2025, 12, 31))  # outside
        admin = portal.test_client()
        admin.login(two_units["A"]["admin"].nip)
        query = {**PERIOD, "unit": sub.id}
        html = admin.get("/laporan/rekap", query_string=query).get_data(as_text=True)
        rows = _sheet(admin.get("/laporan/rekap.xlsx", query_string=query))
        # Narrow columns hyphenate long words across lines (portal.reports.layout): join them.
        pdf = flat(unbroken(pdf_text(admin.get("/laporan/rekap.pdf", query_string=query).data)))

        header = _row(rows, "No")
        # Other installed mechanisms (e.g. komunitas) may add their own columns in between.
        assert header[:4] == ["No", "Nama", "NIP", "Gol"] and "Pertemuan Uji" in header
        assert header[-4:] == ["JP 70", "JP 20", "JP 10", "Jumlah Perolehan JP"]
        assert _row(rows, "Unit Kerja")[:2] == ["Unit Kerja", "Direktorat A Satu"]
        assert _row(rows, "Periode")[1] == "1 Januari 2026 s.d. 30 Juni 2026"
        line = dict(zip(header, _row(rows, staff.nip), strict=True))
        assert line == {**line, "Nama": staff.nama, "NIP": staff.nip, "Gol": "III/b", "Pertemuan Uji": 3,
                        "JP 70": 8, "JP 20": 6, "JP 10": 0, "Jumlah Perolehan JP": 14}
        injected = _row(rows, "'" + INJECTION)
        assert injected[-1] == 0  # the December 2025 row is outside the period
        assert _row(rows, "Jumlah")[-1] == 14
        atasan = two_units["A"]["atasan"]
        assert f"Nama : {atasan.nama}" in _row(rows, f"Nama : {atasan.nama}")
        for value in ("REKAPITULASI", "Direktorat A Satu", staff.nama, staff.nip, "Pertemuan Uji",
                      "Mengetahui,", "JPT Pratama,", "Pengelola Kepegawaian,", "Rina Pengelola",
                      "Jumlah Perolehan JP"):
            assert value in pdf, value
            assert value in html, value
        assert INJECTION in pdf  # text in the PDF, escaped in the spreadsheet


@pytest.mark.hook("portal_report_rows")
def test_portal_report_rows_skips_mechanisms_switched_off(portal, two_units):
    with portal.app_context():
        top = db.session.merge(two_units["A"]["top"])
        period = ReportPeriod(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
        answers = registry().pm.hook.portal_report_rows(kind="rekap", unit=top, period=period)
        assert CertificatePlugin.slug in [a.slug for a in answers]
        assert registry().pm.hook.portal_report_rows(kind="lain", unit=top, period=period) == []
        set_switch(top, CertificatePlugin.slug, "off", None)
        db.session.commit()
        admin = portal.test_client()
        admin.login(two_units["A"]["admin"].nip)
        rows = _sheet(admin.get("/laporan/rekap.xlsx", query_string={**PERIOD, "unit": top.id}))
        assert "Pertemuan Uji" not in _row(rows, "No")


def test_mechanism_report_from_the_plugin_and_from_the_ledger(portal, two_units):
    with portal.app_context():
        staff = db.session.merge(two_units["A"]["staff"])
        entry_for(staff, title="Magang Bendungan", jp=8)
        admin = portal.test_client()
        admin.login(two_units["A"]["admin"].nip)
        query = {**PERIOD, "unit": two_units["A"]["top"].id}
        plugin = _sheet(admin.get("/laporan/mekanisme.xlsx", query_string={**query, "mekanisme": "uji"}))
        assert _row(plugin, "No") == ["No", "Topik", "JP"]
        assert _row(plugin, "'=SUM(A1)")[2] == 2 and _row(plugin, "Topik kedua")[2] == 4
        assert _row(plugin, "Jumlah")[2] == 6
        ledger = _sheet(admin.get("/laporan/mekanisme.xlsx", query_string={**query, "mekanisme": "magang"}))
        assert _row(ledger, "Magang Bendungan")[1:3] == [staff.nama, staff.nip]
        pdf = flat(pdf_text(admin.get("/laporan/mekanisme.pdf",
                                      query_string={**query, "mekanisme": "magang"}).data))
        assert "Magang Bendungan" in pdf and "LAPORAN MEKANISME" in pdf


def test_report_scope_and_bad_filters(app, two_units):
    staff = app.test_client()
    staff.login(two_units["A"]["staff"].nip)
    assert staff.get("/laporan/rekap").status_code == 403
    assert staff.get("/laporan/rekap.xlsx").status_code == 403
    other = two_units["B"]["staff"]
    assert staff.get(f"/laporan/transkrip?pegawai={other.id}").status_code == 404
    assert staff.get(f"/laporan/transkrip.pdf?pegawai={other.id}").status_code == 404
    bad_year = staff.get("/laporan/transkrip?tahun=abc")
    assert bad_year.status_code == 400 and "Tahun harus" in bad_year.get_data(as_text=True)

    admin = app.test_client()
    admin.login(two_units["A"]["admin"].nip)
    assert admin.get(f"/laporan/rekap?unit={two_units['B']['top'].id}").status_code == 404
    assert admin.get(f"/laporan/rekap.xlsx?unit={two_units['B']['sub'].id}").status_code == 404
    bad = admin.get("/laporan/rekap?dari=2026-13-01")
    assert bad.status_code == 400 and "tidak valid" in bad.get_data(as_text=True)
    reversed_period = admin.get("/laporan/rekap.pdf?dari=2026-06-01&sampai=2026-01-01")
    assert reversed_period.status_code == 400
    assert "sebelum tanggal awal" in reversed_period.get_data(as_text=True)

    atasan = app.test_client()
    atasan.login(two_units["A"]["atasan"].nip)
    subordinate = two_units["A"]["staff"]
    assert atasan.get(f"/laporan/transkrip?pegawai={subordinate.id}").status_code == 200
    by_nip = atasan.get(f"/laporan/transkrip?nip={subordinate.nip}")
    assert by_nip.status_code == 200 and subordinate.nama in by_nip.get_data(as_text=True)
    assert atasan.get(f"/laporan/transkrip.xlsx?nip={other.nip}").status_code == 404


def test_long_recap_paginates_in_html_and_pdf(app, two_units, people):
    sub = two_units["A"]["sub"]
    names = [f"Pegawai Rekap {index:03d}" for index in range(105)]
    for name in names:
        people.employee(sub, nama=name)
    admin = app.test_client()
    admin.login(two_units["A"]["admin"].nip)
    query = {**PERIOD, "unit": sub.id}
    first = admin.get("/laporan/rekap", query_string=query).get_data(as_text=True)
    second = admin.get("/laporan/rekap", query_string={**query, "page": 2}).get_data(as_text=True)
    assert "Halaman 1 dari 2" in first and "Halaman 2 dari 2" in second  # 100 rows a page
    assert names[0] in first and names[-1] not in first and names[-1] in second
    data = admin.get("/laporan/rekap.pdf", query_string=query).data
    text = flat(pdf_text(data))
    assert all(name in text for name in names)
    printed = pages(data)
    assert len(printed) >= 3 and all("NIP" in page["text"] for page in printed)  # header on every page


def test_spreadsheet_cells_are_escaped_and_cleaned():
    from portal.exports import safe_cell

    assert safe_cell('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert safe_cell("+cmd|' /C calc'!A0").startswith("'+")
    assert safe_cell("@SUM(1)") == "'@SUM(1)"
    assert safe_cell("Nama\x00 dengan\x07 kontrol") == "Nama dengan kontrol"
    assert safe_cell(12) == 12


def test_a_group_heading_spans_only_adjacent_columns_of_that_group():
    columns = [ReportColumn("no", "No"), ReportColumn("a", "A", group="JP"), ReportColumn("b", "B", group="JP"),
               ReportColumn("c", "C", group="Model"), ReportColumn("t", "Total"), ReportColumn("d", "D", group="JP")]
    assert header_groups(columns) == [("", 1), ("JP", 2), ("Model", 1), ("", 1), ("JP", 1)]
    assert header_groups(columns[:1]) == []  # no group: one header line, as before
    # The unit recap, hundreds of pages for a large unit, keeps one header line: a heading line
    # would cost ≈1.5 rows a page (95 → 102 pages for 2,000 employees, measured).
    assert all(not c.group for c in recap.HEAD + recap.MODELS + [recap.TOTAL])
