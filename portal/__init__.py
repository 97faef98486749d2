"""Portal 70:20:10 — the core application factory."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from portal import access, config, i18n, web
from portal.extensions import csrf, db, htmx, limiter, login_manager, migrate

PACKAGE_DIR = Path(__file__).resolve().parent


def _template_folder() -> Path:
    # In a wheel the top-level templates/ is shipped as portal/templates; in a checkout it
    # sits beside the package.
    packaged = PACKAGE_DIR / "templates"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "templates"


def create_app(config_overrides: dict | None = None, plugins: list[tuple[str, object]] | None = None) -> Flask:
    """Build the portal, in this order: configuration, extensions, the core's pages, the
    plugins, the checks every request passes, the page layer, background work, commands.
    ``plugins`` registers extra plugin objects (used by tests)."""
    app = _configured_app(config_overrides)
    _init_extensions(app)
    _register_core_blueprints(app)
    _init_plugins(app, plugins)
    _install_request_checks(app)
    _install_page_layer(app)
    _install_background_work(app)
    _register_commands(app)
    return app


def _configured_app(config_overrides: dict | None) -> Flask:
    from portal import public_url

    app = Flask(__name__, instance_path=os.environ.get("PORTAL_INSTANCE_PATH"),
                instance_relative_config=True, template_folder=str(_template_folder()))
    app.config.from_mapping(config.from_environment(Path(app.instance_path)))
    app.config.update(config_overrides or {})
    public_url.configure(app)  # PORTAL_PUBLIC_URL and TRUSTED_HOSTS; required in production
    Path(app.config["UPLOAD_FOLDER"]).mkdir(parents=True, exist_ok=True)
    if hops := app.config["PORTAL_TRUSTED_PROXIES"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app


def _init_extensions(app: Flask) -> None:
    from portal import auth_loader, database, migrations_config
    from portal.ledger import rollup

    db.init_app(app)
    rollup.install()  # the ledger's rollup follows every ORM write of a ledger row
    with app.app_context():
        database.configure_sqlite(db.engine)
    migrate.init_app(app, db, directory=str(PACKAGE_DIR / "migrations"), render_as_batch=True)
    migrations_config.install(migrate)
    login_manager.init_app(app)
    auth_loader.install(login_manager)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)


# The core's pages: (module, what it serves). Each module's ``bp`` is registered, in this order.
CORE_BLUEPRINTS = (
    ("portal.home.views", "/: the role homes"),
    ("portal.auth.views", "/masuk, /keluar, /akun: sign-in and the account"),
    ("portal.units.views", "/unit: organisation units"),
    ("portal.employees.views", "/pegawai: employees"),
    ("portal.imports.views", "/impor: units, employees, assessments, SKP"),
    ("portal.mechanisms.views", "/mekanisme: mechanisms switched on or off per unit"),
    ("portal.admin.views", "/admin: roles, rule settings, plugins"),
    ("portal.inbox.views", "/kotak-masuk: what waits for the user"),
    ("portal.ledger.views", "/jp: Pengembangan Saya, Tim & Unit"),
    ("portal.ledger.admin_blueprint", "/admin/jp, /admin/audit: ledger entries, recalculation, audit log"),
    ("portal.eligibility.views", "/kelayakan: who may join what, and why"),
    ("portal.api", "/api/v1: bearer tokens, CSRF-exempt"),
    ("portal.activities.views", "/impor/kegiatan: historical activities into the ledger"),
    ("portal.plans.views", "/rencana: development plans (§F, G-02)"),
    ("portal.certificates.views", "/sertifikat: e-certificates (G-06)"),
    ("portal.certificates.bulk_views", "/sertifikat/massal: bulk issue"),
    ("portal.certificates.settings_views", "/admin/sertifikat: signer, emblem, report settings"),
    ("portal.certificates.verify_views", "/verifikasi: public QR verification"),
    ("portal.reports.views", "/laporan: transcript, unit recap (KB-10), mechanism report"),
    ("portal.opportunities.views", "/peluang: opportunities ranked by the JP gap"),
    ("portal.records.views", "/riwayat-pengembangan: development records out"),
    ("portal.placements.blueprint", "/penempatan: magang, pertukaran, detasering lifecycle"),
    ("portal.rulebook.views", "/aturan: the circular's rules as the portal enforces them"),
    ("portal.mail.views", "/akun/surel, /admin/kotak-keluar: e-mail choices and outbox"),
)


def _register_core_blueprints(app: Flask) -> None:
    for module, _serves in CORE_BLUEPRINTS:
        app.register_blueprint(importlib.import_module(module).bp)


def _init_plugins(app: Flask, plugins) -> None:
    from portal.plugins import init_plugins

    init_plugins(app, plugins)


def _install_request_checks(app: Flask) -> None:
    """What every request passes, in order: an old session ends, the view's declared access,
    a temporary password must be changed first, the unit's mechanism switch."""
    from portal import guard
    from portal.auth.session_limits import enforce_absolute_lifetime
    from portal.auth.temporary import enforce_password_change

    app.before_request(enforce_absolute_lifetime)
    app.before_request(access.enforce_access)
    app.before_request(enforce_password_change)
    app.before_request(guard.mechanism_guard)


def _install_page_layer(app: Flask) -> None:
    from portal import costs, form_messages, menus, operations, text_input

    web.register(app)  # security headers, error pages, NUL refusal
    operations.register(app)  # request ids, JSON logs, /healthz and /readyz (docs/deploy.md)
    i18n.register(app)
    costs.register(app)
    form_messages.install()
    text_input.install()  # NFC and no control characters in every form's text fields
    menus.register(app)


def _install_background_work(app: Flask) -> None:
    from portal import mail, tasks

    tasks.register(app)  # the task queue (Huey), /tugas job pages, flask tasks worker
    mail.init_app(app)  # e-mail notifications: periodic producers and sender on the task queue


def _register_commands(app: Flask) -> None:
    from portal.cli import register_cli

    register_cli(app)
