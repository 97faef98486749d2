"""The programme recap read back from its PDF and XLSX, and the rows the core's reports get."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
from outbound_helpers import BASE, feedback_data, text
from pypdf import PdfReader

from portal.sdk import ReportPeriod, registry, today


def _recap_ready(world):
    programme = world.completed(absent=(world.peserta,))
    world.staff_client.post(f"{BASE}/program/{programme.id}/umpan-balik", data=feedback_data())
    return programme


def test_recap_page_lists_attendance_jp_feedback_and_certificate(world):
    programme = _recap_ready(world)
    page = text(world.admin.get(f"{BASE}/program/{programme.id}/rekap"))
    assert "REKAPITULASI PEMBELAJARAN ALAM TERBUKA (OUTBOUND)" in page
    assert "Staf A" in page and "Peserta Dua" in page and "Tidak hadir" in page
    assert "1 dari 1" in page  # feedback received from those present
    assert "Dampak pada kemampuan komunikasi" in page and "3.00" in page
    assert "JPT Pratama" in page


def test_recap_xlsx_reads_back(world):
    programme = _recap_ready(world)
    response = world.admin.get(f"{BASE}/program/{programme.id}/rekap.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "REKAPITULASI PEMBELAJARAN ALAM TERBUKA (OUTBOUND)"
    assert ["Program", programme.judul] in [r[:2] for r in rows]
    staff = next(r for r in rows if r and r[1] == "Staf A")
    absent = next(r for r in rows if r and r[1] == "Peserta Dua")
    assert staff[4] == "Hadir" and Decimal(str(staff[5])) == 16 and staff[6] == "4.33"
    assert str(staff[7]).strip() not in ("", "—")  # the certificate number
    assert absent[4] == "Tidak hadir" and Decimal(str(absent[5])) == 0 and absent[7] == "—"


def test_recap_pdf_reads_back(world):
    programme = _recap_ready(world)
    response = world.admin.get(f"{BASE}/program/{programme.id}/rekap.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    content = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    content = " ".join(content.split())
    for expected in ("REKAPITULASI PEMBELAJARAN ALAM TERBUKA", programme.judul, "Staf A",
                     "Peserta Dua", "Tidak hadir", "Permainan, Petualangan"):
        assert expected in content, expected


def test_recap_escapes_what_users_typed(world):
    programme = world.create(judul='<img src=x onerror=alert(1)> =HYPERLINK("x")')
    page = world.admin.get(f"{BASE}/program/{programme.id}/rekap").get_data(as_text=True)
    assert "<img src=x" not in page
    sheet = openpyxl.load_workbook(io.BytesIO(
        world.admin.get(f"{BASE}/program/{programme.id}/rekap.xlsx").data)).active
    values = [c for r in sheet.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert not any(v.startswith("=") for v in values)


def test_report_rows_feed_the_core_recap_and_mechanism_report(world, app):
    world.completed()
    period = ReportPeriod(today().replace(month=1, day=1), today())
    hook = registry().pm.hook.portal_report_rows
    rekap = next(r for r in hook(kind="rekap", unit=world.units["A"]["top"], period=period)
                 if r.slug == "outbound")
    assert {row["employee_id"]: row["outbound"] for row in rekap.rows} == {
        world.staff.id: 16, world.peserta.id: 16}
    mekanisme = next(r for r in hook(kind="mekanisme", unit=world.unit, period=period)
                     if r.slug == "outbound")
    assert [row["nama"] for row in mekanisme.rows] == ["Peserta Dua", "Staf A"]
    assert mekanisme.rows[0]["umpan_balik"] == "Belum"
    other = next(r for r in hook(kind="mekanisme", unit=world.units["B"]["top"], period=period)
                 if r.slug == "outbound")
    assert other.rows == ()
    assert all(r.slug != "outbound" for r in hook(kind="lain", unit=world.unit, period=period) if r)


def test_core_mechanism_report_shows_outbound(world):
    world.completed()
    page = text(world.sdm.get(f"/laporan/mekanisme?mekanisme=outbound&unit={world.unit.id}"))
    assert "Staf A" in page and "Outbound kerja sama tim" in page
