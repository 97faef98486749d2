"""Report PDFs print right: every cell's text stays in its cell (the 18-digit NIP included),
wide tables turn the page to landscape, the header row repeats on every page, pages are
numbered, and the transcript's 70:20:10 chart is drawn as bars with a legend (issue 18)."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber

from portal.reports import document, layout
from portal.reports.model import Report, Signature, number_rows
from portal.testing_pdf import layout_faults, pages
from portal.types import ReportColumn
from tests.certificate_helpers import entry_for

PLUGIN_COLUMNS = [ReportColumn(f"k{i}", label, True) for i, label in enumerate((
    "JP Belajar Mandiri", "JP Coaching dan Mentoring program unit pengembangan SDM",
    "JP Coaching di unit kerja", "JP Mentoring di unit kerja", "JP Berbagi Pengetahuan",
    "JP Berbagi Pengalaman", "JP Berbagi Bahan Pembelajaran", "JP Diskusi Permasalahan",
    "JP Outbound", "JP Patok Banding"))]
RECAP_COLUMNS = ([ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
                  ReportColumn("gol", "Gol")] + PLUGIN_COLUMNS
                 + [ReportColumn("jp70", "JP 70", True), ReportColumn("jp20", "JP 20", True),
                    ReportColumn("jp10", "JP 10", True), ReportColumn("jumlah", "Jumlah Perolehan JP", True)])
NAMES = ("Prof. Dr. Ir. Raden Mas Kusumawardhana Simanjuntak, S.T., M.Eng.", "Anisa Pratama, S.T., M.T.",
         "Eko Lumbantobing, S.H.")


def _wide_recap(rows: int = 70) -> Report:
    lines = []
    for index in range(rows):
        line = {"nama": NAMES[index % 3], "nip": f"19690711199305{index:04d}", "gol": "IV/c",
                "jp70": 120, "jp20": 24, "jp10": 8, "jumlah": 152}
        line.update({c.key: index % 7 for c in PLUGIN_COLUMNS})
        lines.append(line)
    return Report(kind="rekap", title="REKAPITULASI PENGEMBANGAN KOMPETENSI MODEL 70:20:10",
                  header=[("Unit Kerja", "Sekretariat Jenderal"), ("Periode", "1 Januari s.d. 31 Desember 2026")],
                  columns=RECAP_COLUMNS, rows=number_rows(lines), totals={"nama": "Jumlah", "jumlah": 152 * rows},
                  signatures=[Signature("Mengetahui,", "JPT Pratama,", "Ayu Nasution, S.E.", "197707061998062188")])


def test_unit_recap_pdf_keeps_the_nip_on_one_line_inside_its_cell(app):
    with app.app_context():
        data = document.render(_wide_recap())
    assert layout_faults(data) == []
    printed = pages(data)
    assert len(printed) >= 3
    for number, page in enumerate(printed, start=1):
        assert page["width"] > page["height"], "18 columns print on a landscape page"
        assert "NIP" in page["text"] and "Nama" in page["text"], f"header row repeats on page {number}"
        assert f"halaman {number} dari {len(printed)}" in page["text"]
    text = "\n".join(p["text"] for p in printed)
    for index in range(70):
        assert f"19690711199305{index:04d}" in text  # never split


def test_narrow_report_stays_portrait_and_long_words_wrap_inside_their_cell(app):
    columns = [ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("nip", "NIP"),
               ReportColumn("judul", "Judul"), ReportColumn("jp", "JP dihitung", True)]
    rows = number_rows([{"nama": "Intan Firmansyah, S.T., M.T.", "nip": "199301102018102446",
                         "judul": "Pengetahuanpengembanganberkelanjutanpembelajaranmandiri " * 3, "jp": 40}])
    report = Report(kind="mekanisme", title="LAPORAN MEKANISME MAGANG", header=[], columns=columns, rows=rows)
    with app.app_context():
        data = document.render(report)
    assert layout_faults(data) == []
    page = pages(data)[0]
    assert page["width"] < page["height"]
    assert "199301102018102446" in page["text"]


def test_report_columns_fit_the_page_width():
    fitted = layout.fit([[(c.label, True), ("199607111993052661" if c.key == "nip" else "12", False)]
                         for c in RECAP_COLUMNS])
    assert fitted.landscape
    assert abs(fitted.total - layout.LANDSCAPE) < 1
    nip = fitted.widths[2]
    assert nip >= layout.text_width("199607111993052661") + layout.PADDING - 0.1


def test_recap_rows_get_room_before_the_header_so_a_name_prints_on_one_line(app):
    """A header wraps once a page, a name on every row: the rows are served first."""
    report = _wide_recap()
    table = document.table_of(report)
    nama = table["widths"][1]
    for name in NAMES[1:]:
        assert nama >= layout.text_width(name) + layout.PADDING - 0.1
    for label, width in zip(table["header"], table["widths"], strict=True):
        for word in label.split():  # a header is cut between syllables, never inside one
            pieces = layout.hyphenate(word, width - layout.PADDING, True) if len(word) > 4 else [word]
            assert all(layout.text_width(piece, True, layout.HEAD_SIZE) <= width - layout.PADDING + 0.1
                       for piece in pieces), (label, word)
            assert all(len(piece.rstrip("-")) >= 2 for piece in pieces), (label, pieces)
    with app.app_context():
        text = "\n".join(page["text"] for page in pages(document.render(report)))
    assert "Anisa Pratama, S.T., M.T." in text and "Eko Lumbantobing, S.H." in text


def test_a_long_label_borrows_width_so_the_header_row_stays_low(app):
    """The header row is as tall as its tallest label: the coaching column's seven words took 11
    lines while its neighbours took 5–7; narrower neighbours (never below their rows) give it room."""
    table = document.table_of(_wide_recap())
    lines = [layout.header_lines(label, width) for label, width in zip(table["header"], table["widths"], strict=True)]
    assert max(lines) <= 7
    assert abs(sum(table["widths"]) - layout.LANDSCAPE) < 1
    for name in NAMES[1:]:  # the rows keep what they had: a name on one line
        assert table["widths"][1] >= layout.text_width(name) + layout.PADDING - 0.1
    with app.app_context():
        assert layout_faults(document.render(_wide_recap(rows=30))) == []


def test_header_lines_counts_as_the_cell_breaks_the_label():
    assert layout.header_lines("Outbound", 200) == 1
    assert layout.header_lines("JP Berbagi Pengetahuan", 200) == 1
    narrow = layout.text_width("Pengetahuan", True, layout.HEAD_SIZE) / 2 + layout.PADDING + 2
    pieces = layout.hyphenate("Pengetahuan", narrow - layout.PADDING, True)
    assert len(pieces) >= 2
    assert layout.header_lines("Pengetahuan", narrow) == len(pieces)


def test_hyphenation_breaks_long_words_between_syllables():
    assert layout.hyphenate("Permasalahan", 32, True) == ["Perma-", "sala-", "han"]  # per-ma-sa-la-han
    assert layout.hyphenate("Coaching-mentoring", 40, True)[0] in ("Coa-", "Coaching-")
    assert "".join(p.rstrip("-") for p in layout.hyphenate("Pembelajaran", 25)) == "Pembelajaran"


def test_transcript_pdf_draws_the_70_20_10_chart_as_bars_with_a_legend(app, two_units):
    staff = two_units["A"]["staff"]
    entry_for(staff, title="Magang Balai Jembatan", jp=8)
    entry_for(staff, title="Mentoring oleh atasan", jp=4, mechanism="coaching",
              activity_type="mentoring_unit", day=dt.date(2026, 4, 2))
    client = app.test_client()
    client.login(staff.nip)
    data = client.get("/laporan/transkrip.pdf?tahun=2026").data
    assert layout_faults(data) == []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        first = pdf.pages[0]
        text = first.extract_text()
        colours = {tuple(round(c, 2) for c in r["non_stroking_color"] or ()) for r in first.rects}
    assert "Model 70: 66,7% dari JP dihitung (8 JP), ideal 70%" in text
    assert "Model 20: 33,3% dari JP dihitung (4 JP), ideal 20%" in text
    # The realised bar is drawn in the model colours (#2e7d32 for 70, #1565c0 for 20).
    assert (0.18, 0.49, 0.2) in colours and (0.08, 0.4, 0.75) in colours


def test_mechanism_and_recap_pdfs_over_http_print_right(app, two_units):
    staff = two_units["A"]["staff"]
    staff.nama = "Raden Ajeng Kusumawardhani Pangaribuan-Simanjuntak, S.T., M.Eng."
    entry_for(staff, title="Magang di Balai Besar Wilayah Sungai: manajemen aset irigasi", jp=40)
    admin = app.test_client()
    admin.login(two_units["A"]["admin"].nip)
    query = {"dari": "2026-01-01", "sampai": "2026-12-31", "unit": two_units["A"]["sub"].id}
    for path, extra in (("/laporan/rekap.pdf", {}), ("/laporan/mekanisme.pdf", {"mekanisme": "magang"})):
        response = admin.get(path, query_string={**query, **extra})
        assert response.mimetype == "application/pdf", path
        assert layout_faults(response.data) == [], path
        assert staff.nip in "".join(p["text"] for p in pages(response.data))
