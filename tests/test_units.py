"""Units: browse, search, create, edit and move within scope."""

from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditLog, Unit


def _unit(kode):
    return db.session.scalar(select(Unit).where(Unit.kode == kode))


def test_every_employee_can_browse_and_search_units(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    page = client.get("/unit/").get_data(as_text=True)
    assert "Direktorat Jenderal A" in page and "Direktorat B Satu" in page
    found = client.get("/unit/?q=b+satu").get_data(as_text=True)
    assert "Direktorat B Satu" in found and "Direktorat A Satu" not in found


def test_htmx_search_returns_only_the_results_block(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    fragment = client.get("/unit/?q=satu", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and "Direktorat A Satu" in fragment


def test_admin_unit_creates_a_sub_unit_in_scope(client, two_units):
    client.login(two_units["A"]["admin"].nip)
    response = client.post("/unit/baru", data={"kode": "A.02", "nama": "Direktorat A Dua",
                                               "eselon": "II", "induk_kode": "A"})
    assert response.status_code == 302
    created = _unit("A.02")
    assert created.parent.kode == "A" and created.path == f"{_unit('A').path}{created.id}/"
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "unit.create"))


def test_admin_unit_cannot_create_under_another_unit_or_at_top(client, two_units):
    client.login(two_units["A"]["admin"].nip)
    page = client.post("/unit/baru", data={"kode": "B.09", "nama": "Nyasar", "eselon": "II",
                                           "induk_kode": "B"}).get_data(as_text=True)
    assert "di luar kewenangan" in page
    page = client.post("/unit/baru", data={"kode": "X", "nama": "Puncak", "eselon": "I",
                                           "induk_kode": ""}).get_data(as_text=True)
    assert "Hanya Admin SDM" in page
    assert _unit("B.09") is None and _unit("X") is None


def test_validation_error_keeps_what_the_user_typed(client, two_units):
    client.login(two_units["sdm"].nip)
    page = client.post("/unit/baru", data={"kode": "A", "nama": "Nama Yang Diketik", "eselon": "II",
                                           "induk_kode": "TIDAKADA"}).get_data(as_text=True)
    assert "Kode A sudah dipakai" in page and "Unit induk TIDAKADA tidak ditemukan" in page
    assert 'value="Nama Yang Diketik"' in page


def test_moving_a_unit_moves_its_subtree_paths(client, two_units, people):
    sub_b = two_units["B"]["sub"]
    deeper = people.unit("B.01.01", "Subdit B", eselon="III", parent=sub_b)
    client.login(two_units["sdm"].nip)
    response = client.post(f"/unit/{sub_b.id}/ubah", data={
        "kode": "B.01", "nama": "Direktorat B Satu", "eselon": "II", "induk_kode": "A",
        "pimpinan_nip": two_units["B"]["atasan"].nip})
    assert response.status_code == 302
    db.session.expire_all()
    moved, child, top_a = _unit("B.01"), db.session.get(Unit, deeper.id), _unit("A")
    assert moved.path.startswith(top_a.path) and child.path.startswith(moved.path)


def test_a_unit_cannot_move_under_its_own_descendant(client, two_units):
    client.login(two_units["sdm"].nip)
    page = client.post(f"/unit/{two_units['A']['top'].id}/ubah", data={
        "kode": "A", "nama": "Direktorat Jenderal A", "eselon": "I", "induk_kode": "A.01"}
    ).get_data(as_text=True)
    assert "tidak dapat dipindah ke bawah dirinya sendiri" in page


def test_unknown_unit_is_404(client, two_units):
    client.login(two_units["sdm"].nip)
    assert client.get("/unit/99999").status_code == 404
    assert client.get("/unit/?page=abc").status_code == 200
