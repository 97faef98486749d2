"""Spreadsheet export helpers (openpyxl, write-only) with formula-injection escaping."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from flask import Response
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]+")
_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9._()\- ]+")
FALLBACK_NAME = "unduhan"


def content_disposition(filename: str, inline: bool = False) -> str:
    """The ``Content-Disposition`` of every download (issue 15 item 7), per RFC 6266: an ASCII
    ``filename=`` fallback (accents folded, anything else becomes ``_``) and the full name as
    ``filename*=UTF-8''…``. Control characters (CR/LF), quotes and path separators in names built
    from user data can never break the header or choose a folder."""
    name = " ".join(_UNSAFE_NAME.sub("_", filename or "").split()).strip(". ") or FALLBACK_NAME
    stem, dot, extension = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    fallback = (_ascii(stem) or FALLBACK_NAME) + (f".{_ascii(extension)}" if _ascii(extension) else "")
    disposition = "inline" if inline else "attachment"
    if fallback == name:
        return f'{disposition}; filename="{fallback}"'
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def safe_cell(value):
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe; control
    characters XLSX cannot hold (NUL, …) are dropped instead of failing the whole export."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _ASCII_UNSAFE.sub("_", folded).strip("._ ")


def xlsx_response(filename: str, title: str, header: Sequence[str], rows: Iterable[Sequence]) -> Response:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append([_bold(sheet, h) for h in header])
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Response(
        buffer.getvalue(),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": content_disposition(filename)},
    )


def _bold(sheet, text: str):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    return cell
