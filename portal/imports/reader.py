"""Reading an uploaded CSV or XLSX file into a header and rows of text cells.

The file type is decided by the content (an XLSX file is a ZIP archive, a CSV file is text),
checked against the extension; anything else is refused with an Indonesian message.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from portal.imports import limits
from portal.imports.limits import MAX_COLUMNS
from portal.refusal import Refusal
from portal.text_input import clean_text

log = logging.getLogger(__name__)

MAX_ROWS = 100_000
EXTENSIONS = ("xlsx", "csv")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls and other Office 97 files
# An integer stored as an Excel number keeps only 15 significant digits.
EXACT_FLOAT_LIMIT = 10**15


class ImportFileError(Refusal):
    """The file as a whole cannot be imported; the message (Indonesian) is for the user."""


@dataclass
class Sheet:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (spreadsheet row number, column -> text)
    cell_problems: list[tuple[int, str, str]] = field(default_factory=list)  # (row, column, msg)


def angka(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def read_sheet(path: Path, ext: str | None = None, max_rows: int = MAX_ROWS) -> Sheet:
    """Read the first worksheet (XLSX) or the CSV text; the header is row 1."""
    ext = (ext or path.suffix).lower().lstrip(".")
    if ext not in EXTENSIONS:
        raise ImportFileError("Jenis berkas tidak didukung. Unggah berkas .xlsx atau .csv.")
    with path.open("rb") as handle:
        start = handle.read(8)
    if not start:
        raise ImportFileError("Berkas kosong.")
    if ext == "xlsx":
        if start.startswith(OLE_MAGIC):
            raise ImportFileError(
                "Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi. Simpan "
                "sebagai .xlsx tanpa kata sandi atau sebagai CSV."
            )
        if not start.startswith(ZIP_MAGIC):
            raise ImportFileError(
                "Berkas berekstensi .xlsx tetapi isinya bukan buku kerja Excel (.xlsx). "
                "Buka berkas di Excel lalu simpan sebagai .xlsx atau CSV."
            )
        rows = _xlsx_rows(path, max_rows)
    else:
        if start.startswith(ZIP_MAGIC) or start.startswith(OLE_MAGIC):
            raise ImportFileError(
                "Berkas berekstensi .csv tetapi isinya berkas Excel. Simpan sebagai "
                "CSV UTF-8 atau unggah dengan ekstensi .xlsx."
            )
        rows = _csv_rows(path, max_rows)
    try:
        return _build(rows, max_rows)
    finally:
        rows.close()


def cell_text(value: object) -> tuple[str, str | None]:
    """One cell as text, and a problem when the value cannot be trusted."""
    if value is None:
        return "", None
    if isinstance(value, str):
        return clean_text(value), None
    if isinstance(value, bool):
        return ("ya" if value else "tidak"), None
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        if not value.is_integer():
            return repr(value), None
        text = str(int(value))
        if abs(value) >= EXACT_FLOAT_LIMIT:
            return text, (
                f"Angka {text} disimpan Excel sebagai bilangan sehingga digit terakhirnya bisa "
                "berubah. Format kolom sebagai Teks lalu ketik ulang."
            )
        return text, None
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat(), None
        return value.isoformat(sep=" ", timespec="minutes"), None
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat(), None
    return str(value), None


def header_name(text: str) -> str:
    return "_".join(text.replace("\ufeff", "").strip().lower().split())


def _header(first) -> tuple[list[str], list[tuple[int, str]]]:
    """Row 1: the column names, and the (index, name) of the named ones; refused when empty,
    too wide or with a name twice."""
    header = [header_name(cell_text(value)[0]) for value in first or ()]
    if not any(header):
        raise ImportFileError("Berkas kosong: baris 1 harus berisi judul kolom.")
    named = [(index, name) for index, name in enumerate(header) if name]
    if len(named) > MAX_COLUMNS:
        raise ImportFileError(f"Baris 1 berisi lebih dari {MAX_COLUMNS} judul kolom.")
    doubled = sorted(name for name, count in Counter(header).items() if name and count > 1)
    if doubled:
        raise ImportFileError(f"Judul kolom ganda di baris 1: {', '.join(doubled)}.")
    return header, named


def _row_data(sheet: Sheet, row_number: int, values, named: list[tuple[int, str]]) -> dict[str, str]:
    data: dict[str, str] = {}
    for index, name in named:
        text, problem = cell_text(values[index]) if index < len(values) else ("", None)
        data[name] = text
        if problem:
            sheet.cell_problems.append((row_number, name, problem))
    return data


def _build(rows: Iterator[list | tuple], max_rows: int) -> Sheet:
    header, named = _header(next(rows, None))
    sheet = Sheet(header=header, rows=[])
    for row_number, values in enumerate(rows, start=2):
        if not values or all(value is None or value == "" for value in values):
            continue
        data = _row_data(sheet, row_number, values, named)
        if not any(text.strip() for text in data.values()):
            continue
        if len(sheet.rows) >= max_rows:
            raise ImportFileError(
                f"Berkas berisi lebih dari {angka(max_rows)} baris data. "
                "Bagi berkas menjadi beberapa bagian."
            )
        sheet.rows.append((row_number, data))
    if not sheet.rows:
        raise ImportFileError("Berkas tidak berisi baris data (hanya judul kolom).")
    return sheet


def _xlsx_rows(path: Path, max_rows: int) -> Iterator[tuple]:
    """The first worksheet's rows, after the archive's declared sizes passed
    :func:`portal.imports.limits.check_xlsx` (nothing is parsed before)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.lower() for name in archive.namelist()}
            limits.check_xlsx(archive, max_rows)
    except limits.TooLarge as error:
        raise ImportFileError(str(error)) from error
    except Exception as error:  # BadZipFile, NotImplementedError, EOFError, ... on bad input
        raise ImportFileError("Berkas XLSX rusak atau bukan buku kerja Excel.") from error
    if "xl/workbook.xml" not in names:
        raise ImportFileError("Berkas ZIP ini bukan buku kerja Excel (.xlsx).")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on malformed input
        log.info("unreadable xlsx upload: %r", error)
        raise ImportFileError("Berkas XLSX tidak dapat dibaca. Simpan ulang dari Excel.") from error
    return _sheet_values(workbook)


def _sheet_values(workbook) -> Iterator[tuple]:
    try:
        if not workbook.worksheets:
            raise ImportFileError("Buku kerja tidak berisi lembar kerja.")
        sheet = workbook.worksheets[0]
        if not hasattr(sheet, "iter_rows"):
            raise ImportFileError("Lembar pertama buku kerja harus berisi tabel data.")
        sheet.reset_dimensions()  # trust the rows, not the (often wrong) stored size
        try:
            yield from sheet.iter_rows(values_only=True)
        except ImportFileError:
            raise
        except Exception as error:
            log.info("unreadable xlsx rows: %r", error)
            raise ImportFileError("Isi lembar kerja XLSX rusak. Simpan ulang dari Excel.") from error
    finally:
        workbook.close()


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel writes it on Windows."""
    if b"\x00" in data:
        raise ImportFileError("Berkas bukan teks CSV (berisi data biner).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith(codecs.BOM_UTF8):
        raise ImportFileError("Berkas CSV bertanda UTF-8 tetapi isinya bukan UTF-8 yang sah.")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportFileError("Berkas CSV harus berenkode UTF-8. Simpan sebagai CSV UTF-8.") from error


def sniff_delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_rows(path: Path, max_rows: int) -> Iterator[list[str]]:
    try:
        limits.check_csv(path.stat().st_size, max_rows)
    except limits.TooLarge as error:
        raise ImportFileError(str(error)) from error
    text = decode_text(path.read_bytes())
    if text.lstrip()[:1] == "<":
        raise ImportFileError("Berkas berisi HTML/XML, bukan CSV atau XLSX.")
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    return _csv_records(reader)


def _csv_records(reader) -> Iterator[list[str]]:
    try:
        for record in reader:
            if len(record) > MAX_COLUMNS:
                raise ImportFileError(f"Baris {reader.line_num} berkas CSV berisi {len(record)} "
                                      f"kolom (paling banyak {MAX_COLUMNS}).")
            yield record
    except csv.Error as error:
        raise ImportFileError(f"Berkas CSV rusak di baris {reader.line_num}: {error}.") from error
