"""Issue 15 item 5: imports are bounded by what they will really hold. A workbook declaring more
than the row cap can need is refused from its ZIP directory and headers, before openpyxl parses
anything; CSV files are bounded in size, rows and columns."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from portal.imports import limits, reader

MB = 1024 * 1024


def _workbook(rows: int = 3) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["kode", "nama"])
    for index in range(rows):
        sheet.append([f"U{index}", f"Unit {index}"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, path: Path, replace: dict[str, bytes | None] = (), extra=()) -> Path:
    """Copy a workbook, replacing parts (``None``: a streamed shared-strings bomb)."""
    replace = dict(replace)
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in replace:
                target.writestr(info, source.read(info))
        for name, content in replace.items():
            target.writestr(name, content)
        for name, content in extra:
            target.writestr(name, content)
    return path


def _strings_bomb(path: Path, megabytes: int) -> Path:
    """The probe's bomb: a small workbook whose shared strings inflate to ``megabytes``."""
    base = _workbook()
    with zipfile.ZipFile(io.BytesIO(base)) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info.filename, source.read(info))
        item = b"<si><t>" + b"A" * 1000 + b"</t></si>"
        chunk = item * (MB // len(item))
        with target.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                       b'spreadsheetml/2006/main" count="3" uniqueCount="3">')
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"</sst>")
    return path


@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fail the test if the reader hands the file to openpyxl."""

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl was asked to parse a workbook that should be refused")

    monkeypatch.setattr(reader.openpyxl, "load_workbook", refuse)


def test_shared_strings_bomb_is_refused_before_parsing(tmp_path, no_openpyxl):
    path = _strings_bomb(tmp_path / "bom.xlsx", megabytes=306)
    print(f"bomb: {path.stat().st_size / 1024:.0f} KB on disk, declares 306 MB of shared strings")
    started = time.perf_counter()
    with pytest.raises(reader.ImportFileError) as refused:
        reader.read_sheet(path)
    print(f"refused in {time.perf_counter() - started:.3f} s")
    message = str(refused.value)
    assert message.startswith("Berkas XLSX ditolak sebelum dibaca")
    assert "xl/sharedStrings.xml" in message and "306 MB" in message


def test_shared_string_count_beyond_the_cells_of_the_row_cap_is_refused(tmp_path, no_openpyxl):
    count = (10 + 1) * limits.MAX_COLUMNS + 1
    sst = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           b'2006/main" count="%d" uniqueCount="%d"><si><t>a</t></si></sst>' % (count, count))
    path = _rewrite(_workbook(), tmp_path / "sst.xlsx", {"xl/sharedStrings.xml": sst})
    with pytest.raises(reader.ImportFileError, match="daftar teks menyatakan 2.201 teks"):
        reader.read_sheet(path, max_rows=10)


def test_declared_sheet_dimension_beyond_the_row_cap_is_refused(tmp_path, no_openpyxl):
    base = _workbook()
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    huge = sheet.replace(b'<dimension ref="A1:B4"/>', b'<dimension ref="A1:XFD1048576"/>')
    assert huge != sheet
    path = _rewrite(base, tmp_path / "dim.xlsx", {"xl/worksheets/sheet1.xml": huge})
    with pytest.raises(reader.ImportFileError, match="1.048.576 baris × 16.384 kolom"):
        reader.read_sheet(path)


def test_worksheet_inflating_beyond_the_row_cap_is_refused(tmp_path, no_openpyxl):
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>'
                    % (i, i, b"x" * 4000) for i in range(2, 40))
    sheet = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>")
    path = _rewrite(_workbook(), tmp_path / "wide.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    with pytest.raises(reader.ImportFileError, match="xl/worksheets/sheet1.xml"):
        reader.read_sheet(path, max_rows=10)


def test_too_many_parts_are_refused(tmp_path, no_openpyxl):
    extra = [(f"xl/media/image{i}.png", b"") for i in range(limits.MAX_PARTS)]
    path = _rewrite(_workbook(), tmp_path / "parts.xlsx", extra=extra)
    with pytest.raises(reader.ImportFileError, match=f"paling banyak {limits.MAX_PARTS}"):
        reader.read_sheet(path)


def test_an_ordinary_workbook_within_the_limits_is_read(tmp_path):
    path = tmp_path / "biasa.xlsx"
    path.write_bytes(_workbook(rows=20))
    sheet = reader.read_sheet(path, max_rows=20)
    assert sheet.header == ["kode", "nama"] and len(sheet.rows) == 20


def test_csv_larger_than_the_row_cap_can_hold_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "besar.csv"
    path.write_bytes(b"kode;nama\n" + b"U1;" + b"x" * (11 * limits.CSV_ROW_BYTES) + b"\n")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("CSV read before the check"))
    with pytest.raises(reader.ImportFileError, match="Berkas CSV berukuran"):
        reader.read_sheet(path, max_rows=10)


def test_csv_row_with_too_many_columns_is_refused(tmp_path):
    path = tmp_path / "lebar.csv"
    path.write_text("kode,nama\nU1,Unit" + "," * (limits.MAX_COLUMNS + 5) + "\n")
    with pytest.raises(reader.ImportFileError, match=f"Baris 2 berkas CSV berisi .* kolom "
                                                     f"\\(paling banyak {limits.MAX_COLUMNS}\\)"):
        reader.read_sheet(path)


def test_the_upload_page_answers_a_bomb_with_the_message_and_keeps_nothing(client, two_units,
                                                                          tmp_path, no_openpyxl):
    from tests.test_imports import upload

    client.login(two_units["sdm"].nip)
    bomb = _strings_bomb(tmp_path / "bom.xlsx", megabytes=120).read_bytes()
    started = time.perf_counter()
    response = upload(client, "unit", bomb, "unit.xlsx")
    print(f"upload page answered in {time.perf_counter() - started:.3f} s")
    assert response.status_code < 500
    page = response.get_data(as_text=True)
    assert "Berkas XLSX ditolak sebelum dibaca" in page and "120 MB" in page


def test_a_truncated_workbook_is_refused_in_indonesian_never_a_500(tmp_path):
    path = tmp_path / "terpotong.xlsx"
    data = _workbook(rows=20)
    path.write_bytes(data[: len(data) // 2])  # an upload cut off half-way
    with pytest.raises(reader.ImportFileError, match="Berkas XLSX rusak atau bukan buku kerja Excel"):
        reader.read_sheet(path)


def test_a_workbook_with_a_garbled_part_is_refused_in_indonesian(tmp_path):
    path = _rewrite(_workbook(), tmp_path / "rusak.xlsx", {"xl/workbook.xml": b"<workbook><sheets><sheet"})
    with pytest.raises(reader.ImportFileError, match="Berkas XLSX tidak dapat dibaca"):
        reader.read_sheet(path)
