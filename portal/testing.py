"""pytest plugin for the portal and its plugins (registered through the ``pytest11`` entry point).

Fixtures: ``app`` (the session's portal on a database restored before each test; SQLite by
default, PostgreSQL when ``PORTAL_TEST_DATABASE_URL`` is set), ``make_app`` (same database, extra
throw-away plugins or configuration), ``client`` (CSRF-aware), ``login`` (a client signed in as an
employee), ``runner``, ``clock`` (set the portal's date), ``people`` (units, employees and accounts to
test with) and ``two_units`` (two units' worth of people).

Speed (the suite has ~1,000 tests on 2 cores): one app per session and worker, its SQLite file
restored from a migrated template before each test (PostgreSQL: tables truncated after each
test, one database per xdist worker); test accounts carry a cheap PBKDF2 hash (scrypt stays
covered by the auth tests); the CSRF token is signed from the session, never fetched by a
hidden request (which would also consume flash messages).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.security import generate_password_hash

from portal import create_app
from portal.extensions import db, limiter
from portal.models import Account, Employee, RoleGrant, Unit
from portal.testing_browser import artifacts, browser, console, new_page, serve  # noqa: F401
from portal.units.service import rebuild_paths

TEST_PASSWORD = "kata-sandi-uji-70-20-10"
_CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
# One PBKDF2 round: sign-ins in tests cost nothing; real accounts keep scrypt (auth tests check it).
TEST_PASSWORD_HASH = generate_password_hash(TEST_PASSWORD, method="pbkdf2:sha256:1")


def template_files() -> list[Path]:
    """Every Jinja template of the core and of the plugins in this checkout (for walk tests)."""
    root = Path(__file__).resolve().parents[1]
    folders = (root / "templates", *sorted((root / "plugins").glob("*/portal_*/templates")))
    return [path for folder in folders for path in sorted(folder.rglob("*.html"))]


@contextmanager
def sql_statements():
    """The SQL statements the database is sent inside the block (a list, filled as they run):
    tests count them — never time them — for page budgets and queries asked once."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def database_url() -> str | None:
    """The PostgreSQL test database, one per xdist worker (``…_gw0``, ``…_gw1``)."""
    url = os.environ.get("PORTAL_TEST_DATABASE_URL") or None
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if url and worker:
        parsed = make_url(url)
        return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)
    return url


def _create_worker_database(url: str) -> None:
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database})
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


class PortalClient(FlaskClient):
    """A test client that sends the CSRF token like the browser (form field or htmx header)."""

    def open(self, *args, **kwargs):
        # A fresh app context per request, as in production: otherwise a test's pushed context
        # would share `g` (login cache, CSRF token) across requests.
        with self.application.app_context():
            return super().open(*args, **kwargs)

    def csrf_token(self) -> str:
        """The token a page of this session would carry, signed like Flask-WTF's ``generate_csrf``.

        Read from the session cookie, not from a page: a hidden request would consume flash
        messages and cost a render.
        """
        app = self.application
        field = app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
        with self.session_transaction() as session:
            if field not in session:
                session[field] = hashlib.sha1(os.urandom(64)).hexdigest()
            raw = session[field]
        secret = app.config.get("WTF_CSRF_SECRET_KEY") or app.secret_key
        return URLSafeTimedSerializer(secret, salt="wtf-csrf-token").dumps(raw)

    def csrf_token_from_page(self, path: str = "/masuk") -> str:
        """The token as a page renders it (for tests of the page itself)."""
        match = _CSRF_META.search(self.get(path).get_data(as_text=True))
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
        # Bulk certificates: a thread of the test's own server (no queue consumer runs in tests);
        # the queue mode has its own tests with the immediate queue and a real consumer.
        "PORTAL_CERTIFICATE_JOBS": "thread",
        # Other background jobs (imports, large reports) run inside the request that starts
        # them; tests/test_tasks.py runs them on a real queue with a consumer.
        "PORTAL_TASK_QUEUE": "immediate",
        # Other people's steps change a user's inbox between two of their pages; tests check it
        # at once (tests/test_page_budget.py covers the cache).
        "PORTAL_INBOX_CACHE_SECONDS": 0,
        "PORTAL_AUDIT_CACHE_SECONDS": 0,
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
        _create_worker_database(url)
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


class _SessionPortal:
    """The session's database (a file restored before each test, or PostgreSQL) and its app."""

    def __init__(self, template: str, folder: Path) -> None:
        self.template = template
        self.folder = folder
        self.path = folder / "portal.db"
        self.url = database_url() or f"sqlite:///{self.path}"
        self._app: Flask | None = None
        self._config: dict = {}

    def restore(self) -> None:
        """A pristine database and upload folder for the next test."""
        if not database_url():
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(self.template, self.path)
        uploads = self.folder / "uploads"
        shutil.rmtree(uploads, ignore_errors=True)
        uploads.mkdir()

    def app(self) -> Flask:
        """The shared app (built once), with the configuration it was built with."""
        if self._app is None:
            self._app = create_app(_base_config(self.url, self.folder))
            self._app.test_client_class = PortalClient
            self._config = dict(self._app.config)
        return self._app

    @staticmethod
    def rollup_differences(apps: list[Flask]) -> list[str]:
        """The ledger's maintained rollup against its rows after a test (issue 21): every test
        of every plugin checks that no write path left it behind."""
        if not apps:
            return []
        from portal.ledger import rollup

        with apps[0].app_context():
            try:
                return rollup.differences(limit=5)
            except SQLAlchemyError:  # a test that removed the tables or broke the connection
                return []
            finally:
                db.session.rollback()

    def release(self, apps: list[Flask]) -> None:
        """After a test: close connections, undo configuration changes and rate-limit counts."""
        for app in apps:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
        if self._app is not None:
            self._app.config.clear()
            self._app.config.update(self._config)
            with self._app.app_context():
                limiter.reset()
        if database_url() and apps:
            _truncate_all(apps[0])


@pytest.fixture(scope="session")
def _session_portal(portal_template_db, tmp_path_factory) -> _SessionPortal:
    return _SessionPortal(portal_template_db, tmp_path_factory.mktemp("portal"))


@pytest.fixture
def portal_database_url(_session_portal) -> str:
    _session_portal.restore()
    return _session_portal.url


@pytest.fixture
def make_app(portal_database_url, _session_portal):
    """Apps on this test's database: the shared one, or a new one with extra plugins [(slug, obj)]
    or configuration (built for this test only)."""
    apps: list[Flask] = []

    def factory(plugins=None, **config) -> Flask:
        if plugins is None and not config:
            app = _session_portal.app()
        else:
            base = _base_config(portal_database_url, _session_portal.folder)
            app = create_app({**base, **config}, plugins=plugins)
            app.test_client_class = PortalClient
        apps.append(app)
        return app

    yield factory
    differences = _session_portal.rollup_differences(apps)
    _session_portal.release(apps)
    assert not differences, "the ledger rollup differs from the rows: " + "; ".join(differences)


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


class Clock:
    """``clock.set(date)`` makes ``today()`` (WIB) answer that date for the rest of the test."""

    def set(self, day: dt.date) -> dt.date:
        from portal import clock

        clock.freeze(day)
        return day

    def advance(self, days: int) -> dt.date:
        from portal import clock

        return self.set(clock.today() + dt.timedelta(days=days))


@pytest.fixture
def clock():
    """Set the portal's date in a test (deadlines, overdue reports, year ends)."""
    from portal import clock as real_clock

    yield Clock()
    real_clock.freeze(None)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class People:
    """Builds units, employees and accounts with valid NIPs for tests."""

    _sequence = itertools.count(1)

    @staticmethod
    def password_hash() -> str:
        return TEST_PASSWORD_HASH

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
