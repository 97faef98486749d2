"""Report PDFs print a page as a table of its own: its header once, at the top of the page, and
the page filled with rows (portal.reports.paging). With tables of 40 rows, the header stood in the
middle of most pages and took the room of about three rows there."""

from __future__ import annotations

import io
import random

import pdfplumber

from portal.ledger.charts import model_mix
from portal.reports import document, layout, paging
from portal.reports.model import Report, number_rows
from portal.testing_pdf import layout_faults
from portal.types import ReportColumn
from tests.test_report_pdf_layout import _wide_recap


def _printed(data: bytes, header_word: str, row_prefix: str) -> list[dict]:
    """Per page: the header words' tops, the rows' tops and the room left under the table."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            rules = sorted(line["top"] for line in page.lines)
            found.append({"headers": [w["top"] for w in words if w["text"] == header_word],
                          "rows": [w for w in words if w["text"].startswith(row_prefix)],
                          "room": page.height - paging.FOOT_MARGIN - rules[-1]})
    return found


def _assert_paged(printed: list[dict], tallest_row: float, rows: int) -> None:
    assert sum(len(page["rows"]) for page in printed) == rows  # none lost, none twice
    for number, page in enumerate(printed, start=1):
        assert len(page["headers"]) == 1, f"page {number}: the header once"
        assert page["headers"][0] < min(w["top"] for w in page["rows"]), f"page {number}: at the top"
        if number < len(printed):  # filled: no room for one more row of the tallest kind
            assert page["room"] < tallest_row + paging.SLACK, f"page {number}: {page['room']:.0f} pt left"


def test_each_page_of_a_unit_recap_has_its_header_once_at_the_top_and_no_room_left(app):
    """Landscape recap with one- and two-line rows (a long name wraps): 120 rows, every one
    printed once, in pages filled to the last row that fits."""
    with app.app_context():
        data = document.render(_wide_recap(rows=120))
    printed = _printed(data, "Gol", "19690711199305")
    assert len(printed) == 7  # 15 rows under the kop, then 20 a page (40-row tables: 2 headers on pages 3, 5)
    _assert_paged(printed, tallest_row=2 * layout.FONT_SIZE * paging.LINE + paging.CELL_PADDING, rows=120)
    assert layout_faults(data) == []


def test_a_transcript_with_its_chart_fills_its_first_page_too(app):
    """Portrait, the 70:20:10 chart above the table: the first page's room is counted with it."""
    columns = [ReportColumn("no", "No", True), ReportColumn("kegiatan", "Kegiatan"),
               ReportColumn("mekanisme", "Mekanisme"), ReportColumn("jp", "JP", True)]
    rows = number_rows([{"kegiatan": f"Berbagi pengetahuan {n:03d} tentang bendungan dan danau", "jp": 2,
                         "mekanisme": "Komunitas Belajar"} for n in range(90)])
    report = Report(kind="transkrip", title="TRANSKRIP PENGEMBANGAN KOMPETENSI",
                    header=[("Nama", "Budi Santoso"), ("Tahun", "2026")], columns=columns, rows=rows,
                    totals={"kegiatan": "Jumlah", "jp": 180}, chart=model_mix({"70": 50, "20": 30, "10": 20}))
    with app.app_context():
        data = document.render(report)
    printed = _printed(data, "Mekanisme", "Berbagi")
    _assert_paged(printed, tallest_row=2 * layout.FONT_SIZE * paging.LINE + paging.CELL_PADDING, rows=90)


def test_rows_split_by_height_with_one_row_at_least_and_the_totals_row_last():
    # header 20, first page 100 of room, then 60: rows of 30 → 2 on the first page, 1 after
    assert paging.split([30] * 5, 20, 100, 60) == [(0, 2), (2, 3), (3, 4), (4, 5)]
    assert paging.split([500, 10], 20, 100, 60) == [(0, 1), (1, 2)]  # too tall: a page of its own
    assert paging.split([], 20, 100, 60) == [(0, 0)]


def test_a_totals_row_that_does_not_fit_prints_alone_under_the_header(app):
    """The totals row counts on the last page; when the rows fill it, the totals go on to the
    next page under its own header, not off the foot of the page."""
    with app.app_context():
        report = _wide_recap(rows=15)  # exactly the first page's rows
        tables, by_page = paging.page_rows(report, document.table_of(report))
        assert by_page and [len(rows) for rows in tables] == [15, 0]
        data = document.render(report)
    printed = _printed(data, "Gol", "Jumlah")
    assert len(printed) == 2 and len(printed[1]["headers"]) == 1
    assert any(w["text"] == "Jumlah" for w in printed[1]["rows"])


def test_rows_of_any_length_fill_each_page_and_never_spill(app):
    """Rows of one to forty words (wrapping to several lines) in a portrait report: every row on
    exactly one page, one header a page, and each page ends only where the next page's first row
    would not have fitted — neither a row lost to a page ended early nor a table run over its
    page (which would leave a page with a row or two and the rest of it empty)."""
    draw = random.Random(7)
    words = ("pengembangan", "kompetensi", "bendungan", "irigasi", "jalan", "jembatan", "mutu", "beton",
             "pembelajaran", "di", "dan", "untuk", "Permasalahan", "pengetahuan", "SNI", "2026")
    columns = [ReportColumn("no", "No", True), ReportColumn("kode", "Kode"), ReportColumn("uraian", "Uraian"),
               ReportColumn("catatan", "Catatan"), ReportColumn("jp", "JP", True)]
    lines = [{"kode": f"R{n:03d}", "jp": n % 5,
              "uraian": " ".join(draw.choices(words, k=draw.randint(1, 40))),
              "catatan": " ".join(draw.choices(words, k=draw.randint(1, 12)))} for n in range(70)]
    report = Report(kind="uji", title="LAPORAN UJI", header=[("Unit Kerja", "Direktorat Uji")],
                    columns=columns, rows=number_rows(lines))
    with app.app_context():
        data = document.render(report)
        table = document.table_of(report)
    heights = [paging.row_height(row, table["widths"]) for row in table["rows"]]
    printed = _printed(data, "Uraian", "R0")
    _assert_paged(printed, tallest_row=max(heights), rows=70)
    first = 0
    for page in printed[:-1]:
        first += len(page["rows"])
        assert page["room"] < heights[first] + paging.SLACK, "the next page's first row fitted here"
    assert layout_faults(data) == []


def test_rows_taller_than_half_a_page_flow_as_xhtml2pdf_splits_them(app):
    """A row of pages of free text is split across pages by xhtml2pdf itself, so no page's end can
    be known beforehand: such a report is not paged here, and every row still prints."""
    columns = [ReportColumn("no", "No", True), ReportColumn("kode", "Kode"), ReportColumn("hasil", "Hasil")]
    lines = [{"kode": f"R{n:03d}", "hasil": "pembahasan hasil " * (600 if n == 2 else 3)} for n in range(6)]
    report = Report(kind="uji", title="LAPORAN UJI", header=[("Unit Kerja", "Direktorat Uji")],
                    columns=columns, rows=number_rows(lines))
    with app.app_context():
        tables, by_page = paging.page_rows(report, document.table_of(report))
        assert not by_page and [len(rows) for rows in tables] == [6]
        data = document.render(report)
    printed = _printed(data, "Hasil", "R0")
    assert sum(len(page["rows"]) for page in printed) == 6 and len(printed) >= 3
