"""Authority from data (issue 15 item 1): setting an atasan or a unit head is guarded like a
granted role — no self-appointment, only within the admin's scope, audited old → new and told
to the people concerned in their inbox. See docs/security.md, "Kewenangan dari data"."""

from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditLog, Employee, Unit
from portal.models.notification import Notification
from tests.test_employees import _form


def _unit_form(unit, **changes):
    data = {"kode": unit.kode, "nama": unit.nama, "eselon": unit.eselon,
            "induk_kode": unit.parent.kode if unit.parent else "",
            "pimpinan_nip": unit.head.nip if unit.head else ""}
    data.update(changes)
    return data


def _notices(employee):
    return list(db.session.scalars(select(Notification).where(Notification.employee_id == employee.id)))


def test_admin_unit_cannot_make_itself_the_atasan_of_an_employee(client, two_units):
    staff, admin = two_units["A"]["staff"], two_units["A"]["admin"]
    client.login(admin.nip)
    page = client.post(f"/pegawai/{staff.id}/ubah", data=_form(staff, atasan_nip=admin.nip,
                                                                jabatan="Diketik"))
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "tidak dapat menetapkan diri sendiri" in body
    assert 'value="Diketik"' in body  # nothing typed is lost
    db.session.expire_all()
    assert db.session.get(Employee, staff.id).supervisor_id == two_units["A"]["atasan"].id


def test_admin_unit_cannot_make_itself_the_atasan_of_a_new_employee(client, two_units, people):
    admin = two_units["A"]["admin"]
    client.login(admin.nip)
    data = {"nip": people.nip(), "nama": "Pegawai Baru", "unit_kode": "A.01", "status_asn": "PNS",
            "jenis_jabatan": "pelaksana", "atasan_nip": admin.nip}
    body = client.post("/pegawai/baru", data=data).get_data(as_text=True)
    assert "tidak dapat menetapkan diri sendiri" in body
    assert db.session.scalar(select(Employee).where(Employee.nama == "Pegawai Baru")) is None


def test_admin_unit_cannot_change_its_own_atasan(client, two_units):
    admin, head = two_units["A"]["admin"], two_units["A"]["head"]
    client.login(admin.nip)
    body = client.post(f"/pegawai/{admin.id}/ubah", data=_form(admin, atasan_nip=head.nip)).get_data(as_text=True)
    assert "tidak dapat mengubah atasan Anda sendiri" in body
    # Editing other fields of one's own record, the atasan unchanged, still works.
    assert client.post(f"/pegawai/{admin.id}/ubah", data=_form(admin, jabatan="Analis SDM")).status_code == 302


def test_admin_unit_chooses_the_atasan_only_among_employees_of_its_scope(client, two_units):
    staff = two_units["A"]["staff"]
    client.login(two_units["A"]["admin"].nip)
    body = client.post(f"/pegawai/{staff.id}/ubah",
                       data=_form(staff, atasan_nip=two_units["B"]["atasan"].nip)).get_data(as_text=True)
    assert "dipilih dari pegawai unit dalam kewenangan Anda" in body


def test_an_atasan_change_is_audited_old_new_and_notified_to_the_three_people(client, two_units):
    staff, old, new = two_units["A"]["staff"], two_units["A"]["atasan"], two_units["A"]["head"]
    client.login(two_units["A"]["admin"].nip)
    assert client.post(f"/pegawai/{staff.id}/ubah", data=_form(staff, atasan_nip=new.nip)).status_code == 302
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "authority.atasan"))
    assert entry.old_values == {"atasan_nip": old.nip} and entry.new_values == {"atasan_nip": new.nip}
    for person in (staff, old, new):
        assert [n.title for n in _notices(person)] == ["Atasan langsung Staf A diubah"], person.nama
    # The employee reads it in the inbox and marks it read.
    reader = client.__class__(client.application, client.response_wrapper, use_cookies=True)
    reader.login(staff.nip)
    inbox = reader.get("/kotak-masuk").get_data(as_text=True)
    assert "Atasan langsung Staf A diubah" in inbox and "Admin A" in inbox
    notice = _notices(staff)[0]
    assert reader.post(f"/kotak-masuk/pemberitahuan/{notice.id}/dibaca").status_code == 302
    assert "Atasan langsung Staf A diubah" not in reader.get("/kotak-masuk").get_data(as_text=True)
    # Someone else's notice cannot be touched.
    other = _notices(old)[0]
    assert reader.post(f"/kotak-masuk/pemberitahuan/{other.id}/dibaca").status_code == 404


def test_admin_unit_cannot_make_itself_head_of_a_unit(client, two_units):
    sub, admin = two_units["A"]["sub"], two_units["A"]["admin"]
    client.login(admin.nip)
    body = client.post(f"/unit/{sub.id}/ubah", data=_unit_form(sub, pimpinan_nip=admin.nip)).get_data(as_text=True)
    assert "tidak dapat menetapkan diri sendiri" in body
    db.session.expire_all()
    assert db.session.get(Unit, sub.id).head_id == two_units["A"]["atasan"].id


def test_admin_unit_chooses_a_head_only_among_employees_of_its_scope(client, two_units):
    sub = two_units["A"]["sub"]
    client.login(two_units["A"]["admin"].nip)
    body = client.post(f"/unit/{sub.id}/ubah",
                       data=_unit_form(sub, pimpinan_nip=two_units["B"]["staff"].nip)).get_data(as_text=True)
    assert "dipilih dari pegawai unit dalam kewenangan Anda" in body


def test_a_head_change_is_audited_and_notified(client, two_units):
    sub, old, new = two_units["A"]["sub"], two_units["A"]["atasan"], two_units["A"]["staff"]
    client.login(two_units["sdm"].nip)
    assert client.post(f"/unit/{sub.id}/ubah", data=_unit_form(sub, pimpinan_nip=new.nip)).status_code == 302
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "authority.head"))
    assert entry.old_values == {"pimpinan_nip": old.nip} and entry.new_values == {"pimpinan_nip": new.nip}
    assert _notices(old) and _notices(new)


def test_admin_sdm_cannot_make_itself_head_either(client, two_units):
    sub, sdm = two_units["A"]["sub"], two_units["sdm"]
    client.login(sdm.nip)
    body = client.post(f"/unit/{sub.id}/ubah", data=_unit_form(sub, pimpinan_nip=sdm.nip)).get_data(as_text=True)
    assert "tidak dapat menetapkan diri sendiri" in body


# --- the import door obeys the same guard ---------------------------------------------------

def test_admin_unit_cannot_import_itself_as_atasan_or_head(client, two_units):
    from tests.test_imports import csv_bytes, employee_row, unit_row, upload

    staff, admin, sub = two_units["A"]["staff"], two_units["A"]["admin"], two_units["A"]["sub"]
    client.login(admin.nip)
    row = employee_row("A.01", nip=staff.nip, nama="Staf A", atasan_nip=admin.nip)
    page = upload(client, "pegawai", csv_bytes([row]), "p.csv").get_data(as_text=True)
    assert "tidak dapat menetapkan diri sendiri" in page and 'name="token"' not in page
    row = employee_row("A.01", nip=staff.nip, nama="Staf A", atasan_nip=two_units["B"]["atasan"].nip)
    page = upload(client, "pegawai", csv_bytes([row]), "p.csv").get_data(as_text=True)
    assert "dipilih dari pegawai unit dalam kewenangan Anda" in page
    row = {**unit_row("A.01", "A"), "nama": sub.nama, "eselon": "II", "pimpinan_nip": admin.nip}
    page = upload(client, "unit", csv_bytes([row]), "u.csv").get_data(as_text=True)
    assert "tidak dapat menetapkan diri sendiri" in page and 'name="token"' not in page
    db.session.expire_all()
    assert db.session.get(Employee, staff.id).supervisor_id == two_units["A"]["atasan"].id
    assert db.session.get(Unit, sub.id).head_id == two_units["A"]["atasan"].id


def test_an_imported_atasan_change_is_audited_and_notified(client, two_units):
    from tests.test_imports import csv_bytes, employee_row, preview_and_save

    staff, old, new = two_units["A"]["staff"], two_units["A"]["atasan"], two_units["A"]["head"]
    client.login(two_units["A"]["admin"].nip)
    row = employee_row("A.01", nip=staff.nip, nama="Staf A", atasan_nip=new.nip)
    assert "1 diperbarui" in preview_and_save(client, "pegawai", csv_bytes([row]), "p.csv").get_data(as_text=True)
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "authority.atasan"))
    assert entry.old_values == {"atasan_nip": old.nip} and entry.new_values == {"atasan_nip": new.nip}
    for person in (staff, old, new):
        assert _notices(person), person.nama


# --- the walk: every approval resting on a derived role calls the one four-eyes helper ---------

DERIVED_ROLE_STEPS = (
    ("portal.placements.service", "endorse"),  # MG-03: the atasan's endorsement
    ("portal.placements.monitoring", "record_rapor"),  # MG-09: the mentor's rapor kinerja
    ("portal_coaching.unit.workflow", "_validator"),  # CU-01: the unit head validates
    ("portal_coaching.unit.workflow", "supervisor_decide"),  # CU-03: the atasan approves a mentor
    ("portal_coaching.programme.workflow", "add_participant"),  # CM-12: coach and mentor appointed
    ("portal_komunitas.workflow", "sign"),  # KB-03: the unit head signs
    ("portal_belajar_mandiri.workflow", "assign"),  # BM-01: the PyB assigns
)


def test_every_derived_role_approval_step_calls_the_four_eyes_helper():
    import importlib
    import inspect

    for module_name, function in DERIVED_ROLE_STEPS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue  # a plugin that is not installed has no step to walk
        source = inspect.getsource(getattr(module, function))
        assert "self_approval_refusal(" in source, f"{module_name}.{function}"
