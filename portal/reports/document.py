"""A report as PDF: rows in tables of ``CHUNK`` (xhtml2pdf tables are O(n²) in their rows,
so many small tables keep a long report linear), capped at ``MAX_ROWS``."""

from __future__ import annotations

from portal.reports.model import Report
from portal.reports.pdf import PdfError, render_pdf

CHUNK = 40
MAX_ROWS = 5000


def render(report: Report) -> bytes:
    if len(report.rows) > MAX_ROWS:
        raise PdfError(f"Laporan berisi {len(report.rows)} baris; PDF dibatasi {MAX_ROWS} baris. "
                       "Persempit filter atau unduh XLSX.")
    chunks = [report.rows[i:i + CHUNK] for i in range(0, len(report.rows), CHUNK)] or [[]]
    landscape = len(report.columns) > 9
    return render_pdf("reports/pdf.html", report=report, chunks=chunks, landscape=landscape)
