"""Every file the portal hands out (:func:`download`, :func:`attach`: one ``Content-Disposition``
and cache policy) and the spreadsheet helpers (openpyxl, write-only) with formula-injection
escaping."""

from __future__ import annotations

import io
import mimetypes
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


MIMETYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "zip": "application/zip",
    "json": "application/json",
}
PRIVATE = "private, no-store"


def download(body, filename: str, mimetype: str | None = None, cache: str = PRIVATE) -> Response:
    """A file download (bytes, or an iterable of chunks): the type from the name's extension
    unless given, the safe ``Content-Disposition``, and not kept by shared caches."""
    if mimetype is None:
        extension = filename.rpartition(".")[2].lower()
        mimetype = MIMETYPES.get(extension) or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": content_disposition(filename), "Cache-Control": cache})


def attach(response: Response, filename: str, cache: str = PRIVATE) -> Response:
    """The same headers on a response made elsewhere (``send_file`` of a stored file)."""
    response.headers["Content-Disposition"] = content_disposition(filename)
    response.headers["Cache-Control"] = cache
    return response


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
    return download(buffer.getvalue(), filename)


def _bold(sheet, text: str):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    return cell
