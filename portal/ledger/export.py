"""XLSX export of the team list (openpyxl write-only: rows are streamed, not held)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal

from openpyxl import Workbook

from portal.ledger.numbers import jp_number

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
HEADER = ("No", "Nama", "NIP", "Status ASN", "Jenis jabatan", "Jabatan", "Unit", "JP 70",
          "JP 20", "JP 10", "Total JP", "Target JP", "Kekurangan JP", "Keterangan")


def safe_cell(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would read as a formula gets a leading
    apostrophe (formula injection, ASVS 1.2.10)."""
    if isinstance(value, Decimal):
        return jp_number(value)
    if isinstance(value, str):
        text = value.replace("\x00", "")
        return "'" + text if text.startswith(FORMULA_PREFIXES) else text
    return value


def team_workbook(title: str, rows: Iterable) -> bytes:
    """Rows from :func:`portal.ledger.team.behind_list` as an .xlsx file."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("JP Pegawai")
    sheet.append([safe_cell(title)])
    sheet.append(list(HEADER))
    for number, row in enumerate(rows, start=1):
        shortfall = max(Decimal(str(row.target)) - Decimal(str(row.jp)), Decimal(0))
        sheet.append([safe_cell(value) for value in (
            number, row.nama, row.nip, row.status_asn, row.jenis_jabatan, row.jabatan,
            row.unit_nama, row.jp70, row.jp20, row.jp10, row.jp, row.target, shortfall,
            "Memenuhi target" if shortfall == 0 else "Belum memenuhi target")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
