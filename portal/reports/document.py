"""A report as PDF, capped at ``MAX_ROWS`` rows.

Every column has a fixed width measured from its text (:mod:`portal.reports.layout`), and the
page turns landscape when the table is wide. Each printed page is a table of its own
(:mod:`portal.reports.paging`): its header at the top, never in the middle of a page. Many small
tables also keep a long report linear, since xhtml2pdf lays out a table in time quadratic in
its rows."""

from __future__ import annotations

from portal.i18n import angka
from portal.reports import layout, paging, pdf_charts
from portal.reports.model import Report
from portal.reports.pdf import PdfError, render_pdf

MAX_ROWS = 5000


def _shown(value: object, numeric: bool) -> str:
    if value is None or value == "":
        return ""
    return angka(value) if numeric and not isinstance(value, str) else str(value)


def table_of(report: Report) -> dict:
    """The table as display text: header labels, rows and the total row, with the fitted widths."""
    header = [c.label for c in report.columns]
    rows = [[_shown(report.cell(row, c), c.numeric) for c in report.columns] for row in report.rows]
    totals = ([_shown(report.totals.get(c.key, ""), c.numeric) for c in report.columns]
              if report.totals else None)
    columns = []
    for index, label in enumerate(header):
        texts = [(label, True)] + [(row[index], False) for row in rows]
        if totals:
            texts.append((totals[index], True))
        columns.append(texts)
    fitted = layout.fit(columns)
    return {"header": header, "rows": rows, "totals": totals, "widths": fitted.widths,
            "landscape": fitted.landscape, "numeric": [c.numeric for c in report.columns]}


def render(report: Report) -> bytes:
    if len(report.rows) > MAX_ROWS:
        raise PdfError(f"Laporan berisi {len(report.rows)} baris; PDF dibatasi {MAX_ROWS} baris. "
                       "Persempit filter atau unduh XLSX.")
    table = table_of(report)
    chart = mix_svg(report.chart)
    tables, by_page = paging.page_rows(report, table, chart["height"] if chart else 0.0)
    return render_pdf("reports/pdf.html", report=report, table=table, tables=tables, by_page=by_page,
                      landscape=table["landscape"], cell_text=layout.cell_text, mix_svg=chart)


def mix_svg(chart: dict | None) -> dict | None:
    """The 70:20:10 chart as an SVG ``data:`` URI that xhtml2pdf draws as vector graphics."""
    if not chart or not chart.get("total"):
        return None
    return pdf_charts.mix_uri(chart)
