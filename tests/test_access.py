"""Authorization: every route declares access; roles × routes × htmx; IDOR between two units.

The sweep walks ``app.url_map`` of an app that also mounts the example plugin, so routes added
later (core or plugin) are covered without editing this file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from flask import Blueprint, Flask
from sqlalchemy import select

from portal.access import PUBLIC, ROLES, access, declared_access
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.models import Account, Employee, EmployeeGap, RoleGrant, UnitMechanism
from portal.testing import TEST_PASSWORD
from portal.types import PluginInfo
from tests.plugin_double import plugin

HTMX = {"HX-Request": "true"}
IDENTITIES = ("staff", "atasan", "head", "admin", "sdm")
MISSING_ID = 99999
_ARG = re.compile(r"<(?:(\w+)(?:\(([^)]*)\))?:)?(\w+)>")


# --------------------------------------------------------------------------- helpers


def is_login_url(url: str | None) -> bool:
    return urlsplit(url or "").path == "/masuk"


def looks_like_login_page(body: str) -> bool:
    return 'name="password"' in body or "<form" in body


def identity(world: dict, who: str) -> Employee:
    return world["sdm"] if who == "sdm" else world["A"][who]


def account_of(employee: Employee) -> Account:
    return db.session.scalar(select(Account).where(Account.employee_id == employee.id))


@dataclass(frozen=True)
class Target:
    endpoint: str
    rule: str
    method: str
    variant: str  # "real": ids of the two_units data; "missing": every int argument is 99999
    roles: frozenset[str]

    def __str__(self) -> str:
        return f"{self.method} {self.rule} [{self.variant}]"


def targets(app: Flask) -> list[Target]:
    """Every (rule, GET/POST, variant) of the app, in a stable order."""
    found = []
    with app.app_context():
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
            roles = declared_access(rule.endpoint) or frozenset()
            has_int = any(conv == "int" for conv, _, _ in _ARG.findall(rule.rule))
            for method in ("GET", "POST"):
                if method not in rule.methods:
                    continue
                for variant in ("real", "missing") if has_int else ("real",):
                    found.append(Target(rule.endpoint, rule.rule, method, variant, roles))
    return found


class RealIds:
    """Values for URL arguments taken from the two_units data.

    Objects a request may delete (competency gaps, role grants) are created afresh for each
    request, so the request with and without ``HX-Request`` meet the same situation.
    """

    def __init__(self, world: dict, people) -> None:
        self.world = world
        a = world["A"]
        # An account without roles of its own: role grants to revoke are given to it.
        self.target = people.person(a["sub"], nama="Sasaran A", supervisor=a["atasan"])

    def _fresh_gap(self) -> int:
        db.session.rollback()
        gap = EmployeeGap(employee_id=self.world["A"]["staff"].id, standard="teknis",
                          kompetensi="Kompetensi uji", gap_level=2)
        db.session.add(gap)
        db.session.commit()
        return gap.id

    def _fresh_grant(self) -> int:
        db.session.rollback()
        account = account_of(self.target)
        unit_id = self.world["A"]["sub"].id
        grant = db.session.scalar(select(RoleGrant).where(
            RoleGrant.account_id == account.id, RoleGrant.role == "admin_unit",
            RoleGrant.unit_id == unit_id))
        if grant is None:
            grant = RoleGrant(account_id=account.id, role="admin_unit", unit_id=unit_id)
            db.session.add(grant)
            db.session.commit()
        return grant.id

    def value(self, converter: str, args: str, name: str, variant: str):
        if converter == "any":
            return args.split(",")[0].strip().strip("'\"")
        if converter == "uuid":
            return "00000000-0000-4000-8000-000000000000"
        if converter == "int":
            if variant == "missing":
                return MISSING_ID
            a = self.world["A"]
            makers = {
                "unit_id": lambda: a["top"].id,
                "employee_id": lambda: a["staff"].id,
                "gap_id": self._fresh_gap,
                "grant_id": self._fresh_grant,
            }
            return makers.get(name, lambda: a["staff"].id)()
        strings = {"slug": "contoh", "mechanism": "contoh", "filename": "app.css",
                   "nip": self.world["A"]["staff"].nip, "kode": self.world["A"]["top"].kode}
        return strings.get(name, "contoh")

    def url(self, app: Flask, target: Target) -> str:
        rule = next(r for r in app.url_map.iter_rules(target.endpoint) if r.rule == target.rule)
        values = {name: self.value(conv or "default", args, name, target.variant)
                  for conv, args, name in _ARG.findall(rule.rule)}
        return app.url_map.bind("localhost").build(target.endpoint, values, method=target.method)


def call(client, method: str, url: str, token: str, htmx: bool = False):
    headers = dict(HTMX) if htmx else {}
    if method == "GET":
        return client.get(url, headers=headers)
    return client.post(url, headers={**headers, "X-CSRFToken": token}, data={}, csrf=False)


def outcome(response) -> tuple:
    """What a response means for authorization; an htmx redirect counts as a redirect."""
    if 300 <= response.status_code < 400:
        return ("redirect", is_login_url(response.headers.get("Location")))
    if response.status_code < 300 and response.headers.get("HX-Redirect"):
        return ("redirect", is_login_url(response.headers["HX-Redirect"]))
    return (response.status_code,)


def sweep(app: Flask, client, ids: RealIds, relogin=None):
    """Yield (target, plain response, htmx response) for every GET/POST of every rule."""
    token = client.csrf_token()
    for target in targets(app):
        responses = []
        for htmx in (False, True):
            responses.append(call(client, target.method, ids.url(app, target), token, htmx))
            if relogin and target.endpoint == "auth.logout":
                relogin()
                token = client.csrf_token()
        yield target, *responses


@pytest.fixture
def portal(make_app):
    """The portal with the example mechanism plugin mounted at /m/contoh/.

    Exceptions become 500 responses (not test errors) so one sweep reports every broken route.
    """
    return make_app(plugins=[plugin()], PROPAGATE_EXCEPTIONS=False)


@pytest.fixture
def ids(two_units, people) -> RealIds:
    return RealIds(two_units, people)


def signed_in(app: Flask, employee: Employee):
    client = app.test_client()
    client.login(employee.nip)
    return client


# --------------------------------------------------------------------------- declarations


def test_every_endpoint_declares_access(portal):
    with portal.app_context():
        undeclared = sorted(
            rule.endpoint for rule in portal.url_map.iter_rules()
            if rule.endpoint != "static" and declared_access(rule.endpoint) is None
        )
    assert undeclared == [], f"endpoints without @access(...): {undeclared}"


def test_sweep_covers_core_and_plugin_routes(portal):
    endpoints = {t.endpoint for t in targets(portal)}
    assert {"home.index", "auth.login", "employees.detail", "mechanisms.switch", "admin.revoke",
            "contoh.index"} <= endpoints


class _Undeclared:
    """A throw-away mechanism plugin whose page forgot ``@access``."""

    def __init__(self) -> None:
        self.bp = Blueprint("lupa", __name__)
        self.bp.add_url_rule("/", "index", lambda: "rahasia")

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug="lupa", title="Lupa", model=10, description="Uji.")

    @hookimpl
    def portal_register_blueprints(self):
        return [self.bp]


def test_undeclared_view_is_denied_and_reported(make_app, two_units):
    app = make_app(plugins=[("lupa", _Undeclared())])
    with app.app_context():
        assert declared_access("lupa.index") is None
    client = signed_in(app, two_units["sdm"])
    response = client.get("/m/lupa/")
    assert response.status_code == 403
    assert "rahasia" not in response.get_data(as_text=True)


# --------------------------------------------------------------------------- the sweep


def test_anonymous_sweep(portal, ids):
    client = portal.test_client()
    failures = []
    for target, plain, fragment in sweep(portal, client, ids):
        for response in (plain, fragment):
            if response.status_code >= 500:
                failures.append(f"{target}: {response.status_code}")
        if PUBLIC in target.roles:
            if outcome(plain) != outcome(fragment):
                failures.append(f"{target}: {outcome(plain)} vs htmx {outcome(fragment)}")
            continue
        if plain.status_code != 302 or not is_login_url(plain.headers.get("Location")):
            failures.append(f"{target}: anonymous got {plain.status_code} "
                            f"{plain.headers.get('Location')}, expected 302 to /masuk")
        body = fragment.get_data(as_text=True)
        if (fragment.status_code != 401 or not is_login_url(fragment.headers.get("HX-Redirect"))
                or looks_like_login_page(body)):
            failures.append(f"{target}: anonymous htmx got {fragment.status_code} "
                            f"HX-Redirect={fragment.headers.get('HX-Redirect')!r}")
    assert not failures, "\n".join(failures)


def test_anonymous_redirect_keeps_the_page_as_next(portal, ids):
    client = portal.test_client()
    response = client.get("/pegawai/?q=Staf")
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/masuk"
    assert parse_qs(location.query)["next"] == ["/pegawai/?q=Staf"]
    htmx = client.get("/pegawai/?q=Staf",
                      headers={**HTMX, "HX-Current-URL": "http://localhost/pegawai/?q=Sit"})
    assert htmx.status_code == 401
    assert parse_qs(urlsplit(htmx.headers["HX-Redirect"]).query)["next"] == ["/pegawai/?q=Sit"]


@pytest.mark.parametrize("who", IDENTITIES)
def test_role_sweep(portal, two_units, ids, who):
    employee = identity(two_units, who)
    roles = account_of(employee).roles
    client = signed_in(portal, employee)
    failures = []
    for target, plain, fragment in sweep(portal, client, ids, relogin=lambda: client.login(employee.nip)):
        for response in (plain, fragment):
            if response.status_code >= 500:
                failures.append(f"{target}: {response.status_code}")
        allowed = PUBLIC in target.roles or bool(target.roles & roles)
        if not allowed:
            if plain.status_code not in (403, 404) or fragment.status_code not in (403, 404):
                failures.append(f"{target}: {who} {sorted(roles)} not declared, got "
                                f"{plain.status_code}/{fragment.status_code}")
        elif PUBLIC not in target.roles and target.endpoint != "auth.logout":
            for response in (plain, fragment):
                if response.status_code == 401 or outcome(response) == ("redirect", True):
                    failures.append(f"{target}: {who} sent to sign in although declared")
        if outcome(plain) != outcome(fragment):
            failures.append(f"{target}: {outcome(plain)} vs htmx {outcome(fragment)}")
    assert not failures, "\n".join(failures)


def test_api_does_not_accept_the_session_cookie(portal, two_units):
    """The API is CSRF-exempt; that is only safe while a browser session cannot use it."""
    client = signed_in(portal, two_units["sdm"])
    nip = two_units["A"]["staff"].nip
    for url in ("/api/v1/plugins", f"/api/v1/employees/{nip}/jp", "/api/v1/units/A/compliance"):
        response = client.get(url)
        assert response.status_code == 401, url
        assert nip not in response.get_data(as_text=True)
    assert client.post("/api/v1/plugins", csrf=False).status_code in (401, 404, 405)


def test_role_removal_applies_on_the_next_request(portal, two_units):
    admin = signed_in(portal, two_units["A"]["admin"])
    assert admin.get("/admin/").status_code == 200
    grant = account_of(two_units["A"]["admin"]).grants[0]
    sdm = signed_in(portal, two_units["sdm"])
    assert sdm.post(f"/admin/peran/{grant.id}/cabut").status_code == 302
    assert admin.get("/admin/").status_code == 403


# --------------------------------------------------------------------------- IDOR, two units


def _b_employees(world: dict) -> list[Employee]:
    return [world["B"][k] for k in ("head", "atasan", "staff", "admin")]


def _edit_data(employee: Employee, **changes) -> dict:
    data = {
        "nip": employee.nip, "nama": employee.nama, "unit_kode": employee.unit.kode,
        "status_asn": employee.status_asn, "jenis_jabatan": employee.jenis_jabatan,
        "jenjang": employee.jenjang or "", "jabatan": employee.jabatan or "",
        "golongan": employee.golongan or "",
        "atasan_nip": employee.supervisor.nip if employee.supervisor else "",
        "email": employee.email or "", "pppk_kontrak_selesai": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("who", ["admin", "atasan", "staff"])
def test_unit_a_cannot_open_or_change_unit_b_employees(portal, two_units, who):
    client = signed_in(portal, two_units["A"][who])
    for victim in _b_employees(two_units):
        name, password_hash = victim.nama, account_of(victim).password_hash
        for url in (f"/pegawai/{victim.id}", f"/pegawai/{victim.id}/ubah"):
            for headers in ({}, HTMX):
                response = client.get(url, headers=headers)
                assert response.status_code in (403, 404), (url, response.status_code)
                assert victim.nip not in response.get_data(as_text=True)
        edit = client.post(f"/pegawai/{victim.id}/ubah", data=_edit_data(victim, nama="Diretas"))
        assert edit.status_code in (403, 404)
        reset = client.post(f"/admin/pegawai/{victim.id}/kata-sandi-sementara")
        assert reset.status_code in (403, 404)
        gap = client.post(f"/pegawai/{victim.id}/kesenjangan",
                          data={"standard": "teknis", "kompetensi": "Diretas", "gap_level": "3"})
        assert gap.status_code in (403, 404)
        db.session.rollback()
        assert victim.nama == name
        assert account_of(victim).password_hash == password_hash
        assert victim.gaps == []
    # B's people can still sign in with their own password.
    portal.test_client().login(two_units["B"]["staff"].nip)


@pytest.mark.parametrize("who", ["admin", "atasan", "head"])
def test_list_search_and_export_hide_unit_b(portal, two_units, who):
    client = signed_in(portal, two_units["A"][who])
    hidden = _b_employees(two_units)
    pages = {
        "list": client.get("/pegawai/"),
        "search": client.get("/pegawai/?q=Staf"),
        "search htmx": client.get("/pegawai/?q=Staf", headers=HTMX),
        "search B": client.get("/pegawai/?q=B"),
        "search by nip": client.get(f"/pegawai/?q={two_units['B']['staff'].nip[:10]}"),
        "unit filter": client.get("/pegawai/?unit=B"),
        "polluted": client.get("/pegawai/?unit=A.01&unit=B&q=Staf"),
    }
    for label, response in pages.items():
        assert response.status_code == 200, label
        body = response.get_data(as_text=True)
        for victim in hidden:
            assert victim.nip not in body, (label, victim.nama)
            assert victim.nama not in body, (label, victim.nama)
    assert "Staf A" in pages["search"].get_data(as_text=True)

    for query in ("", "?q=Staf", "?unit=B", f"?q={two_units['B']['staff'].nip[:10]}"):
        response = client.get(f"/pegawai/ekspor.xlsx{query}")
        assert response.status_code == 200
        sheet = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True).active
        cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
        for victim in hidden:
            assert victim.nip not in cells and victim.nama not in cells, (query, victim.nama)
        if query == "":
            assert two_units["A"]["staff"].nip in cells


def test_staff_cannot_open_the_employee_list(portal, two_units):
    client = signed_in(portal, two_units["A"]["staff"])
    for url in ("/pegawai/", "/pegawai/?q=Staf", "/pegawai/ekspor.xlsx",
                f"/pegawai/{two_units['A']['staff'].id}"):
        assert client.get(url).status_code == 403, url
        assert client.get(url, headers=HTMX).status_code == 403, url


def _mechanism_rows(unit_id: int) -> list[UnitMechanism]:
    db.session.rollback()
    return list(db.session.scalars(select(UnitMechanism).where(UnitMechanism.unit_id == unit_id)))


def test_admin_cannot_switch_mechanisms_of_another_unit(portal, two_units):
    client = signed_in(portal, two_units["A"]["admin"])
    for unit in (two_units["B"]["top"], two_units["B"]["sub"]):
        assert client.get(f"/mekanisme/unit/{unit.id}").status_code in (403, 404)
        for state in ("off", "on", "inherit"):
            response = client.post(f"/mekanisme/unit/{unit.id}/contoh", data={"state": state})
            assert response.status_code in (403, 404)
        assert _mechanism_rows(unit.id) == []
    listing = client.get("/mekanisme/").get_data(as_text=True)
    assert "Direktorat Jenderal B" not in listing
    # Control: the same request for the admin's own unit works.
    own = two_units["A"]["top"]
    assert client.post(f"/mekanisme/unit/{own.id}/contoh", data={"state": "off"}).status_code == 302
    assert [row.enabled for row in _mechanism_rows(own.id)] == [False]


def _grants() -> set[tuple]:
    db.session.rollback()
    return {(g.account_id, g.role, g.unit_id) for g in db.session.scalars(select(RoleGrant))}


def test_admin_cannot_grant_or_revoke_outside_the_unit(portal, two_units):
    client = signed_in(portal, two_units["A"]["admin"])
    before = _grants()
    staff_nip = two_units["A"]["staff"].nip
    attempts = [
        {"nip": staff_nip, "role": "admin_unit", "unit_kode": "B"},
        {"nip": staff_nip, "role": "admin_unit", "unit_kode": "B.01"},
        {"nip": staff_nip, "role": "admin_sdm", "unit_kode": ""},
        {"nip": staff_nip, "role": "superadmin", "unit_kode": ""},
        {"nip": staff_nip, "role": "admin_unit", "unit_kode": "B", "unit_id": "1"},
    ]
    for data in attempts:
        response = client.post("/admin/peran", data=data)
        assert response.status_code in (200, 403), data
        assert _grants() == before, data
    b_grant = account_of(two_units["B"]["admin"]).grants[0]
    assert client.post(f"/admin/peran/{b_grant.id}/cabut").status_code in (403, 404)
    assert client.post(f"/admin/peran/{b_grant.id}/cabut", headers=HTMX).status_code in (403, 404)
    assert _grants() == before
    assert "Admin B" not in client.get("/admin/peran").get_data(as_text=True)
    # Control: a grant inside the admin's own unit is accepted.
    client.post("/admin/peran", data={"nip": staff_nip, "role": "admin_unit", "unit_kode": "A.01"})
    assert len(_grants()) == len(before) + 1


def test_mass_assignment_on_employee_edit_changes_only_declared_fields(portal, two_units):
    staff, b_top = two_units["A"]["staff"], two_units["B"]["top"]
    nip, unit_id, supervisor_id = staff.nip, staff.unit_id, staff.supervisor_id
    account = account_of(staff)
    account_id, token = account.id, account.session_token
    client = signed_in(portal, two_units["A"]["admin"])
    data = _edit_data(staff, nama="Staf A Baru", jabatan="Analis")
    data.update({
        "nip": "199001012015031999", "role": "admin_sdm", "roles": "superadmin",
        "unit_id": str(b_top.id), "id": "1", "employee_id": str(two_units["B"]["staff"].id),
        "supervisor_id": str(two_units["B"]["head"].id), "account_id": "1",
        "is_enabled": "0", "session_token": "x", "password_hash": "x", "head_id": str(staff.id),
    })
    response = client.post(f"/pegawai/{staff.id}/ubah", data=data)
    assert response.status_code == 302
    db.session.rollback()
    assert (staff.nama, staff.jabatan) == ("Staf A Baru", "Analis")
    assert (staff.nip, staff.unit_id, staff.supervisor_id) == (nip, unit_id, supervisor_id)
    account = db.session.get(Account, account_id)
    assert account.grants == [] and account.is_enabled and account.session_token == token
    assert b_top.head_id == two_units["B"]["head"].id
    assert two_units["B"]["staff"].nama == "Staf B"
    portal.test_client().login(nip, TEST_PASSWORD)


def test_admin_cannot_move_an_employee_into_another_unit(portal, two_units):
    staff = two_units["A"]["staff"]
    client = signed_in(portal, two_units["A"]["admin"])
    response = client.post(f"/pegawai/{staff.id}/ubah", data=_edit_data(staff, unit_kode="B.01"))
    assert response.status_code == 200
    assert "di luar kewenangan" in response.get_data(as_text=True)
    db.session.rollback()
    assert staff.unit_id == two_units["A"]["sub"].id


def test_sub_unit_admin_cannot_take_over_a_wider_admin_account(portal, two_units, people):
    """An admin of A.01 must not reset the password of the admin of all of A (escalation)."""
    a = two_units["A"]
    sub_admin = people.person(a["sub"], "admin_unit", nama="Admin A Satu", admin_of=a["sub"],
                              supervisor=a["atasan"])
    wide_admin = a["admin"]  # works in A.01, administers A
    before = account_of(wide_admin).password_hash
    client = signed_in(portal, sub_admin)
    response = client.post(f"/admin/pegawai/{wide_admin.id}/kata-sandi-sementara")
    db.session.rollback()
    assert response.status_code in (302, 403, 404)  # 302: refused with a message
    assert account_of(wide_admin).password_hash == before


def test_access_roles_are_known():
    with pytest.raises(ValueError):
        access("pegawai", "raja")
    with pytest.raises(ValueError):
        access()
    assert set(ROLES) >= {"pegawai", "atasan", "pimpinan_unit", "admin_unit", "admin_sdm"}
