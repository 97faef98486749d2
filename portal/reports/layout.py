"""Column widths for report tables in PDF, measured with the font the PDF uses.

xhtml2pdf gives every column the same width unless told otherwise and never breaks a word, so
an 18-digit NIP ran into the next column. Here every column gets a fixed width in points:

- at least its longest unbreakable word (a NIP or a number is never split),
- more where its text is long, shared out by how much each column would like,
- on a landscape page when the columns do not fit a portrait one,
- and, when even a landscape page is too narrow, long words of text columns (never numbers)
  are hyphenated between syllables to fit their cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup, escape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from portal.reports.pdf import FONTS

# A4 in points, less the 1.6 cm margins of templates/reports/_pdf_base.html on each side.
MARGIN = 1.6 / 2.54 * 72
PORTRAIT = 595.27 - 2 * MARGIN
LANDSCAPE = 841.89 - 2 * MARGIN
FONT_SIZE = 8.0          # table cells
HEAD_SIZE = 7.5          # header cells (bold)
PADDING = 7.0            # 2 pt padding each side, the borders and a little air
PREFERRED_CAP = 170.0    # a long title wraps rather than taking the whole page
PORTRAIT_COLUMNS = 8     # more columns than this read better across a landscape page
VOWELS = set("aeiouAEIOU")
DIGRAPHS = ("ng", "ny", "kh", "sy", "ch")
UNBREAKABLE = re.compile(r"^[\d.,:/()%+-]+$")  # NIPs, numbers, dates in digits, codes


@cache
def _fonts() -> tuple[str, str]:
    names = ("ReportDejaVu", "ReportDejaVuBold")
    for name, path in zip(names, (FONTS["regular"], FONTS["bold"]), strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return names


def text_width(text: str, bold: bool = False, size: float = FONT_SIZE) -> float:
    regular, heavy = _fonts()
    return pdfmetrics.stringWidth(text, heavy if bold else regular, size)


@dataclass(frozen=True)
class Table:
    """Widths (points) for each column and the page orientation they were fitted to."""

    widths: list[float]
    landscape: bool

    @property
    def total(self) -> float:
        return sum(self.widths)


@dataclass
class _Need:
    hard: float       # the longest word that must not be split (numbers, NIPs)
    soft: float       # the longest word
    preferred: float  # the whole longest text on one line
    header: float     # the header on one line


def _need(texts: list[tuple[str, bool]]) -> _Need:
    hard = soft = preferred = 0.0
    header = text_width(texts[0][0], True, HEAD_SIZE) if texts else 0.0
    for text, bold in texts:
        size = HEAD_SIZE if bold else FONT_SIZE
        for word in text.split():
            width = text_width(word, bold, size)
            soft = max(soft, width)
            if UNBREAKABLE.match(word) or len(word) <= 4:
                hard = max(hard, width)
        preferred = max(preferred, text_width(text, bold, size))
    return _Need(hard + PADDING, soft + PADDING, min(max(preferred, soft), PREFERRED_CAP) + PADDING,
                 min(header, PREFERRED_CAP) + PADDING)


def fit(columns: list[list[tuple[str, bool]]]) -> Table:
    """Widths for columns given as lists of ``(text, is_header)``, the column's header first."""
    needs = [_need(texts) for texts in columns]
    soft = sum(n.soft for n in needs)
    landscape = len(needs) > PORTRAIT_COLUMNS or soft > PORTRAIT
    page = LANDSCAPE if landscape else PORTRAIT
    widths = _squeeze(needs, page) if soft > page else [n.soft for n in needs]
    return Table([round(w, 1) for w in _grow(widths, needs, page)], landscape)


def _grow(widths: list[float], needs: list[_Need], page: float) -> list[float]:
    """Room left over goes first to headers on one line, then to long cell texts; what is still
    left (everything fits on one line) goes to the text columns."""
    for wanted in ([n.header for n in needs], [n.preferred for n in needs]):
        spare = page - sum(widths)
        wants = [max(want - w, 0.0) for want, w in zip(wanted, widths, strict=True)]
        if spare > 0 and sum(wants) > 0:
            share = min(1.0, spare / sum(wants))
            widths = [w + want * share for w, want in zip(widths, wants, strict=True)]
    spare = page - sum(widths)
    if spare > 0:
        texty = [i for i, n in enumerate(needs) if n.preferred > n.hard + 1] or list(range(len(needs)))
        widths = [w + (spare / len(texty) if i in texty else 0) for i, w in enumerate(widths)]
    return widths


def _squeeze(needs: list[_Need], page: float) -> list[float]:
    """Cap the breakable columns at one width so that the table fills the page exactly."""
    low, high = 0.0, max(n.soft for n in needs)
    for _ in range(40):
        cap = (low + high) / 2
        if sum(max(min(n.soft, cap), n.hard) for n in needs) > page:
            high = cap
        else:
            low = cap
    return [max(min(n.soft, low), n.hard) for n in needs]


def _breaks(word: str) -> list[int]:
    """Indonesian syllable boundaries: V-CV and VC-CV (ma-sa-lah, pem-be-la-ja-ran), and after
    a hyphen the word already has (coaching-mentoring)."""
    points = [i + 1 for i, char in enumerate(word[:-1]) if char == "-" and i > 0]
    for i in range(2, len(word) - 2):
        before, here, after = word[i - 1], word[i], word[i + 1]
        if not (before.isalpha() and here.isalpha() and after.isalpha()):
            continue
        if before in VOWELS and here not in VOWELS and after in VOWELS:
            points.append(i)
        elif before in VOWELS and word[i:i + 2].lower() in DIGRAPHS and word[i + 2:i + 3] in VOWELS:
            points.append(i)  # a digraph opens the syllable: coa-ching, pe-nyakit
        elif before not in VOWELS and here not in VOWELS and word[i - 2] in VOWELS and after in VOWELS \
                and (before + here).lower() not in DIGRAPHS:
            points.append(i)
    return points


def hyphenate(word: str, width: float, bold: bool = False) -> list[str]:
    """Split ``word`` at syllable boundaries into pieces (ending in "-") no wider than ``width``."""
    size = HEAD_SIZE if bold else FONT_SIZE
    pieces, start = [], 0
    while text_width(word[start:], bold, size) > width:
        fitting = [p for p in _breaks(word) if p > start
                   and text_width(_piece(word, start, p), bold, size) <= width]
        if not fitting:
            # No syllable boundary fits: cut at the widest prefix that fits.
            cut = start + 1
            while cut < len(word) - 1 and text_width(word[start:cut + 1] + "-", bold, size) <= width:
                cut += 1
            fitting = [cut]
        pieces.append(_piece(word, start, fitting[-1]))
        start = fitting[-1]
    pieces.append(word[start:])
    return pieces


def _piece(word: str, start: int, end: int) -> str:
    piece = word[start:end]
    return piece if piece.endswith("-") else piece + "-"


def cell_text(value: object, width: float, bold: bool = False) -> Markup:
    """The cell's text, escaped, with words too wide for the cell hyphenated onto new lines."""
    text = "" if value is None else str(value)
    inner = width - PADDING
    size = HEAD_SIZE if bold else FONT_SIZE
    words = []
    for word in text.split(" "):
        if len(word) > 4 and not UNBREAKABLE.match(word) and text_width(word, bold, size) > inner + 0.5:
            words.append(Markup("<br>").join(escape(p) for p in hyphenate(word, inner, bold)))
        else:
            words.append(escape(word))
    return Markup(" ").join(words)
