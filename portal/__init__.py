"""Portal 70:20:10 — the core application factory."""

from __future__ import annotations

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
    """Build the portal. ``plugins`` registers extra plugin objects (used by tests)."""
    instance_path = os.environ.get("PORTAL_INSTANCE_PATH")
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder=str(_template_folder()),
    )
    app.config.from_mapping(config.from_environment(Path(app.instance_path)))
    app.config.update(config_overrides or {})
    from portal import public_url

    public_url.configure(app)  # PORTAL_PUBLIC_URL and TRUSTED_HOSTS; required in production
    Path(app.config["UPLOAD_FOLDER"]).mkdir(parents=True, exist_ok=True)
    if app.config["PORTAL_TRUSTED_PROXIES"]:
        hops = app.config["PORTAL_TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    _init_extensions(app)
    _register_core_blueprints(app)
    from portal.plugins import init_plugins

    init_plugins(app, plugins)
    from portal import guard
    from portal.auth.session_limits import enforce_absolute_lifetime

    app.before_request(enforce_absolute_lifetime)  # before the access check: an old session ends
    app.before_request(access.enforce_access)
    from portal.auth.temporary import enforce_password_change

    app.before_request(enforce_password_change)
    app.before_request(guard.mechanism_guard)
    web.register(app)
    from portal import operations

    operations.register(app)  # request ids, JSON logs, /healthz and /readyz (docs/deploy.md)
    i18n.register(app)
    from portal import costs, form_messages, menus

    costs.register(app)
    form_messages.install()
    from portal import text_input

    text_input.install()  # NFC and no control characters in every form's text fields

    menus.register(app)
    from portal import tasks

    tasks.register(app)  # the task queue (Huey), /tugas job pages, flask tasks worker
    from portal import mail

    mail.init_app(app)  # e-mail notifications: periodic producers and sender on the task queue
    from portal.cli import register_cli

    register_cli(app)
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


def _register_core_blueprints(app: Flask) -> None:
    from portal.admin.views import bp as admin_bp
    from portal.auth.views import bp as auth_bp
    from portal.employees.views import bp as employees_bp
    from portal.home.views import bp as home_bp
    from portal.imports.views import bp as imports_bp
    from portal.inbox.views import bp as inbox_bp
    from portal.ledger.views import register_blueprints as register_ledger_blueprints
    from portal.mechanisms.views import bp as mechanisms_bp
    from portal.units.views import bp as units_bp

    for blueprint in (home_bp, auth_bp, units_bp, employees_bp, imports_bp, mechanisms_bp, admin_bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(inbox_bp)
    register_ledger_blueprints(app)
    from portal.api import bp as api_bp
    from portal.eligibility.views import bp as eligibility_bp

    app.register_blueprint(eligibility_bp)
    app.register_blueprint(api_bp)  # /api/v1: bearer tokens, CSRF-exempt (portal/api/__init__.py)
    from portal.activities.views import bp as activities_bp
    from portal.plans.views import bp as plans_bp

    app.register_blueprint(activities_bp)  # /impor/kegiatan: historical activities into the ledger
    app.register_blueprint(plans_bp)  # /rencana: development plans (§F, G-02)
    from portal.certificates.blueprints import register as register_certificates
    from portal.reports.views import bp as reports_bp

    register_certificates(app)  # /sertifikat, /verifikasi: e-certificates (G-06)
    app.register_blueprint(reports_bp)  # /laporan: transcript, unit recap (KB-10), mechanism report
    from portal.opportunities.views import bp as opportunities_bp
    from portal.records.views import bp as records_bp

    app.register_blueprint(opportunities_bp)  # /peluang: opportunities ranked by the JP gap (issue 19)
    app.register_blueprint(records_bp)  # /riwayat-pengembangan: development records out (issue 20)
    from portal.placements.blueprint import bp as placements_bp

    app.register_blueprint(placements_bp)  # /penempatan: magang/pertukaran/detasering lifecycle
    from portal.rulebook.views import bp as rulebook_bp

    app.register_blueprint(rulebook_bp)  # /aturan: the circular's rules as the portal enforces them
    from portal.mail.views import bp as mail_bp

    app.register_blueprint(mail_bp)  # /akun/surel, /admin/kotak-keluar: e-mail choices and outbox
