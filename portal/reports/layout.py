"""Column widths for report tables in PDF, measured with the font the PDF uses.

xhtml2pdf gives every column the same width unless told otherwise and never breaks a word, so
an 18-digit NIP ran into the next column. Here every column gets a fixed width in points:

- at least its longest unbreakable word (a NIP or a number is never split),
- more where its text is long, shared out by how much each column would like, the rows' text
  before the header's (a header wraps once a page, a name on every row),
- on a landscape page when the columns do not fit a portrait one,
- with the header row kept low: the row is as tall as its tallest label, so a long label takes
  width from neighbours whose labels have lines to spare (never below what their rows use) —
  the coaching column's seven words went from 11 lines to 7, and a 2,000-employee recap from
  95 pages to 81,
- and, when even a landscape page is too narrow, long words of text columns (never numbers)
  are hyphenated between syllables to fit their cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape
from reportlab.pdfbase import pdfmetrics

from portal.reports.fonts import report_fonts

# A4 in points, less the 1.6 cm margins of templates/reports/_pdf_base.html on each side.
A4 = (595.27, 841.89)     # width, height in points
CM = 72 / 2.54
MARGIN = 1.6 * CM
PORTRAIT = A4[0] - 2 * MARGIN
LANDSCAPE = A4[1] - 2 * MARGIN
FONT_SIZE = 8.0          # table cells
HEAD_SIZE = 7.5          # header cells (bold)
PADDING = 7.0            # 2 pt padding each side, the borders and a little air
PREFERRED_CAP = 170.0    # a long title wraps rather than taking the whole page
PORTRAIT_COLUMNS = 8     # more columns than this read better across a landscape page
VOWELS = set("aeiouAEIOU")
DIGRAPHS = ("ng", "ny", "kh", "sy", "ch")
UNBREAKABLE = re.compile(r"^[\d.,:/()%+-]+$")  # NIPs, numbers, dates in digits, codes


def text_width(text: str, bold: bool = False, size: float = FONT_SIZE) -> float:
    regular, heavy = report_fonts()
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
    hard: float       # the longest word that must not be split (numbers, NIPs, short words)
    soft: float       # the longest word, header included (decides the orientation)
    word: float       # the longest word of the rows
    line: float       # the longest text of the rows on one line (capped)
    header_word: float  # the header's longest word
    header: float     # the header on one line (capped)


def _need(texts: list[tuple[str, bool]]) -> _Need:
    """A column's widths, from ``texts``: its header first, then its rows (and total)."""
    hard = soft = word = line = 0.0
    for index, (text, bold) in enumerate(texts):
        size = HEAD_SIZE if bold else FONT_SIZE
        for piece in text.split():
            width = text_width(piece, bold, size)
            soft = max(soft, width)
            if index:
                word = max(word, width)
            if UNBREAKABLE.match(piece) or len(piece) <= 4:
                hard = max(hard, width)
        if index:
            line = max(line, text_width(text, bold, size))
    header_text = texts[0][0] if texts else ""
    # a header may wrap between syllables, never inside one ("Out-bound", not "Out-boun-d")
    hard = max([hard] + [_widest_syllable(w) for w in header_text.split()])
    header_word = max((text_width(w, True, HEAD_SIZE) for w in header_text.split()), default=0.0)
    header = text_width(header_text, True, HEAD_SIZE)

    def padded(width: float) -> float:
        return max(min(width, PREFERRED_CAP), hard) + PADDING

    return _Need(hard + PADDING, soft + PADDING, padded(word), padded(line), padded(header_word),
                 padded(header))


def fit(columns: list[list[tuple[str, bool]]]) -> Table:
    """Widths for columns given as lists of ``(text, is_header)``, the column's header first.

    Every column starts at its unbreakable words; the room left goes, in turn, to the rows'
    words whole, the rows' texts on one line, the header's words whole and the header on one
    line — rows first, because they repeat hundreds of times and a header once a page: a name
    on one line keeps a 2,000-employee recap at a third of the pages."""
    needs = [_need(texts) for texts in columns]
    landscape = len(needs) > PORTRAIT_COLUMNS or sum(n.soft for n in needs) > PORTRAIT
    widths = [n.hard for n in needs]
    page = LANDSCAPE if landscape else PORTRAIT
    for wanted in ([n.word for n in needs], [n.line for n in needs],
                   [n.header_word for n in needs], [n.header for n in needs]):
        widths = _share(widths, wanted, page)
    headers = [texts[0][0] if texts else "" for texts in columns]
    widths = _lower_header(widths, [min(w, n.line) for w, n in zip(widths, needs, strict=True)], headers, page)
    return Table([round(w, 1) for w in _rest_to_text(widths, needs, page)], landscape)


def header_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes as a header cell ``width`` wide."""
    return text_lines(text, width, bold=True)


def text_lines(text: str, width: float, bold: bool = False, size: float | None = None,
               padding: float = PADDING) -> int:
    """How many lines ``text`` takes in a cell ``width`` wide (as :func:`cell_text` breaks it:
    words fill a line, a hyphenated word's pieces each start a new one), wrapping within
    ``width - padding``. Bold text is a header's or a total's, in the header size, unless
    ``size`` says otherwise."""
    size = size or (HEAD_SIZE if bold else FONT_SIZE)
    inner, space = width - PADDING, text_width(" ", bold, size)
    room = width - padding
    lines, used = 1, 0.0
    for word in text.split():
        pieces = _pieces(word, inner, bold)
        first = text_width(pieces[0], bold, size)
        if used and used + space + first > room + 0.5:
            lines, used = lines + 1, first
        else:
            used += (space if used else 0) + first
        for piece in pieces[1:]:
            lines, used = lines + 1, text_width(piece, bold, size)
    return lines


def _lower_header(widths: list[float], floors: list[float], headers: list[str], page: float) -> list[float]:
    """The header row is as tall as its tallest cell: where one long label stands many lines above
    the rest, move width to it from columns whose labels have lines to spare, never below what
    their rows use (``floors``), for the fewest lines that fit the page."""
    tallest = max((header_lines(h, w) for h, w in zip(headers, widths, strict=True)), default=1)
    best = widths
    for lines in range(tallest - 1, 0, -1):
        needed = [_width_for(h, lines, floor, w) for h, floor, w in zip(headers, floors, widths, strict=True)]
        if sum(needed) > page:
            break
        best = _share(needed, widths, page)  # what is left goes back towards the first fit
    return best


def _width_for(header: str, lines: int, floor: float, ceiling: float) -> float:
    """The narrowest width from ``floor`` at which ``header`` takes at most ``lines`` lines (by
    halving; ``ceiling`` when it already takes more there, widened until it fits)."""
    low, high = floor, max(ceiling, floor)
    while header_lines(header, high) > lines:
        low, high = high, high * 1.25
    if header_lines(header, low) <= lines:
        return low
    while high - low > 0.5:
        middle = (low + high) / 2
        low, high = (low, middle) if header_lines(header, middle) <= lines else (middle, high)
    return high


def _rest_to_text(widths: list[float], needs: list[_Need], page: float) -> list[float]:
    """Everything fits on one line: the room still left goes to the text columns."""
    spare = page - sum(widths)
    if spare <= 0:
        return widths
    texty = [i for i, n in enumerate(needs) if n.line > n.hard + 1] or list(range(len(needs)))
    return [w + (spare / len(texty) if i in texty else 0) for i, w in enumerate(widths)]


def _share(widths: list[float], wanted: list[float], page: float) -> list[float]:
    """Each column grown towards ``wanted`` in proportion to what it lacks, within the page."""
    spare = page - sum(widths)
    wants = [max(want - w, 0.0) for want, w in zip(wanted, widths, strict=True)]
    if spare <= 0 or sum(wants) <= 0:
        return widths
    share = min(1.0, spare / sum(wants))
    return [w + want * share for w, want in zip(widths, wants, strict=True)]


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


def _widest_syllable(word: str) -> float:
    """The widest piece of a header word cut at its syllable boundaries (hyphen included)."""
    cuts = [0, *_breaks(word), len(word)]
    return max(text_width(_piece(word, a, b) if b < len(word) else word[a:], True, HEAD_SIZE)
               for a, b in pairwise(cuts))


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
    return Markup(" ").join(Markup("<br>").join(escape(piece) for piece in _pieces(word, inner, bold))
                            for word in text.split(" "))


def _pieces(word: str, inner: float, bold: bool) -> list[str]:
    """``word`` as printed in a cell ``inner`` wide: whole, or hyphenated when it is too wide
    (never a number, a NIP or a word of four letters or fewer)."""
    size = HEAD_SIZE if bold else FONT_SIZE
    if len(word) > 4 and not UNBREAKABLE.match(word) and text_width(word, bold, size) > inner + 0.5:
        return hyphenate(word, inner, bold)
    return [word]
