"""What an uploaded spreadsheet may declare, checked before anything parses it (issue 15 item 5).

An XLSX file is a ZIP archive whose parts can inflate far beyond the upload limit (a 744 KB
workbook declaring 306 MB of shared strings took minutes and gigabytes in openpyxl). Every limit
is derived from the import's row cap: a workbook may hold at most what ``max_rows`` rows of a
generous width can need. The ZIP directory's declared sizes are binding — Python's ``zipfile``
never inflates a part beyond its declared size — so checking them bounds the real work.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from portal.refusal import Refusal

MAX_COLUMNS = 200  # named header columns a sheet may have
MAX_PARTS = 500  # a workbook from Excel has 10–30 parts; images and charts add a few each
ROW_XML_BYTES = 4096  # worksheet XML per row (a 30-column text row is about 1.5 KiB)
ROW_TEXT_BYTES = 1024  # shared-string XML per row
OTHER_PART_BYTES = 16 * 1024 * 1024  # styles, theme, drawings … each
HEAD_BYTES = 64 * 1024  # where <dimension> and the <sst> counts are written
CSV_ROW_BYTES = 4096

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"\$?([A-Z]{1,3})\$?(\d{1,7})"
                        rb"(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?\"")
_SST = re.compile(rb"<(?:\w+:)?sst\b[^>]*>")
_COUNT = re.compile(rb"\b(count|uniqueCount)=\"(\d{1,12})\"")


class TooLarge(Refusal):
    """The file declares more than the import can hold; the message (Indonesian) is for the user."""


@dataclass(frozen=True)
class Budget:
    """The limits for an import of at most ``max_rows`` data rows."""

    max_rows: int

    @property
    def rows(self) -> int:
        return self.max_rows + 1  # the header

    @property
    def sheet_bytes(self) -> int:
        return self.rows * ROW_XML_BYTES

    @property
    def strings_bytes(self) -> int:
        return self.rows * ROW_TEXT_BYTES

    @property
    def strings_count(self) -> int:
        return self.rows * MAX_COLUMNS

    @property
    def declared_rows(self) -> int:
        return 2 * self.rows  # stored dimensions often count formatted empty rows

    @property
    def total_bytes(self) -> int:
        return self.sheet_bytes + self.strings_bytes + 4 * OTHER_PART_BYTES

    @property
    def csv_bytes(self) -> int:
        return self.rows * CSV_ROW_BYTES


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB".replace(",", ".")


def _refuse(what: str) -> TooLarge:
    return TooLarge(f"Berkas XLSX ditolak sebelum dibaca: {what}. Bagi berkas menjadi beberapa "
                    "bagian, atau simpan ulang dari Excel hanya dengan lembar data.")


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode("ascii"):
        number = number * 26 + ord(letter) - 64
    return number


def check_xlsx(archive: zipfile.ZipFile, max_rows: int) -> None:
    """Raise :class:`TooLarge` when the archive declares more than ``max_rows`` rows can hold:
    too many parts, a part or the whole inflating beyond its budget, a worksheet dimension
    beyond the rows and columns allowed, or more shared strings than the cells allowed."""
    budget = Budget(max_rows)
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise _refuse(f"berisi {len(infos)} bagian (paling banyak {MAX_PARTS})")
    total = 0
    for info in infos:
        total += info.file_size
        limit = _part_limit(info.filename, budget)
        if info.file_size > limit:
            raise _refuse(f"bagian {info.filename} berukuran {_mb(info.file_size)} setelah "
                          f"diekstrak (paling besar {_mb(limit)} untuk {_rows(budget)} baris)")
    if total > budget.total_bytes:
        raise _refuse(f"isinya {_mb(total)} setelah diekstrak (paling besar "
                      f"{_mb(budget.total_bytes)} untuk {_rows(budget)} baris)")
    for info in infos:
        if _is_worksheet(info.filename):
            _check_dimension(_head(archive, info), info.filename, budget)
        elif info.filename.lower() == "xl/sharedstrings.xml":
            _check_strings(_head(archive, info), budget)


def check_csv(size: int, max_rows: int) -> None:
    budget = Budget(max_rows)
    if size > budget.csv_bytes:
        raise TooLarge(f"Berkas CSV berukuran {_mb(size)}, melebihi {_mb(budget.csv_bytes)} untuk "
                       f"{_rows(budget)} baris. Bagi berkas menjadi beberapa bagian.")


def _rows(budget: Budget) -> str:
    return f"{budget.max_rows:,}".replace(",", ".")


def _is_worksheet(name: str) -> bool:
    return name.lower().startswith("xl/worksheets/") and name.lower().endswith(".xml")


def _part_limit(name: str, budget: Budget) -> int:
    if _is_worksheet(name):
        return budget.sheet_bytes
    if name.lower() == "xl/sharedstrings.xml":
        return budget.strings_bytes
    return OTHER_PART_BYTES


def _head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as part:
            return part.read(HEAD_BYTES)
    except Exception:  # noqa: BLE001 - a damaged part is reported by the reader later
        return b""


def _check_dimension(head: bytes, name: str, budget: Budget) -> None:
    match = _DIMENSION.search(head)
    if match is None:
        return
    last_column, last_row = match.group(3) or match.group(1), match.group(4) or match.group(2)
    rows, columns = int(last_row), column_number(last_column)
    if rows > budget.declared_rows or rows * columns > budget.declared_rows * MAX_COLUMNS:
        raise _refuse(f"lembar {name} menyatakan {rows:,} baris × {columns:,} kolom".replace(",", ".")
                      + f" (paling banyak {_rows(budget)} baris data)")


def _check_strings(head: bytes, budget: Budget) -> None:
    tag = _SST.search(head)
    if tag is None:
        return
    for _attribute, value in _COUNT.findall(tag.group(0)):
        if int(value) > budget.strings_count:
            raise _refuse(f"daftar teks menyatakan {int(value):,} teks".replace(",", ".") +
                          f" (paling banyak {budget.strings_count:,} untuk".replace(",", ".") +
                          f" {_rows(budget)} baris)")
