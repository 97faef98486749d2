"""Import of units and employees from CSV / XLSX: browser flow, CLI, scope and file checks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from portal.employees.service import EMPLOYEE_COLUMNS, OPTIONAL_COLUMNS
from portal.extensions import db
from portal.imports import importer, reader, storage
from portal.models import AuditLog, Employee, Unit
from portal.units.service import UNIT_COLUMNS

ALL_EMPLOYEE_COLUMNS = EMPLOYEE_COLUMNS + OPTIONAL_COLUMNS
TOKEN_FIELD = re.compile(r'name="token" value="([^"]+)"')
_numbers = itertools.count(1)


def make_nip(status: str = "PNS", female: bool = False) -> str:
    """A valid, unique NIP (PNS) or NI PPPK (agreement code 24 — not a month)."""
    n = next(_numbers)
    birth = dt.date(1980, 1, 1) + dt.timedelta(days=n * 7 % 3000)
    middle = f"{2005 + n % 15}{n % 12 + 1:02d}" if status == "PNS" else "202224"
    return f"{birth:%Y%m%d}{middle}{'2' if female else '1'}{n % 999 + 1:03d}"


def employee_row(unit_kode: str, **values) -> dict:
    status = values.get("status_asn", "PNS")
    row = {
        "nip": make_nip(status), "nama": "Pegawai Impor", "unit_kode": unit_kode,
        "status_asn": status, "jenis_jabatan": "pelaksana", "jenjang": "Pelaksana",
        "jabatan": "Pengadministrasi Umum", "golongan": "III/a", "atasan_nip": "",
        "email": "", "hipo": "tidak",
    }
    row.update(values)
    return row


def unit_row(kode: str, induk_kode: str = "", **values) -> dict:
    return {"kode": kode, "nama": f"Unit {kode}", "eselon": "III", "induk_kode": induk_kode,
            "pimpinan_nip": "", **values}


def csv_bytes(rows: list[dict], columns=None, delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    columns = list(columns or rows[0].keys())
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[dict], columns=None) -> bytes:
    columns = list(columns or rows[0].keys())
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(column) for column in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, slug: str, content: bytes, filename: str):
    """Upload, then follow the preview job (run at once in tests) to its page."""
    return client.post(f"/impor/{slug}/pratinjau", data={"berkas": (io.BytesIO(content), filename)},
                       content_type="multipart/form-data", follow_redirects=True)


def job_failed(response) -> bool:
    return 'data-status="gagal"' in response.get_data(as_text=True)


def token_of(page: str) -> str:
    match = TOKEN_FIELD.search(page)
    assert match, re.findall(r'<tr class="row-error">.*?</tr>|flash-error[^<]*<', page, re.S)
    return match.group(1)


def preview_and_save(client, slug: str, content: bytes, filename: str):
    page = upload(client, slug, content, filename)
    assert page.status_code == 200, page.get_data(as_text=True)
    token = token_of(page.get_data(as_text=True))
    return client.post(f"/impor/{slug}/simpan", data={"token": token}, follow_redirects=True)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def by_nip(nip: str) -> Employee | None:
    db.session.expire_all()
    return db.session.scalar(select(Employee).where(Employee.nip == nip))


def uploads(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_FOLDER"]) / "imports"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def sdm(client, two_units):
    client.login(two_units["sdm"].nip)
    return client


# --- the browser flow ---------------------------------------------------------------------


def test_index_explains_columns_and_links_templates(sdm):
    page = sdm.get("/impor/").get_data(as_text=True)
    for column in UNIT_COLUMNS + ALL_EMPLOYEE_COLUMNS:
        assert f"<code>{column}</code>" in page
    assert "/impor/templat/pegawai.xlsx" in page and "/impor/templat/unit.csv" in page
    assert 'enctype="multipart/form-data"' in page and 'name="csrf_token"' in page


def test_csv_units_then_employees_import(app, sdm, two_units):
    units = [unit_row("A.02", "A", eselon="II"), unit_row("A.02.01", "A.02")]
    response = preview_and_save(sdm, "unit", csv_bytes(units), "unit.csv")
    assert "2 unit ditambahkan, 0 diperbarui" in response.get_data(as_text=True)
    child = db.session.scalar(select(Unit).where(Unit.kode == "A.02.01"))
    parent = db.session.scalar(select(Unit).where(Unit.kode == "A.02"))
    top = two_units["A"]["top"]
    assert child.parent_id == parent.id and child.path == f"{top.path}{parent.id}/{child.id}/"

    boss, staff = employee_row("A.02", jenis_jabatan="struktural"), employee_row("A.02.01")
    staff["atasan_nip"] = boss["nip"]
    response = preview_and_save(sdm, "pegawai", csv_bytes([boss, staff]), "pegawai.csv")
    assert "2 pegawai ditambahkan, 0 diperbarui" in response.get_data(as_text=True)
    assert by_nip(staff["nip"]).supervisor.nip == boss["nip"]
    assert by_nip(boss["nip"]).unit.kode == "A.02"
    assert uploads(app) == []  # the stored file is deleted after the commit

    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "import.employees"))
    assert entry.new_values["dibuat"] == 2 and entry.new_values["diperbarui"] == 0
    assert entry.actor_id is not None


def test_xlsx_import_with_number_and_date_cells(sdm):
    # codes typed as numbers arrive as int/float: they must read "701", not "701.0"
    response = preview_and_save(sdm, "unit", xlsx_bytes([unit_row(701, "A")]), "unit.xlsx")
    assert "1 unit ditambahkan" in response.get_data(as_text=True)
    pppk = employee_row(701.0, status_asn="PPPK", pppk_keahlian_langka=True)
    pppk["pppk_kontrak_selesai"] = dt.datetime(2028, 12, 31)
    pns = employee_row(701, hipo=True, atasan_nip=pppk["nip"])
    response = preview_and_save(sdm, "pegawai", xlsx_bytes([pns, pppk], ALL_EMPLOYEE_COLUMNS),
                                "pegawai.xlsx")
    assert "2 pegawai ditambahkan" in response.get_data(as_text=True)
    stored = by_nip(pppk["nip"])
    assert stored.status_asn == "PPPK" and stored.pppk_kontrak_selesai == dt.date(2028, 12, 31)
    assert stored.pppk_keahlian_langka is True and stored.unit.kode == "701"
    assert by_nip(pns["nip"]).hipo is True and by_nip(pns["nip"]).supervisor_id == stored.id


def test_cell_values_become_text():
    assert reader.cell_text(198001012005011001) == ("198001012005011001", None)
    assert reader.cell_text(701.0) == ("701", None)
    assert reader.cell_text(2.5) == ("2.5", None)
    assert reader.cell_text(dt.datetime(2027, 1, 31)) == ("2027-01-31", None)
    assert reader.cell_text(dt.date(2027, 1, 31)) == ("2027-01-31", None)
    assert reader.cell_text(True) == ("ya", None) and reader.cell_text(None) == ("", None)
    text, problem = reader.cell_text(1.98001012005011e17)  # 18 digits do not fit a double
    assert problem and "Teks" in problem


def test_xlsx_nip_stored_as_number_is_reported(sdm):
    # Excel (and openpyxl) keep an 18-digit number as a double: the last digits change.
    row = employee_row("A.01")
    row["nip"] = int(row["nip"])
    page = upload(sdm, "pegawai", xlsx_bytes([row]), "p.xlsx").get_data(as_text=True)
    assert "Format kolom sebagai Teks" in page
    assert "Simpan</button>" not in page


def test_preview_lists_row_column_and_message(sdm):
    rows = [employee_row("A.01"), employee_row("A.01", status_asn="ASN"),
            employee_row("TIDAK.ADA", email="bukan-email")]
    response = upload(sdm, "pegawai", csv_bytes(rows), "pegawai.csv")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<td>3</td><td><code>status_asn</code></td><td>Status ASN harus PNS atau PPPK.</td>" in page
    assert "<td>4</td><td><code>unit_kode</code></td><td>Unit TIDAK.ADA tidak ditemukan.</td>" in page
    assert "<td>4</td><td><code>email</code></td><td>Alamat email tidak valid.</td>" in page
    assert "tidak ada data yang disimpan" in page
    assert "Simpan</button>" not in page


def test_file_with_one_bad_row_changes_nothing(app, sdm):
    before = count(Employee)
    rows = [employee_row("A.01") for _ in range(5)] + [employee_row("A.01", jenis_jabatan="guru")]
    page = upload(sdm, "pegawai", csv_bytes(rows), "pegawai.csv").get_data(as_text=True)
    assert "<td>7</td><td><code>jenis_jabatan</code></td>" in page
    assert 'name="token"' not in page
    assert uploads(app) == []  # a refused file is not kept
    assert count(Employee) == before


def test_reimport_updates_without_duplicates(sdm):
    rows = [employee_row("A.01"), employee_row("A.01")]
    preview_and_save(sdm, "pegawai", csv_bytes(rows), "pegawai.csv")
    before = count(Employee)
    rows[0]["nama"], rows[1]["unit_kode"] = "Nama Baru", "A"
    page = upload(sdm, "pegawai", csv_bytes(rows), "pegawai.csv").get_data(as_text=True)
    assert re.search(r"<dt>Diperbarui</dt><dd>2</dd>", page)
    response = sdm.post("/impor/pegawai/simpan", data={"token": token_of(page)}, follow_redirects=True)
    assert "0 pegawai ditambahkan, 2 diperbarui" in response.get_data(as_text=True)
    assert count(Employee) == before
    assert by_nip(rows[0]["nip"]).nama == "Nama Baru" and by_nip(rows[1]["nip"]).unit.kode == "A"


def test_optional_pppk_columns_missing_keep_stored_values(sdm):
    row = employee_row("A.01", status_asn="PPPK", pppk_kontrak_selesai="2029-06-30")
    preview_and_save(sdm, "pegawai", csv_bytes([row], ALL_EMPLOYEE_COLUMNS), "p.csv")
    row["nama"] = "Diperbarui Tanpa Kolom PPPK"
    preview_and_save(sdm, "pegawai", csv_bytes([row], EMPLOYEE_COLUMNS), "p.csv")
    stored = by_nip(row["nip"])
    assert stored.nama == "Diperbarui Tanpa Kolom PPPK"
    assert stored.pppk_kontrak_selesai == dt.date(2029, 6, 30)


def test_supervisor_appearing_later_in_the_file(sdm):
    staff, boss = employee_row("A.01"), employee_row("A.01")
    staff["atasan_nip"] = boss["nip"]
    preview_and_save(sdm, "pegawai", csv_bytes([staff, boss]), "p.csv")
    assert by_nip(staff["nip"]).supervisor.nip == boss["nip"]


def test_supervisor_cycle_is_refused(sdm, two_units, tmp_path):
    one, two = employee_row("A.01"), employee_row("A.01")
    one["atasan_nip"], two["atasan_nip"] = two["nip"], one["nip"]
    page = upload(sdm, "pegawai", csv_bytes([one, two]), "p.csv").get_data(as_text=True)
    assert page.count("Atasan ini membuat lingkaran atasan–bawahan.") == 2
    # a cycle through people already stored: the head of A reporting to their own staff
    head, staff = two_units["A"]["head"], two_units["A"]["staff"]
    row = employee_row("A", nip=head.nip, atasan_nip=staff.nip)
    path = tmp_path / "siklus.csv"
    path.write_bytes(csv_bytes([row]))
    problems = importer.preview("employees", path, None).problems
    assert ("atasan_nip", "Atasan ini membuat lingkaran atasan–bawahan.") in [
        (p.column, p.message) for p in problems]


def test_unknown_supervisor_and_duplicate_nip(sdm):
    first = employee_row("A.01", atasan_nip=make_nip())
    again = employee_row("A.01", nip=first["nip"])
    page = upload(sdm, "pegawai", csv_bytes([first, again]), "p.csv").get_data(as_text=True)
    assert f"Atasan dengan NIP {first['atasan_nip']} tidak ditemukan." in page
    assert f"NIP {first['nip']} sudah ada di baris 2." in page


def test_nip_message_names_the_wrong_part_and_pppk_ni_is_accepted(sdm):
    # Same digits: as a PNS NIP digits 13-14 are a month (13 is wrong), as an NI PPPK they are
    # an agreement code (24 is fine).
    pns = employee_row("A.01", nip="198001012005131001")
    pppk = employee_row("A.01", nip="198001012022241002", status_asn="PPPK")
    page = upload(sdm, "pegawai", csv_bytes([pns, pppk]), "p.csv").get_data(as_text=True)
    assert "<td>2</td><td><code>nip</code></td><td>Digit 13–14 NIP (bulan TMT 13) harus 01–12.</td>" in page
    assert "<td>3</td>" not in page
    response = preview_and_save(sdm, "pegawai", csv_bytes([pppk]), "p.csv")
    assert "1 pegawai ditambahkan" in response.get_data(as_text=True)
    assert by_nip("198001012022241002").status_asn == "PPPK"


def test_missing_and_unknown_columns(sdm):
    row = employee_row("A.01")
    del row["golongan"], row["hipo"]
    response = upload(sdm, "pegawai", csv_bytes([row]), "p.csv")
    page = response.get_data(as_text=True)
    assert job_failed(response)
    assert "Kolom wajib tidak ditemukan di baris 1: golongan, hipo." in page

    row = {**employee_row("A.01"), "catatan": "x", "NIK": "1"}
    page = upload(sdm, "pegawai", csv_bytes([row]), "p.csv").get_data(as_text=True)
    assert "Kolom tidak dikenal diabaikan: catatan, nik." in page
    assert 'name="token"' in page


@pytest.mark.parametrize(("content", "filename", "message"), [
    (b"<!doctype html><html><body>Bukan Excel</body></html>", "pegawai.xlsx",
     "isinya bukan buku kerja Excel"),
    (b"<html><table><tr><td>nip</td></tr></table></html>", "pegawai.csv", "HTML/XML"),
    (b"", "pegawai.csv", "Berkas kosong."),
    (b"\n\n", "pegawai.csv", "baris 1 harus berisi judul kolom"),
    (",".join(ALL_EMPLOYEE_COLUMNS).encode() + b"\r\n", "pegawai.csv", "hanya judul kolom"),
    (b"nip,nama\n1,2\n", "pegawai.txt", "Unggah berkas .xlsx atau .csv"),
    (b"PK\x03\x04 not really a zip", "pegawai.xlsx", "rusak"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "pegawai.csv", "isinya berkas Excel"),
    (b"nip,nama\n\x81\x8d\x8f\n", "pegawai.csv", "UTF-8"),
])
def test_wrong_files_get_a_clear_message_and_change_nothing(app, sdm, content, filename, message):
    before = count(Employee)
    response = upload(sdm, "pegawai", content, filename)
    # a file the importers do not read is refused at the upload; the rest by the preview job
    assert response.status_code == 422 if filename.endswith(".txt") else job_failed(response)
    assert message in response.get_data(as_text=True)
    assert count(Employee) == before
    assert uploads(app) == []


def test_zip_that_is_not_a_workbook(sdm):
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    response = upload(sdm, "pegawai", buffer.getvalue(), "pegawai.xlsx")
    assert "bukan buku kerja Excel" in response.get_data(as_text=True)


def test_missing_file_field(sdm):
    response = sdm.post("/impor/pegawai/pratinjau", data={}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Pilih berkas" in response.get_data(as_text=True)


def test_semicolon_csv_in_windows_1252_with_bom_less_header(sdm):
    row = employee_row("A.01", nama="José Müller")
    content = csv_bytes([row], delimiter=";", encoding="cp1252")
    preview_and_save(sdm, "pegawai", content, "p.csv")
    assert by_nip(row["nip"]).nama == "José Müller"


def test_utf8_bom_csv(sdm):
    row = employee_row("A.01", nama="Ni Luh Putu Ayu")
    preview_and_save(sdm, "pegawai", b"\xef\xbb\xbf" + csv_bytes([row], delimiter=";"), "p.csv")
    assert by_nip(row["nip"]).nama == "Ni Luh Putu Ayu"


def test_row_limit(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes([unit_row(f"U{i}") for i in range(3)]))
    with pytest.raises(reader.ImportFileError, match="lebih dari 2 baris"):
        reader.read_sheet(path, max_rows=2)
    assert len(reader.read_sheet(path, max_rows=3).rows) == 3


def test_upload_too_large_is_413(app, sdm):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = upload(sdm, "pegawai", b"x" * 5000, "p.csv")
    assert response.status_code == 413


# --- tokens -------------------------------------------------------------------------------


def test_upload_is_stored_by_token_not_by_name(app, sdm):
    page = upload(sdm, "pegawai", csv_bytes([employee_row("A.01")]), "../../rahasia.csv")
    token = token_of(page.get_data(as_text=True))
    assert re.fullmatch(r"[A-Za-z0-9_-]{20,64}", token)
    assert [p.name for p in uploads(app)] == [f"{token}.csv"]


def test_forged_or_foreign_token_is_refused(app, client, two_units):
    client.login(two_units["A"]["admin"].nip)
    page = upload(client, "pegawai", csv_bytes([employee_row("A.01")]), "p.csv")
    token = token_of(page.get_data(as_text=True))
    before = count(Employee)

    for forged in ("../../etc/passwd", "x" * 19, token[:-1] + ("A" if token[-1] != "A" else "B")):
        response = client.post("/impor/pegawai/simpan", data={"token": forged}, follow_redirects=True)
        assert "tidak sah" in response.get_data(as_text=True) or \
            "tidak dikenal untuk akun Anda" in response.get_data(as_text=True)
    # the right token for the wrong kind
    response = client.post("/impor/unit/simpan", data={"token": token}, follow_redirects=True)
    assert "tidak dikenal untuk akun Anda" in response.get_data(as_text=True)

    client.logout()
    client.login(two_units["sdm"].nip)
    response = client.post("/impor/pegawai/simpan", data={"token": token}, follow_redirects=True)
    assert "tidak dikenal untuk akun Anda" in response.get_data(as_text=True)
    assert count(Employee) == before


def test_stale_token_sends_back_to_the_upload_page(app, sdm):
    page = upload(sdm, "pegawai", csv_bytes([employee_row("A.01")]), "p.csv")
    token = token_of(page.get_data(as_text=True))
    for path in uploads(app):
        path.unlink()
    response = sdm.post("/impor/pegawai/simpan", data={"token": token})
    assert response.status_code == 302 and response.headers["Location"].endswith("/impor/")
    assert "sudah tidak tersedia" in sdm.get("/impor/").get_data(as_text=True)


def test_token_can_be_used_once(sdm):
    row = employee_row("A.01")
    page = upload(sdm, "pegawai", csv_bytes([row]), "p.csv")
    token = token_of(page.get_data(as_text=True))
    sdm.post("/impor/pegawai/simpan", data={"token": token})
    response = sdm.post("/impor/pegawai/simpan", data={"token": token}, follow_redirects=True)
    assert "tidak dikenal untuk akun Anda" in response.get_data(as_text=True)


def test_commit_needs_csrf(sdm):
    page = upload(sdm, "pegawai", csv_bytes([employee_row("A.01")]), "p.csv")
    token = token_of(page.get_data(as_text=True))
    response = sdm.post("/impor/pegawai/simpan", data={"token": token}, csrf=False)
    assert response.status_code == 400


def test_data_changed_between_preview_and_commit(sdm):
    row = employee_row("A.01.99")
    sdm_page = preview_and_save(sdm, "unit", csv_bytes([unit_row("A.01.99", "A.01")]), "u.csv")
    assert "1 unit ditambahkan" in sdm_page.get_data(as_text=True)
    page = upload(sdm, "pegawai", csv_bytes([row]), "p.csv")
    token = token_of(page.get_data(as_text=True))
    unit = db.session.scalar(select(Unit).where(Unit.kode == "A.01.99"))
    db.session.delete(unit)
    db.session.commit()
    response = sdm.post("/impor/pegawai/simpan", data={"token": token}, follow_redirects=True)
    assert job_failed(response)
    assert "data berubah sejak pratinjau" in response.get_data(as_text=True)
    assert by_nip(row["nip"]) is None


# --- scope --------------------------------------------------------------------------------


def test_staff_may_not_import(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    assert client.get("/impor/").status_code == 403
    assert client.get("/impor/templat/pegawai.xlsx").status_code == 403
    response = upload(client, "pegawai", csv_bytes([employee_row("A.01")]), "p.csv")
    assert response.status_code == 403


def test_admin_unit_cannot_import_into_another_unit(client, two_units):
    client.login(two_units["A"]["admin"].nip)
    mine, theirs = employee_row("A.01"), employee_row("B.01")
    page = upload(client, "pegawai", csv_bytes([mine, theirs]), "p.csv").get_data(as_text=True)
    assert "<td>3</td><td><code>unit_kode</code></td><td>Unit B.01 di luar kewenangan Anda.</td>" in page
    assert 'name="token"' not in page

    # nor take over someone registered in B by re-importing their NIP into A
    stolen = employee_row("A.01", nip=two_units["B"]["staff"].nip)
    page = upload(client, "pegawai", csv_bytes([stolen]), "p.csv").get_data(as_text=True)
    assert "di luar kewenangan Anda" in page and 'name="token"' not in page
    assert by_nip(stolen["nip"]).unit.kode == "B.01"

    response = preview_and_save(client, "pegawai", csv_bytes([mine]), "p.csv")
    assert "1 pegawai ditambahkan" in response.get_data(as_text=True)


def test_admin_unit_imports_units_only_below_their_subtree(client, two_units):
    client.login(two_units["A"]["admin"].nip)
    rows = [unit_row("A.09", "A"), unit_row("A.09.01", "A.09"), unit_row("C"),
            unit_row("B.09", "B"), unit_row("B.01", "A")]
    page = upload(client, "unit", csv_bytes(rows), "u.csv").get_data(as_text=True)
    assert "Hanya Admin SDM yang dapat membuat unit tingkat teratas." in page
    assert "Unit induk B di luar kewenangan Anda." in page
    assert "Unit B.01 di luar kewenangan Anda." in page
    assert "<td>2</td>" not in page and "<td>3</td>" not in page

    # their own top unit keeps its place (no parent) and may be renamed
    rows = [unit_row("A.09", "A"), unit_row("A.09.01", "A.09"),
            {**unit_row("A"), "nama": "Ditjen A Baru", "eselon": "I"}]
    response = preview_and_save(client, "unit", csv_bytes(rows), "u.csv")
    assert "2 unit ditambahkan, 1 diperbarui" in response.get_data(as_text=True)
    assert db.session.scalar(select(Unit.nama).where(Unit.kode == "A")) == "Ditjen A Baru"


# --- units --------------------------------------------------------------------------------


def test_unit_rules_cycle_unknown_parent_and_head(sdm, two_units):
    rows = [unit_row("X1", "X2"), unit_row("X2", "X1"), unit_row("X3", "TIDAK"),
            unit_row("X4", "A", pimpinan_nip=make_nip()), unit_row("X4", "A"),
            unit_row("A", "A.01", eselon="I")]
    page = upload(sdm, "unit", csv_bytes(rows), "u.csv").get_data(as_text=True)
    assert page.count("Induk ini membuat lingkaran pada pohon unit.") == 3
    assert "Unit induk TIDAK tidak ditemukan." in page
    assert "belum terdaftar" in page
    assert "Kode unit X4 sudah ada di baris 5." in page


def test_unit_reimport_sets_head_and_moves(sdm, two_units):
    head = two_units["A"]["atasan"]
    rows = [unit_row("A.01", "B", nama="Direktorat Pindahan", eselon="II", pimpinan_nip=head.nip)]
    response = preview_and_save(sdm, "unit", csv_bytes(rows), "u.csv")
    assert "0 unit ditambahkan, 1 diperbarui" in response.get_data(as_text=True)
    db.session.expire_all()
    unit = db.session.scalar(select(Unit).where(Unit.kode == "A.01"))
    top_b = two_units["B"]["top"]
    assert unit.parent_id == top_b.id and unit.head_id == head.id
    assert unit.path == f"{top_b.path}{unit.id}/"
    assert count(Unit) == 4


# --- templates ----------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "columns"), [("unit", UNIT_COLUMNS),
                                                ("pegawai", ALL_EMPLOYEE_COLUMNS)])
def test_templates_download_and_read_back(sdm, slug, columns):
    response = sdm.get(f"/impor/templat/{slug}.xlsx")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    data = workbook.worksheets[0]
    assert tuple(cell.value for cell in data[1]) == columns
    assert data.max_row == 1
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
    assert data.column_dimensions["A"].number_format == "@"

    response = sdm.get(f"/impor/templat/{slug}.csv")
    text = response.data.decode("utf-8-sig")
    assert text.strip().split(";") == list(columns)


def test_filled_template_imports(sdm, tmp_path):
    workbook = openpyxl.load_workbook(io.BytesIO(sdm.get("/impor/templat/pegawai.xlsx").data))
    sheet = workbook.worksheets[0]
    row = employee_row("A.01")
    sheet.append([row.get(cell.value, "") for cell in sheet[1]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = preview_and_save(sdm, "pegawai", buffer.getvalue(), "isi.xlsx")
    assert "1 pegawai ditambahkan" in response.get_data(as_text=True)


# --- CLI ----------------------------------------------------------------------------------


def test_cli_reports_problems_and_exits_non_zero(runner, two_units, tmp_path):
    path = tmp_path / "pegawai.csv"
    good, bad = employee_row("A.01"), employee_row("A.01", status_asn="X")
    path.write_bytes(csv_bytes([good, bad]))
    result = runner.invoke(args=["employees", "import", str(path)])
    assert result.exit_code == 1
    assert "Baris 3, kolom status_asn: Status ASN harus PNS atau PPPK." in result.output
    assert "Tidak ada data yang disimpan" in result.output
    assert by_nip(good["nip"]) is None


def test_cli_imports_and_prints_counts(runner, two_units, tmp_path):
    units = tmp_path / "unit.xlsx"
    units.write_bytes(xlsx_bytes([unit_row("A.05", "A")]))
    result = runner.invoke(args=["units", "import", str(units)])
    assert result.exit_code == 0, result.output
    assert "1 unit ditambahkan, 0 diperbarui." in result.output

    employees = tmp_path / "pegawai.csv"
    rows = [employee_row("A.05"), employee_row("A.05")]
    employees.write_bytes(csv_bytes(rows))
    assert runner.invoke(args=["employees", "import", str(employees)]).exit_code == 0
    result = runner.invoke(args=["employees", "import", str(employees)])
    assert result.exit_code == 0
    assert "0 pegawai ditambahkan, 2 diperbarui." in result.output
    entries = db.session.scalars(select(AuditLog).where(AuditLog.action.like("import.%"))).all()
    assert [e.action for e in entries] == ["import.units", "import.employees", "import.employees"]


def test_cli_wrong_file(runner, two_units, tmp_path):
    path = tmp_path / "pegawai.xlsx"
    path.write_text("<html></html>")
    result = runner.invoke(args=["employees", "import", str(path)])
    assert result.exit_code == 1
    assert "bukan buku kerja Excel" in result.output


def test_storage_keeps_only_recent_previews(app, sdm):
    rows = csv_bytes([employee_row("A.01")])
    tokens = [token_of(upload(sdm, "pegawai", rows, "p.csv").get_data(as_text=True))
              for _ in range(storage.KEEP + 2)]
    names = {p.name for p in uploads(app)}
    assert names == {f"{t}.csv" for t in tokens[-storage.KEEP:]}


def test_cli_large_file_with_forward_supervisors(runner, two_units, tmp_path):
    """Enough rows for the one-pass lookups; every supervisor is further down the file."""
    rows = [employee_row("A.01") for _ in range(2500)]
    # rows 10g..10g+8 report to their group leader 10g+9, each leader to the next leader
    for index, row in enumerate(rows[:-1]):
        leader = index // 10 * 10 + 9
        row["atasan_nip"] = rows[leader if index != leader else leader + 10]["nip"]
    path = tmp_path / "besar.csv"
    path.write_bytes(csv_bytes(rows, list(rows[0]) + ["catatan"]))
    result = runner.invoke(args=["employees", "import", str(path)])
    assert result.exit_code == 0, result.output[:2000]
    assert "2500 pegawai ditambahkan, 0 diperbarui." in result.output
    assert "Peringatan: Kolom tidak dikenal diabaikan: catatan." in result.output
    assert by_nip(rows[0]["nip"]).supervisor.nip == rows[9]["nip"]
    assert by_nip(rows[9]["nip"]).supervisor.nip == rows[19]["nip"]
    assert by_nip(rows[-1]["nip"]).supervisor is None

    rows[5]["nama"] = "Berubah"
    path.write_bytes(csv_bytes(rows))
    result = runner.invoke(args=["employees", "import", str(path)])
    assert "0 pegawai ditambahkan, 2500 diperbarui." in result.output
    assert by_nip(rows[5]["nip"]).nama == "Berubah"
