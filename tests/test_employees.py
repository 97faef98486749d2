"""Employees: search, filters, pagination, detail, edit in scope, gaps, export."""

import io

from openpyxl import load_workbook
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditLog, Employee


def _form(employee, **changes):
    data = {"nip": employee.nip, "nama": employee.nama, "unit_kode": employee.unit.kode,
            "status_asn": employee.status_asn, "jenis_jabatan": employee.jenis_jabatan,
            "jenjang": "", "jabatan": "Analis", "golongan": "III/a",
            "atasan_nip": employee.supervisor.nip if employee.supervisor else "", "email": ""}
    data.update(changes)
    return data


def test_live_search_by_name_or_nip_returns_the_results_block(client, two_units):
    client.login(two_units["sdm"].nip)
    staff = two_units["B"]["staff"]
    by_name = client.get("/pegawai/?q=staf+b", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Staf B" in by_name and "Staf A" not in by_name and "<html" not in by_name
    by_nip = client.get(f"/pegawai/?q={staff.nip[:10]}").get_data(as_text=True)
    assert "Staf B" in by_nip and "<html" in by_nip


def test_filters_by_unit_subtree_status_and_position_type(client, two_units, people):
    people.employee(two_units["A"]["sub"], nama="Kontrak A", status="PPPK", jenis_jabatan="fungsional")
    client.login(two_units["sdm"].nip)
    page = client.get("/pegawai/?unit=A&status=PPPK").get_data(as_text=True)
    assert "Kontrak A" in page and "Staf A" not in page
    page = client.get("/pegawai/?jenis=fungsional").get_data(as_text=True)
    assert "Kontrak A" in page and "Staf B" not in page
    page = client.get("/pegawai/?status=BUKAN").get_data(as_text=True)
    assert "Staf B" in page  # an unknown filter value is ignored, not an error


def test_pagination_of_a_long_list(client, two_units, people):
    for i in range(30):
        people.employee(two_units["A"]["sub"], nama=f"Pegawai Urut {i:02d}")
    client.login(two_units["sdm"].nip)
    first = client.get("/pegawai/?q=urut").get_data(as_text=True)
    second = client.get("/pegawai/?q=urut&page=2").get_data(as_text=True)
    assert "Halaman 1 dari 2" in first and "Pegawai Urut 00" in first
    assert "Pegawai Urut 29" in second and "Pegawai Urut 00" not in second


def test_atasan_sees_direct_reports_and_pimpinan_the_subtree(client, two_units):
    client.login(two_units["A"]["atasan"].nip)
    page = client.get("/pegawai/").get_data(as_text=True)
    assert "Staf A" in page and "Staf B" not in page
    client.logout()
    client.login(two_units["A"]["head"].nip)
    page = client.get("/pegawai/").get_data(as_text=True)
    assert "Staf A" in page and "Atasan A" in page and "Staf B" not in page


def test_admin_edits_an_employee_in_scope_and_it_is_audited(client, two_units):
    staff = two_units["A"]["staff"]
    client.login(two_units["A"]["admin"].nip)
    response = client.post(f"/pegawai/{staff.id}/ubah", data=_form(staff, nama="Staf A Baru", hipo="y"))
    assert response.status_code == 302
    db.session.expire_all()
    changed = db.session.get(Employee, staff.id)
    assert changed.nama == "Staf A Baru" and changed.hipo
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "employee.update"))
    assert entry.old_values["nama"] == "Staf A" and entry.new_values["nama"] == "Staf A Baru"


def test_supervisor_cycle_is_refused_and_input_kept(client, two_units):
    atasan, staff = two_units["A"]["atasan"], two_units["A"]["staff"]
    client.login(two_units["sdm"].nip)
    page = client.post(f"/pegawai/{atasan.id}/ubah",
                       data=_form(atasan, atasan_nip=staff.nip, jabatan="Jabatan Diketik")).get_data(as_text=True)
    assert "lingkaran atasan" in page and 'value="Jabatan Diketik"' in page
    db.session.expire_all()
    assert db.session.get(Employee, atasan.id).supervisor_id == two_units["A"]["head"].id


def test_new_employee_with_wrong_nip_gets_a_message_naming_the_part(client, two_units):
    client.login(two_units["sdm"].nip)
    data = {"nip": "198501132010131001", "nama": "Baru", "unit_kode": "A.01", "status_asn": "PNS",
            "jenis_jabatan": "pelaksana"}
    page = client.post("/pegawai/baru", data=data).get_data(as_text=True)
    assert "Digit 13–14 NIP (bulan TMT 13) harus 01–12." in page
    assert db.session.scalar(select(Employee).where(Employee.nama == "Baru")) is None


def test_new_pppk_with_agreement_code_and_contract_end(client, two_units):
    client.login(two_units["sdm"].nip)
    data = {"nip": "199009132025242014", "nama": "Rina PPPK", "unit_kode": "A.01", "status_asn": "PPPK",
            "jenis_jabatan": "fungsional", "pppk_kontrak_selesai": "2028-12-31", "pppk_keahlian_langka": "y"}
    assert client.post("/pegawai/baru", data=data).status_code == 302
    created = db.session.scalar(select(Employee).where(Employee.nip == "199009132025242014"))
    assert created.pppk_keahlian_langka and str(created.pppk_kontrak_selesai) == "2028-12-31"


def test_impossible_contract_date_is_refused(client, two_units):
    client.login(two_units["sdm"].nip)
    data = {"nip": "199009132025242014", "nama": "Rina PPPK", "unit_kode": "A.01", "status_asn": "PPPK",
            "jenis_jabatan": "fungsional", "pppk_kontrak_selesai": "2028-02-30"}
    page = client.post("/pegawai/baru", data=data).get_data(as_text=True)
    assert "YYYY-MM-DD dan valid" in page


def test_gap_is_added_and_removed(client, two_units):
    staff = two_units["A"]["staff"]
    client.login(two_units["A"]["admin"].nip)
    client.post(f"/pegawai/{staff.id}/kesenjangan", data={"standard": "teknis", "kompetensi": "Hidrologi",
                                                          "gap_level": "2"})
    page = client.get(f"/pegawai/{staff.id}").get_data(as_text=True)
    assert "Hidrologi" in page
    gap = db.session.get(Employee, staff.id).gaps[0]
    client.post(f"/pegawai/{staff.id}/kesenjangan/{gap.id}/hapus")
    assert "Hidrologi" not in client.get(f"/pegawai/{staff.id}").get_data(as_text=True)
    bad = client.post(f"/pegawai/{staff.id}/kesenjangan", data={"standard": "teknis", "kompetensi": "X",
                                                                "gap_level": "9"})
    assert "Isi angka 1–5." in bad.get_data(as_text=True)


def test_export_xlsx_has_the_filtered_rows_and_escapes_formulas(client, two_units, people):
    people.employee(two_units["A"]["sub"], nama='=HYPERLINK("http://x","y")')
    client.login(two_units["A"]["admin"].nip)
    response = client.get("/pegawai/ekspor.xlsx")
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("NIP", "Nama")
    names = {row[1] for row in rows[1:]}
    assert "Staf A" in names and "Staf B" not in names
    assert "'=HYPERLINK(\"http://x\",\"y\")" in names


def test_temporary_password_is_shown_once_and_ends_sessions(make_app, two_units):
    staff = two_units["A"]["staff"]
    app = make_app()
    admin, victim = app.test_client(), app.test_client()
    victim.login(staff.nip)
    admin.login(two_units["A"]["admin"].nip)
    page = admin.post(f"/admin/pegawai/{staff.id}/kata-sandi-sementara").get_data(as_text=True)
    assert "hanya ditampilkan sekali" in page
    assert victim.get("/").status_code == 302  # old session ended
