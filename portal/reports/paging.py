"""A report PDF's rows split by printed page: each page holds its own table, the header at its
top, and the next table starts on a new page.

Before, the rows went into tables of 40 (xhtml2pdf lays out a table in time quadratic in its
rows). Each table began with its header wherever the previous one ended, so a header stood in
the middle of most pages and took the room of about three rows there.

The heights below follow xhtml2pdf's, measured with pdfplumber on its output:
- a line is 1.5 × the font size;
- a table cell adds 2 pt of padding above and below (a one-line row is 16 pt, a two-line row
  28 pt, a seven-line header 82.75 pt).

Lines are counted as :func:`portal.reports.layout.cell_text` breaks them and as ReportLab wraps
them: greedily, with the same font metrics, within the cell's width less its padding (and half a
point more, for rounding). The kop, the title, the heading lines and the chart of the first page
are counted with their margins; ``SLACK`` absorbs what rounding is left.
"""

from __future__ import annotations

from portal.reports import layout
from portal.reports.model import Report

LINE = 1.5                  # line height ÷ font size
CELL_PADDING = 4.0          # 2 pt above and below the text of a table cell, and left and right
WRAP_PADDING = CELL_PADDING + 0.5  # a cell's text wraps within its width less its padding
SLACK = 2.0                 # points left free at the foot of a page, for rounding
FLOW_ROWS = 40              # rows of a table when rows are too tall to be paged here
FOOT_MARGIN = 1.8 * layout.CM  # @page margins: 1.6 cm at the top (layout.MARGIN), 1.8 cm at the foot
FRAME = {False: layout.A4[1] - layout.MARGIN - FOOT_MARGIN, True: layout.A4[0] - layout.MARGIN - FOOT_MARGIN}
# templates/reports/_pdf_base.html and reports/pdf.html: the kop (two lines, 4 pt padding, a
# 2 px rule, 8 pt margin: 44 pt as printed, measured), the title (12 pt, 4 + 8 pt margins), a
# meta row (9.5 pt, 2 pt padding)
KOP = 44.0
TITLE_SIZE, TITLE_MARGINS = 12.0, 12.0
META_SIZE, META_PADDING = 9.5, 2.0
CHART_HEADING = 11 * LINE + 10 + 4
PIXEL = 0.75                # the chart's <img height> is in pixels of 0.75 pt


def row_height(cells: list[str], widths: list[float], bold: bool = False) -> float:
    """A table row's height: its tallest cell (``bold``: the totals row, in the header size)."""
    size = layout.HEAD_SIZE if bold else layout.FONT_SIZE
    lines = max((layout.text_lines(text, width, bold, padding=WRAP_PADDING)
                 for text, width in zip(cells, widths, strict=True)), default=1)
    return lines * size * LINE + CELL_PADDING


def header_height(report: Report, widths: list[float]) -> float:
    """The header rows' height, column numbers included: each header line as tall as its tallest
    cell, and a cell over two lines as tall as it needs."""
    header = report.header_rows()
    line_heights, spanning = [0.0] * len(header), 0.0
    for index, line in enumerate(header):
        for cell in line:
            width = sum(widths[cell.start:cell.start + cell.span])
            count = layout.text_lines(cell.text, width, bold=True, padding=WRAP_PADDING)
            height = count * layout.HEAD_SIZE * LINE + CELL_PADDING
            if cell.rowspan > 1:
                spanning = max(spanning, height)
            else:
                line_heights[index] = max(line_heights[index], height)
    numbers = layout.HEAD_SIZE * LINE + CELL_PADDING if report.column_numbers else 0.0
    return max(sum(line_heights), spanning) + numbers


def preamble_height(report: Report, page_width: float, chart_height: float = 0.0) -> float:
    """What the first page prints above the table: the kop, the title, the heading lines and the
    70:20:10 chart (``chart_height`` in pixels, as its ``<img>`` says)."""
    title = layout.text_lines(report.title, page_width, True, TITLE_SIZE) * TITLE_SIZE * LINE + TITLE_MARGINS
    meta = sum(max(layout.text_lines(label, 0.18 * page_width, size=META_SIZE),
                   layout.text_lines(value, 0.80 * page_width, size=META_SIZE)) * META_SIZE * LINE
               + META_PADDING for label, value in report.header)
    chart = CHART_HEADING + chart_height * PIXEL if chart_height else 0.0
    return KOP + title + meta + chart


def split(heights: list[float], header: float, first_page: float, page: float) -> list[tuple[int, int]]:
    """``(start, end)`` of the rows on each page, given each row's height, the header's, and the
    room of the first page (below its preamble) and of every other page. A page holds one row at
    least, however tall."""
    pages, start, room, used = [], 0, first_page, header
    for index, height in enumerate(heights):
        if index > start and used + height > room - SLACK:
            pages.append((start, index))
            start, room, used = index, page, header
        used += height
    pages.append((start, len(heights)))
    return pages


def page_rows(report: Report, table: dict, chart_height: float = 0.0) -> tuple[list[list[list[str]]], bool]:
    """The rows of ``table`` (:func:`portal.reports.document.table_of`) in tables, and whether each
    table is a printed page (a page break before each but the first).

    By page: the totals row counts on the last page; when it does not fit there, the last page
    holds it alone under the header (an empty list of rows). A row taller than half a page
    (pages of free text in many narrow columns) is one xhtml2pdf splits across pages itself, and
    then no page's end can be known here: the rows flow in tables of ``FLOW_ROWS``, as before,
    their header wherever one begins."""
    widths, landscape = table["widths"], table["landscape"]
    frame = FRAME[landscape]
    page_width = layout.LANDSCAPE if landscape else layout.PORTRAIT
    rows = table["rows"]
    heights = [row_height(row, widths) for row in rows]
    if table["totals"]:
        heights.append(row_height(table["totals"], widths, bold=True))
    header = header_height(report, widths)
    if max(heights, default=0) > (frame - header) / 2:
        return [rows[i:i + FLOW_ROWS] for i in range(0, len(rows), FLOW_ROWS)] or [[]], False
    ranges = split(heights, header, frame - preamble_height(report, page_width, chart_height), frame)
    return [rows[start:min(end, len(rows))] for start, end in ranges] or [[]], True
