"""The certificate blueprints, registered by ``portal.create_app``."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from portal.certificates import cli  # noqa: F401  (adds `flask certificates work`)
    from portal.certificates.bulk_views import bp as bulk_bp
    from portal.certificates.settings_views import bp as settings_bp
    from portal.certificates.verify_views import bp as verify_bp
    from portal.certificates.views import bp as certificates_bp

    for blueprint in (certificates_bp, bulk_bp, settings_bp, verify_bp):
        app.register_blueprint(blueprint)
