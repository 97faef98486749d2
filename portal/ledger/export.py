"""XLSX export of the team list (openpyxl write-only: rows are streamed, not held)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal

from openpyxl import Workbook

from portal.exports import safe_cell as export_cell
from portal.ledger.numbers import jp_number

HEADER = ("No", "Nama", "NIP", "Status ASN", "Jenis jabatan", "Jabatan", "Unit", "JP 70",
          "JP 20", "JP 10", "Total JP", "Target JP", "Kekurangan JP", "Keterangan")


def safe_cell(value: object) -> object:
    """Numbers stay numbers (JP as plain numbers); text goes through the one export cell cleaner
    (:func:`portal.exports.safe_cell`: control characters dropped, formulas neutralised)."""
    if isinstance(value, Decimal):
        return jp_number(value)
    return export_cell(value)


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
