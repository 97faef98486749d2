"""Downloadable empty import templates (XLSX with an instructions sheet, or CSV), built on demand.

Every cell is written as plain text: no formulas, and the data columns are formatted as Text so
Excel keeps 18-digit NIPs and codes such as ``01`` exactly as typed.
"""

from __future__ import annotations

import codecs
import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from portal.imports.columns import described

SHEET_TITLES = {"units": "Unit", "employees": "Pegawai", "assessments": "Asesmen", "skp": "SKP"}
FILE_NAMES = {"units": "templat-impor-unit", "employees": "templat-impor-pegawai",
              "assessments": "templat-impor-asesmen", "skp": "templat-impor-skp"}
UPDATED_BY = {
    "units": "Baris yang kodenya sudah terdaftar akan diperbarui.",
    "employees": "Baris yang NIP-nya sudah terdaftar akan diperbarui.",
    "assessments": "Satu baris per NIP, tanggal asesmen, dan kompetensi; nilai tersimpan yang "
                   "berbeda ditampilkan sebagai konflik di pratinjau sebelum diganti.",
    "skp": "Satu baris per NIP dan tahun; nilai tersimpan yang berbeda ditampilkan sebagai "
           "konflik di pratinjau sebelum diganti.",
}
MIMETYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _text(value: str) -> str:
    # openpyxl stores a string starting with "=" as a formula; none of ours may be one.
    return "'" + value if value.startswith("=") else value


def xlsx(kind: str) -> bytes:
    columns = described(kind)
    workbook = Workbook()
    data = workbook.active
    data.title = SHEET_TITLES[kind]
    data.append([_text(c.name) for c in columns])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        data.column_dimensions[letter].width = max(14, len(column.name) + 4)
        data.column_dimensions[letter].number_format = "@"
        data.cell(row=1, column=index).font = Font(bold=True)
    data.freeze_panes = "A2"

    guide = workbook.create_sheet("Petunjuk")
    guide.append(["Kolom", "Wajib diisi", "Isi", "Contoh"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in columns:
        guide.append([_text(column.name), "ya" if column.filled else "tidak",
                      _text(column.help), _text(column.example)])
    guide.append([])
    for line in (
        f"Isi data pada lembar pertama ({data.title}); baris 1 berisi judul kolom, urutan bebas.",
        UPDATED_BY[kind],
        "Sel kosong mengosongkan nilai yang tersimpan.",
        "Bila ada satu baris yang salah, tidak ada data yang disimpan.",
    ):
        guide.append([_text(line)])
    for letter, width in zip("ABCD", (24, 12, 70, 36), strict=True):
        guide.column_dimensions[letter].width = width
        guide.column_dimensions[letter].number_format = "@"
    workbook.active = 0

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(kind: str) -> bytes:
    """Header row only; ``;``-separated as Excel expects in Indonesia, UTF-8 with BOM."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow(
        [c.name for c in described(kind)]
    )
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def build(kind: str, fmt: str) -> tuple[bytes, str, str]:
    """(content, mimetype, download name) of the template."""
    content = xlsx(kind) if fmt == "xlsx" else csv_bytes(kind)
    return content, MIMETYPES[fmt], f"{FILE_NAMES[kind]}.{fmt}"
