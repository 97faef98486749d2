"""pytest plugin for the portal and its plugins (registered through the ``pytest11`` entry point).

Fixtures: ``app`` (a fresh, migrated database per test; SQLite by default, PostgreSQL when
``PORTAL_TEST_DATABASE_URL`` is set), ``make_app`` (same database, extra throw-away plugins),
``client`` (CSRF-aware), ``login`` (a client signed in as an employee), ``runner``, ``people``
(units, employees and accounts to test with) and ``two_units`` (two units' worth of people).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from portal import create_app
from portal.auth import passwords
from portal.extensions import db
from portal.models import Account, Employee, RoleGrant, Unit
from portal.testing_browser import artifacts, browser, console, new_page, serve  # noqa: F401
from portal.units.service import rebuild_paths

TEST_PASSWORD = "kata-sandi-uji-70-20-10"
_CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def database_url() -> str | None:
    return os.environ.get("PORTAL_TEST_DATABASE_URL") or None


class PortalClient(FlaskClient):
    """A test client that sends the CSRF token like the browser (form field or htmx header)."""

    def open(self, *args, **kwargs):
        # A fresh app context per request, as in production: otherwise a test's pushed context
        # would share `g` (login cache, CSRF token) across requests.
        with self.application.app_context():
            return super().open(*args, **kwargs)

    def csrf_token(self) -> str:
        page = self.get("/masuk").get_data(as_text=True)
        match = _CSRF_META.search(page) or _CSRF_META.search(self.get("/").get_data(as_text=True))
        assert match, "no csrf meta tag"
        return match.group(1)

    def post(self, *args, csrf: bool = True, **kwargs):
        if csrf:
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRFToken", self.csrf_token())
            kwargs["headers"] = headers
        return super().post(*args, **kwargs)

    def login(self, nip: str, password: str = TEST_PASSWORD):
        response = self.post("/masuk", data={"nip": nip, "password": password})
        assert response.status_code == 302, f"login failed for {nip}"
        return response

    def logout(self):
        return self.post("/keluar")


def _base_config(url: str, tmp: Path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": url,
        "UPLOAD_FOLDER": str(tmp / "uploads"),
        "RATELIMIT_STORAGE_URI": "memory://",
    }


def _migrate(app: Flask) -> None:
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(revision="heads")
        db.engine.dispose()


@pytest.fixture(scope="session")
def portal_template_db(tmp_path_factory) -> str:
    """Migrate once per session: a template SQLite file, or the PostgreSQL test database."""
    url = database_url()
    if url:
        app = create_app(_base_config(url, tmp_path_factory.mktemp("pg")))
        with app.app_context():
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            db.engine.dispose()
        _migrate(app)
        return url
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.db"
    _migrate(create_app(_base_config(f"sqlite:///{path}", folder)))
    return str(path)


def _truncate_all(app: Flask) -> None:
    with app.app_context():
        tables = [t for t in db.metadata.sorted_tables]
        names = ", ".join(f'"{t.name}"' for t in tables)
        with db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


@pytest.fixture
def portal_database_url(portal_template_db, tmp_path) -> str:
    if database_url():
        return portal_template_db
    target = tmp_path / "portal.db"
    shutil.copyfile(portal_template_db, target)
    return f"sqlite:///{target}"


@pytest.fixture
def make_app(portal_database_url, tmp_path):
    """Create apps on this test's database, optionally with extra plugins [(slug, obj)]."""
    apps: list[Flask] = []

    def factory(plugins=None, **config) -> Flask:
        app = create_app({**_base_config(portal_database_url, tmp_path), **config}, plugins=plugins)
        app.test_client_class = PortalClient
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    if database_url() and apps:
        _truncate_all(apps[0])


@pytest.fixture
def app(make_app) -> Flask:
    app = make_app()
    with app.app_context():
        yield app


@pytest.fixture
def client(app) -> PortalClient:
    return app.test_client()


@pytest.fixture
def login(app):
    """``login(employee)`` → a new test client signed in as that employee."""

    def sign_in(employee: Employee) -> PortalClient:
        client = app.test_client()
        client.login(employee.nip)
        return client

    return sign_in


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class People:
    """Builds units, employees and accounts with valid NIPs for tests."""

    _sequence = itertools.count(1)
    _password_hash: str | None = None  # hashing once keeps the suite fast (scrypt is slow by design)

    @classmethod
    def password_hash(cls) -> str:
        if cls._password_hash is None:
            cls._password_hash = passwords.hash_password(TEST_PASSWORD)
        return cls._password_hash

    def unit(self, kode: str, nama: str | None = None, eselon: str = "II", parent: Unit | None = None) -> Unit:
        unit = Unit(kode=kode, nama=nama or f"Unit {kode}", eselon=eselon, parent=parent)
        db.session.add(unit)
        db.session.flush()
        rebuild_paths()
        db.session.commit()
        return unit

    def nip(self, status: str = "PNS", female: bool = False) -> str:
        n = next(self._sequence)
        birth = dt.date(1970, 1, 1) + dt.timedelta(days=n * 37 % 6000)  # born 1970–1986
        middle = f"{2005 + n % 15}{(n % 12) + 1:02d}" if status == "PNS" else f"{2021 + n % 4}24"
        return f"{birth:%Y%m%d}{middle}{'2' if female else '1'}{n % 999 + 1:03d}"

    def employee(self, unit: Unit, nama: str = "Pegawai Uji", supervisor: Employee | None = None,
                 status: str = "PNS", **values) -> Employee:
        employee = Employee(
            nip=values.pop("nip", None) or self.nip(status), nama=nama, unit=unit, status_asn=status,
            jenis_jabatan=values.pop("jenis_jabatan", "pelaksana"), supervisor=supervisor, **values,
        )
        db.session.add(employee)
        db.session.commit()
        return employee

    def account(self, employee: Employee, *roles: str, unit: Unit | None = None) -> Account:
        account = Account(employee=employee, password_hash=self.password_hash())
        account.grants = [RoleGrant(role=r, unit_id=unit.id if r == "admin_unit" and unit else None)
                          for r in roles]
        db.session.add(account)
        db.session.commit()
        return account

    def person(self, unit: Unit, *roles: str, nama: str = "Pegawai Uji", supervisor=None,
               admin_of: Unit | None = None, **values) -> Employee:
        employee = self.employee(unit, nama=nama, supervisor=supervisor, **values)
        self.account(employee, *roles, unit=admin_of or unit)
        return employee

    def head_of(self, unit: Unit, employee: Employee) -> None:
        unit.head_id = employee.id
        db.session.commit()


@pytest.fixture
def people(app) -> People:
    return People()


@pytest.fixture
def two_units(people):
    """Two eselon I units A and B with a head, an atasan, staff and an admin each."""
    world = {}
    for kode in ("A", "B"):
        top = people.unit(kode, f"Direktorat Jenderal {kode}", eselon="I")
        sub = people.unit(f"{kode}.01", f"Direktorat {kode} Satu", eselon="II", parent=top)
        head = people.person(top, nama=f"Kepala {kode}")
        people.head_of(top, head)
        atasan = people.person(sub, nama=f"Atasan {kode}", supervisor=head)
        people.head_of(sub, atasan)
        staff = people.person(sub, nama=f"Staf {kode}", supervisor=atasan)
        admin = people.person(sub, "admin_unit", nama=f"Admin {kode}", admin_of=top, supervisor=atasan)
        world[kode] = {"top": top, "sub": sub, "head": head, "atasan": atasan,
                       "staff": staff, "admin": admin}
    world["sdm"] = people.person(world["A"]["sub"], "admin_sdm", nama="Admin SDM",
                                 supervisor=world["A"]["atasan"])
    return world
