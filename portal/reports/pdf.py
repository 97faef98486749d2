"""HTML -> PDF with xhtml2pdf under a closed resource policy (SECURITY.md §3, P1–P5).

- No network at all (``allow_remote=False``); local reads only inside the vendored font folder.
- ``link_callback`` maps nothing but those fonts and ``data:`` images (PNG, GIF, JPEG, and SVG
  that the portal draws itself: charts, the neutral emblem — uploads are PNG/JPEG only); every other URL becomes a
  transparent 1×1 GIF ``data:`` URI (never ``None``: xhtml2pdf would fetch the original, P3).
- ``pisa_status.err`` is checked; a failed render raises :class:`PdfError`.

Templates are Jinja ``.html`` files (autoescaped): user text only ever appears as element
content, so a name like ``<img src=x onerror=…>`` is printed as text.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from flask import current_app
from markupsafe import Markup
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from portal.refusal import Refusal
from portal.reports import page_numbers
from portal.reports.fonts import FONT_DIR, FONTS

BLANK = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
DATA_IMAGES = ("data:image/png;base64,", "data:image/gif;base64,", "data:image/jpeg;base64,",
               "data:image/svg+xml;base64,")
MAX_SOURCE_BYTES = 8 * 1024 * 1024
FAILED = "PDF gagal dibuat. Silakan coba lagi; bila berulang, hubungi admin."

log = logging.getLogger(__name__)


class PdfError(Refusal):
    """The PDF could not be rendered; the message is Indonesian and safe to show."""


def policy() -> ResourceAccessPolicy:
    return ResourceAccessPolicy.server(base_dir=FONT_DIR, allow_remote=False,
                                       max_render_seconds=120, max_document_bytes=MAX_SOURCE_BYTES)


def link_callback(uri: str, rel: str) -> str:
    """Only the vendored fonts and inline images pass; anything else is a harmless blank."""
    if uri.startswith(DATA_IMAGES):
        return uri
    try:
        path = Path(uri).resolve()
    except (OSError, ValueError):
        return BLANK
    if path.parent == FONT_DIR and path in FONTS.values():
        return str(path)
    log.warning("PDF resource refused: %.200r", uri)
    return BLANK


def html_to_pdf(html: str) -> bytes:
    """Render trusted-template HTML to PDF bytes.

    :raises PdfError: on any rendering error (details are logged, not shown).
    """
    if len(html.encode()) > MAX_SOURCE_BYTES:
        raise PdfError("Dokumen terlalu besar untuk dibuat PDF. Persempit filter atau unduh XLSX.")
    out = io.BytesIO()
    try:
        status = pisa.CreatePDF(html, dest=out, link_callback=link_callback, encoding="utf-8",
                                resource_policy=policy())
    except Exception:  # xhtml2pdf/ReportLab raise many kinds; the caller needs one
        log.exception("PDF rendering failed")
        raise PdfError(FAILED) from None
    if status.err:
        log.error("PDF rendering reported %s error(s)", status.err)
        raise PdfError(FAILED)
    return out.getvalue()


def render_pdf(template: str, **context) -> bytes:
    """Render a Jinja template (``templates/…/*.html``) with the font paths, then to PDF.

    A template that fills the ``footer`` block (those built on ``reports/_pdf_base.html``) gets
    that text and "halaman i dari n" at the foot of every page (portal.reports.page_numbers)."""
    # The bare Jinja environment: no context processors (navigation, current user), so PDFs
    # render the same inside a request and in a background job.
    page = current_app.jinja_env.get_template(template)
    values = {"pdf_fonts": {k: str(v) for k, v in FONTS.items()}, **context}
    data = html_to_pdf(page.render(values))
    footer = page.blocks.get("footer")
    if footer is None:
        return data
    text = Markup("".join(footer(page.new_context(values)))).striptags()
    try:
        return page_numbers.stamp(data, text)
    except Exception:  # pypdf/ReportLab raise many kinds, as xhtml2pdf does: the caller needs one
        log.exception("PDF page numbering failed")
        raise PdfError(FAILED) from None
