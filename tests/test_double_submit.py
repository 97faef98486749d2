"""Double submits create one record (issue 16 item 3: a development plan or an employee created
twice gave a 500; a double-submitted formal report made two). Forms that create carry a one-time
key ({{ once() }}); a unique-key race anywhere is the Indonesian 409 page, never a 500."""

from __future__ import annotations

import re

from flask import Blueprint
from sqlalchemy import func, select

from portal.access import ROLES, access
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.idempotency import ALREADY
from portal.models import DevelopmentPlan, Employee, Unit
from portal.types import PluginInfo

KEY = re.compile(r'name="idempotency_key" value="([0-9a-f]{32})"')
NEW = {"nip": "199009132015011002", "nama": "Pegawai Sekali", "unit_kode": "A.01", "status_asn": "PNS",
       "jenis_jabatan": "pelaksana"}


def count(model, *where) -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_an_employee_form_sent_twice_creates_one_employee(client, two_units):
    client.login(two_units["sdm"].nip)
    key = KEY.search(client.get("/pegawai/baru").get_data(as_text=True)).group(1)
    first = client.post("/pegawai/baru", data={**NEW, "idempotency_key": key})
    second = client.post("/pegawai/baru", data={**NEW, "idempotency_key": key}, follow_redirects=True)
    assert first.status_code == 302
    assert count(Employee, Employee.nip == NEW["nip"]) == 1
    assert second.status_code == 200 and ALREADY in second.get_data(as_text=True)
    assert "Pegawai Sekali" in second.get_data(as_text=True)  # the first one's page


def test_a_form_refused_by_validation_keeps_its_key_usable(client, two_units):
    client.login(two_units["sdm"].nip)
    key = KEY.search(client.get("/pegawai/baru").get_data(as_text=True)).group(1)
    refused = client.post("/pegawai/baru", data={**NEW, "nip": "123", "idempotency_key": key})
    assert refused.status_code in (200, 422) and count(Employee, Employee.nama == "Pegawai Sekali") == 0
    assert client.post("/pegawai/baru", data={**NEW, "idempotency_key": key}).status_code == 302
    assert count(Employee, Employee.nip == NEW["nip"]) == 1


def test_a_development_plan_sent_twice_is_one_plan(client, two_units):
    staff = two_units["A"]["staff"]
    client.login(staff.nip)
    page = client.get(f"/rencana/pegawai/{staff.id}").get_data(as_text=True)
    key = KEY.search(page).group(1)
    data = {"year": "2026", "basis": "kesenjangan", "notes": "Catatan", "idempotency_key": key}
    client.post(f"/rencana/pegawai/{staff.id}/baru", data=data)
    again = client.post(f"/rencana/pegawai/{staff.id}/baru", data=data)
    assert again.status_code == 302
    assert count(DevelopmentPlan, DevelopmentPlan.employee_id == staff.id) == 1


class Duplicator:
    """A page that creates the same unit twice: the unique key fails in the database."""

    bp = Blueprint("duplikat", __name__)

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug="duplikat", title="Duplikat", model=70)

    @hookimpl
    def portal_register_blueprints(self):
        return [self.bp]


@Duplicator.bp.route("/dua-kali", methods=["POST"])
@access(*ROLES)
def twice():
    db.session.add_all([Unit(kode="DUP", nama="Satu", eselon="II", path="/"),
                        Unit(kode="DUP", nama="Dua", eselon="II", path="/")])
    db.session.commit()
    return "tidak sampai di sini"


def test_a_unique_key_race_is_the_indonesian_409_page_never_a_500(make_app, two_units):
    app = make_app(plugins=[("duplikat", Duplicator())], PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()
    client.login(two_units["A"]["staff"].nip)
    response = client.post("/m/duplikat/dua-kali")
    assert response.status_code == 409
    assert "Data yang sama baru saja tersimpan" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Unit).where(Unit.kode == "DUP")) == 0


def test_two_requests_with_the_same_key_at_once_create_one_employee(make_app, two_units):
    import threading

    app = make_app()  # threads get their own app contexts and database sessions
    client = app.test_client()
    client.login(two_units["sdm"].nip)
    key = KEY.search(client.get("/pegawai/baru").get_data(as_text=True)).group(1)
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    barrier, statuses = threading.Barrier(2), []

    def send():
        own = app.test_client()
        own.set_cookie(cookie.key, cookie.value)
        barrier.wait(timeout=30)
        statuses.append(own.post("/pegawai/baru", data={**NEW, "idempotency_key": key,
                                                        "csrf_token": own.csrf_token()}, csrf=False).status_code)

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses) == [302, 302]  # the second lands on the first one's page
    assert count(Employee, Employee.nip == NEW["nip"]) == 1


def test_every_creation_route_of_the_core_and_every_plugin_is_sent_once(app):
    """A walk over every installed plugin's routes: a POST route that creates a record (its path
    ends in ``/baru``) is wrapped by ``once_per_form``, so a double submit creates one."""
    creating = [rule for rule in app.url_map.iter_rules()
                if "POST" in rule.methods and rule.rule.endswith("/baru")]
    assert len(creating) >= 8
    unguarded = [rule.rule for rule in creating
                 if not getattr(app.view_functions[rule.endpoint], "once_per_form", False)]
    assert unguarded == []
