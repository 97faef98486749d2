"""CU-01: the unit lists employees needing coaching/mentoring, the unit head validates, the
employee picks the development area."""

from __future__ import annotations

from portal_coaching.unit.models import UnitInventory, UnitPair
from sqlalchemy import func, select
from unit_fixtures import BASE, last, unit_world_fixture  # noqa: F401

from portal.sdk import AuditLog, db, today
from portal.sdk import check_eligibility as check


def _count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


def test_unit_lists_employee_and_unit_head_validates_cu01(unit_world):
    w = unit_world
    assert w.list_employee().status_code == 302
    entry = last(UnitInventory)
    assert (entry.employee_id, entry.jenis, entry.status) == (w.staff.id, "mentoring", "diusulkan")
    page = w.client(w.atasan).get(f"{BASE}/inventarisasi").get_data(as_text=True)
    assert "Staf A" in page and "Validasi" in page
    assert w.client(w.atasan).post(f"{BASE}/inventarisasi/{entry.id}/validasi").status_code == 302
    db.session.expire_all()
    entry = db.session.get(UnitInventory, entry.id)
    assert entry.status == "divalidasi" and entry.validated_by_id == w.atasan.id
    assert db.session.scalar(select(AuditLog).where(AuditLog.entity_type == "coaching_unit_inventory",
                                                    AuditLog.action.like("%status")))


def test_only_the_unit_head_validates_cu01(unit_world):
    w = unit_world
    w.list_employee()
    entry = last(UnitInventory)
    # The unit admin lists but does not validate; the head of the parent unit is not the
    # employee's unit head; the head of another unit cannot even see the entry.
    assert w.client(w.admin).post(f"{BASE}/inventarisasi/{entry.id}/validasi").status_code == 403
    response = w.client(w.head).post(f"{BASE}/inventarisasi/{entry.id}/validasi", follow_redirects=True)
    assert "divalidasi oleh pimpinan unit kerja (CU-01)" in response.get_data(as_text=True)
    b_head = w.units["B"]["atasan"]
    assert w.client(b_head).post(f"{BASE}/inventarisasi/{entry.id}/validasi").status_code == 404
    db.session.expire_all()
    assert db.session.get(UnitInventory, entry.id).status == "diusulkan"


def test_unit_lists_only_its_own_employees_cu01(unit_world):
    w = unit_world
    response = w.list_employee(by=w.units["B"]["admin"])
    assert response.status_code == 422
    assert "inventarisasi dilakukan oleh unit pegawai (CU-01)" in response.get_data(as_text=True)
    assert _count(UnitInventory) == 0


def test_employee_is_not_listed_twice_while_waiting_cu01(unit_world):
    w = unit_world
    assert w.list_employee().status_code == 302
    response = w.list_employee()
    assert response.status_code == 422
    assert "menunggu validasi pimpinan unit (CU-01)" in response.get_data(as_text=True)
    assert _count(UnitInventory) == 1


def test_bad_input_keeps_what_was_typed(unit_world):
    w = unit_world
    response = w.client(w.admin).post(f"{BASE}/inventarisasi", data={
        "nip": "123", "jenis": "yoga", "alasan": "Alasan yang diketik <b>pegawai</b>"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Pilih coaching atau mentoring." in body
    assert "Alasan yang diketik &lt;b&gt;pegawai&lt;/b&gt;" in body
    assert _count(UnitInventory) == 0


def test_employee_picks_the_development_area_cu01(unit_world):
    w = unit_world
    entry = w.validated_entry(area=False)
    # Somebody else cannot choose it for them.
    assert w.client(w.atasan).post(f"{BASE}/inventarisasi/{entry.id}/area",
                                   data={"area_standard": "teknis", "area": "X"}).status_code == 403
    assert w.client(w.colleague).get(f"{BASE}/inventarisasi/{entry.id}/area").status_code == 404
    response = w.client(w.staff).post(f"{BASE}/inventarisasi/{entry.id}/area",
                                      data={"area_standard": "lain", "area": ""})
    assert response.status_code == 422
    assert "Area pengembangan wajib diisi." in response.get_data(as_text=True)
    assert w.client(w.staff).post(f"{BASE}/inventarisasi/{entry.id}/area", data={
        "area_standard": "manajerial", "area": "Memimpin rapat"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(UnitInventory, entry.id).area == "Memimpin rapat"


def test_no_request_before_validation_and_area_cu01(unit_world):
    w = unit_world
    w.list_employee()
    entry = last(UnitInventory)
    response = w.request(entry, w.atasan, pilihan="atasan")
    assert response.status_code == 422
    assert "divalidasi pimpinan unit sebelum memulai mentoring (CU-01)" in response.get_data(as_text=True)
    entry = w.validated_entry(w.colleague, area=False)
    response = w.request(entry, w.atasan, pilihan="atasan")
    assert "Tentukan dahulu area pengembangan (CU-01)" in response.get_data(as_text=True).replace(
        " yang akan dilaksanakan", "")
    assert _count(UnitPair) == 0


def test_eligibility_answers_cu01_for_the_unit_flow(unit_world):
    w = unit_world
    context = {"activity_type": "mentoring_unit"}
    answer = check(w.staff, "coaching", today(), context)
    assert any(v.rule_id == "CU-01" and v.allow is False for v in answer.verdicts)
    w.validated_entry()
    answer = check(w.staff, "coaching", today(), context)
    assert any(v.rule_id == "CU-01" and v.allow is True for v in answer.verdicts)
    assert not any(v.rule_id == "CU-01" for v in check(w.staff, "coaching", today(), {}).verdicts)


def test_inventory_search_and_htmx_fragment(unit_world):
    w = unit_world
    w.list_employee()
    w.list_employee(w.colleague, jenis="coaching")
    c = w.client(w.admin)
    page = c.get(f"{BASE}/inventarisasi?q=Rekan").get_data(as_text=True)
    # The flash messages of the two listings above come first; the results follow them.
    assert "Staf A dicatat membutuhkan mentoring" in page
    results = page[page.index('<div id="hasil">'):]
    assert "Rekan Kerja" in results and "Staf A" not in results
    fragment = c.get(f"{BASE}/inventarisasi?status=diusulkan&q={w.staff.nip}",
                     headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.lstrip().startswith('<div id="hasil">') and "Staf A" in fragment
    empty = c.get(f"{BASE}/inventarisasi?status=ditolak").get_data(as_text=True)
    assert "Tidak ada data yang cocok" in empty
