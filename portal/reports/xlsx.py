"""A report as XLSX: openpyxl write-only (rows are written out as they come, never held as
cells), saved to a temporary file and streamed to the client in chunks."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator

from flask import Response
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from portal.exports import download, safe_cell
from portal.reports.model import Report

CHUNK = 64 * 1024
MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bold(sheet, value):
    cell = WriteOnlyCell(sheet, value=safe_cell(value))
    cell.font = Font(bold=True)
    return cell


def _group_line(sheet, report: Report, row: int) -> None:
    """The group headings above the labels (``row``), each merged over its columns."""
    lines = report.header_rows()
    if len(lines) < 2:
        return
    line = [None] * len(report.columns)
    for cell in lines[0]:
        if cell.group:  # a label over both lines prints on the labels' line
            line[cell.start] = _bold(sheet, cell.text)
            if cell.span > 1:
                first, last = get_column_letter(cell.start + 1), get_column_letter(cell.start + cell.span)
                sheet.merged_cells.add(f"{first}{row}:{last}{row}")
    sheet.append(line)


def write(report: Report, target) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(report.kind[:31])
    sheet.append([_bold(sheet, report.title)])
    for label, value in report.header:
        sheet.append([safe_cell(label), safe_cell(value)])
    sheet.append([])
    _group_line(sheet, report, row=len(report.header) + 3)
    sheet.append([_bold(sheet, c.label) for c in report.columns])
    if report.column_numbers:
        sheet.append([f"({index})" for index in range(1, len(report.columns) + 1)])
    for row in report.rows:
        sheet.append([safe_cell(report.cell(row, c)) for c in report.columns])
    if report.totals:
        sheet.append([_bold(sheet, report.totals.get(c.key, "")) for c in report.columns])
    for label, value in report.summary:
        sheet.append([safe_cell(label), safe_cell(value)])
    for note in report.notes:
        sheet.append([safe_cell(note)])
    sheet.append([])
    right = max(len(report.columns) - 2, 3)
    pairs = report.signatures[:2]
    for attr in ("heading", "role"):
        line = [""] * (right + 1)
        for index, signature in enumerate(pairs):
            line[0 if index == 0 else right] = safe_cell(getattr(signature, attr))
        sheet.append(line)
    sheet.append([])
    sheet.append([])
    for prefix, attr in (("Nama : ", "name"), ("NIP. : ", "nip")):
        line = [""] * (right + 1)
        for index, signature in enumerate(pairs):
            line[0 if index == 0 else right] = safe_cell(prefix + getattr(signature, attr))
        sheet.append(line)
    workbook.save(target)


def _chunks(handle) -> Iterator[bytes]:
    try:
        handle.seek(0)
        while data := handle.read(CHUNK):
            yield data
    finally:
        handle.close()


def response(report: Report) -> Response:
    handle = tempfile.TemporaryFile()
    write(report, handle)
    return download(_chunks(handle), f"{report.filename}.xlsx")
