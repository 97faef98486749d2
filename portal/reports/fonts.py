"""The fonts every portal PDF prints with (vendored DejaVu): their files, for xhtml2pdf's
``@font-face``, and their ReportLab names, for measuring text and writing page footers."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = (Path(__file__).resolve().parent.parent / "static" / "fonts").resolve()
FONTS = {"regular": FONT_DIR / "DejaVuSans.ttf", "bold": FONT_DIR / "DejaVuSans-Bold.ttf"}


@cache
def report_fonts() -> tuple[str, str]:
    """The fonts registered with ReportLab: (regular, bold)."""
    names = ("ReportDejaVu", "ReportDejaVuBold")
    for name, path in zip(names, (FONTS["regular"], FONTS["bold"]), strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return names
