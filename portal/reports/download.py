"""A report handed out as XLSX or PDF, the same way on every report page of the core and the
plugins: the spreadsheet streamed, or the PDF rendered; a PDF that cannot be rendered is not a
500 — its reason is flashed and the page answers ``back()``."""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, flash

from portal.exports import download
from portal.reports import document, xlsx
from portal.reports.model import Report
from portal.reports.pdf import PdfError


def report_download(report: Report, fmt: str, back: Callable[[str], Response]) -> Response:
    """``fmt`` ``"xlsx"`` or ``"pdf"``; ``back(reason)`` answers when the PDF fails."""
    if fmt == "xlsx":
        return xlsx.response(report)
    try:
        data = document.render(report)
    except PdfError as error:
        return back(str(error))
    return download(data, f"{report.filename}.pdf")


def flash_and(redirect: Callable[[], Response]) -> Callable[[str], Response]:
    """``back`` for a page that shows the reason as a flash message and redirects."""
    def back(reason: str) -> Response:
        flash(reason, "error")
        return redirect()
    return back
