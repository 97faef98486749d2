"""Test support (pdfplumber, a test dependency): reading a PDF back to check its layout — words
with their positions, and the two faults of a badly printed table: text of one cell running
over another, and text off the page."""

from __future__ import annotations

import io
import re

import pdfplumber

TOLERANCE = 0.6  # points: glyph boxes of neighbouring words may touch


def _overlap(a: dict, b: dict) -> bool:
    return (min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > TOLERANCE
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > TOLERANCE)


def layout_faults(data: bytes) -> list[str]:
    """Every overlap of two words, every word off the page and every word that crosses a
    table cell's border, as readable lines (empty: the PDF prints right)."""
    faults = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            for word in words:
                if word["x0"] < -TOLERANCE or word["x1"] > page.width + TOLERANCE \
                        or word["top"] < -TOLERANCE or word["bottom"] > page.height + TOLERANCE:
                    faults.append(f"page {number}: {word['text']!r} is off the page")
            ordered = sorted(words, key=lambda w: (w["top"], w["x0"]))
            for index, word in enumerate(ordered):
                for other in ordered[index + 1:]:
                    if other["top"] > word["bottom"]:
                        break
                    if _overlap(word, other):
                        faults.append(f"page {number}: {word['text']!r} overlaps {other['text']!r}")
            for table in page.find_tables():
                for word in words:
                    middle = ((word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2)
                    for x0, top, x1, bottom in (c for c in table.cells if c):
                        if x0 <= middle[0] <= x1 and top <= middle[1] <= bottom:
                            if word["x0"] < x0 - TOLERANCE or word["x1"] > x1 + TOLERANCE:
                                faults.append(f"page {number}: {word['text']!r} crosses its cell border")
                            break
    return faults


def pages(data: bytes) -> list[dict]:
    """Per page: its size and its text."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [{"width": p.width, "height": p.height, "text": p.extract_text() or ""} for p in pdf.pages]


def unbroken(text: str) -> str:
    """Extracted text with the words the layout hyphenated across lines joined again."""
    return re.sub(r"-[ \t]*\n[ \t]*", "", text)
