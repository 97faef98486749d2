"""Every portal document built on ``reports/_pdf_base.html`` carries "… — halaman i dari n" at
the foot of each page, written after one layout pass (portal.reports.page_numbers): a long
recap is no longer laid out twice to learn its page count (issue 21)."""

from __future__ import annotations

import io
import re

import pdfplumber

from portal.reports import document, page_numbers
from portal.reports.model import Report, number_rows
from portal.testing import template_files
from portal.types import ReportColumn

COLUMNS = [ReportColumn("no", "No", True), ReportColumn("nama", "Nama"), ReportColumn("jp", "JP", True)]


def _report(title: str, rows: int) -> Report:
    lines = number_rows([{"nama": f"Pegawai {n:04d}", "jp": n % 9} for n in range(rows)])
    return Report(kind="mekanisme", title=title, header=[("Unit Kerja", "Direktorat Uji")],
                  columns=COLUMNS, rows=lines)


def _footers(data: bytes) -> list[tuple[str, float, float]]:
    """Per page: the text below the body's lower margin, and how far its top and its right edge
    are from the page's lower and right edges (points)."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            low = [w for w in page.extract_words() if w["top"] > page.height - 1.8 / 2.54 * 72]
            text = " ".join(w["text"] for w in sorted(low, key=lambda w: w["x0"]))
            found.append((text, page.height - min(w["top"] for w in low), page.width - max(w["x1"] for w in low)))
    return found


def test_each_page_of_a_long_report_says_which_page_it_is_of_how_many(app):
    with app.app_context():
        data = document.render(_report("LAPORAN MEKANISME MAGANG", 150))
    footers = _footers(data)
    assert len(footers) >= 3
    for number, (text, above_edge, from_right) in enumerate(footers, start=1):
        assert text == f"LAPORAN MEKANISME MAGANG — halaman {number} dari {len(footers)}"
        assert 30 < above_edge < 51  # inside the 1.8 cm lower margin, below the body
        assert abs(from_right - page_numbers.MARGIN) < 1  # right-aligned on the body's edge


def test_the_footer_prints_a_title_as_text_never_as_markup(app):
    with app.app_context():
        data = document.render(_report("Rekap <b>Unit</b> & Balai", 3))
    assert _footers(data)[0][0] == "Rekap <b>Unit</b> & Balai — halaman 1 dari 1"


def test_a_document_that_cannot_be_numbered_is_refused_in_indonesian(app, monkeypatch):
    import pytest

    from portal.reports.pdf import FAILED, PdfError

    def broken(_pdf, _text):
        raise ValueError("stream ended")

    monkeypatch.setattr(page_numbers, "stamp", broken)
    with app.app_context(), pytest.raises(PdfError, match="PDF gagal dibuat") as refused:
        document.render(_report("LAPORAN MEKANISME MAGANG", 3))
    assert str(refused.value) == FAILED


def test_no_document_asks_xhtml2pdf_for_its_page_count():
    """``<pdf:pagecount>`` makes xhtml2pdf lay the whole document out twice."""
    asking = [path.name for path in template_files() if re.search(r"pdf:pagecount", path.read_text())]
    assert asking == []


def test_every_document_on_the_pdf_base_names_its_footer(app):
    """Every template built on the PDF base fills its footer block: the line each page carries
    (the core's and every installed plugin's)."""
    unnamed = []
    for path in template_files():
        source = path.read_text()
        if '{% extends "reports/_pdf_base.html" %}' in source \
                and not re.search(r"{%\s*block footer\s*%}\s*\S", source):
            unnamed.append(path.name)
    assert unnamed == []
