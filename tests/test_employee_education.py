"""Employee education (H.III.1.d: the coaching programme's profile holds the employee's
education): in the employee record, its edit form, the XLSX export and the import (optional
column ``pendidikan``)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from portal.extensions import db
from tests.test_imports import by_nip, csv_bytes, employee_row, preview_and_save, upload


@pytest.fixture
def sdm(client, two_units):
    client.login(two_units["sdm"].nip)
    return client


def _edit_data(employee, **values) -> dict:
    data = {"nama": employee.nama, "unit_kode": employee.unit.kode, "status_asn": employee.status_asn,
            "jenis_jabatan": employee.jenis_jabatan, "jenjang": employee.jenjang, "jabatan": employee.jabatan,
            "golongan": employee.golongan, "atasan_nip": employee.supervisor.nip if employee.supervisor else "",
            "email": employee.email or ""}
    data.update(values)
    return data


def test_the_coaching_profile_education_is_kept_in_the_employee_record_h_iii_1_d(sdm, two_units):
    staff = two_units["A"]["staff"]
    too_long = sdm.post(f"/pegawai/{staff.id}/ubah", data=_edit_data(staff, pendidikan="S" * 201))
    assert too_long.status_code in (200, 422) and by_nip(staff.nip).pendidikan == ""
    saved = sdm.post(f"/pegawai/{staff.id}/ubah", data=_edit_data(staff, pendidikan="S2 Teknik Sipil"))
    assert saved.status_code == 302
    assert by_nip(staff.nip).pendidikan == "S2 Teknik Sipil"
    assert "S2 Teknik Sipil" in sdm.get(f"/pegawai/{staff.id}").get_data(as_text=True)
    sheet = openpyxl.load_workbook(io.BytesIO(sdm.get("/pegawai/ekspor.xlsx").data)).active
    header = [cell.value for cell in sheet[1]]
    column = header.index("Pendidikan")
    assert "S2 Teknik Sipil" in [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_import_reads_the_optional_pendidikan_column_and_leaves_it_alone_when_absent(sdm, two_units):
    row = employee_row("A.01", pendidikan="D4 Teknik Jalan")
    page = preview_and_save(sdm, "pegawai", csv_bytes([row]), "pegawai.csv")
    assert "1 pegawai ditambahkan" in page.get_data(as_text=True)
    assert by_nip(row["nip"]).pendidikan == "D4 Teknik Jalan"
    without = {key: value for key, value in row.items() if key != "pendidikan"}
    without["jabatan"] = "Pengadministrasi Umum Senior"
    page = preview_and_save(sdm, "pegawai", csv_bytes([without]), "pegawai.csv")
    assert "1 diperbarui" in page.get_data(as_text=True)
    stored = by_nip(row["nip"])
    assert stored.jabatan == "Pengadministrasi Umum Senior" and stored.pendidikan == "D4 Teknik Jalan"
    bad = upload(sdm, "pegawai", csv_bytes([dict(row, pendidikan="x" * 201)]), "pegawai.csv")
    assert "Maksimal 200 karakter" in bad.get_data(as_text=True)
    db.session.expire_all()
    assert by_nip(row["nip"]).pendidikan == "D4 Teknik Jalan"
