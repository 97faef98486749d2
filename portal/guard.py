"""404 for plugin pages whose mechanism is switched off for the user's unit."""

from __future__ import annotations

from flask import abort, current_app, request
from flask_login import current_user

from portal.mechanisms.switches import is_enabled


def mechanism_guard():
    slug = current_app.extensions["portal_blueprint_slugs"].get(request.blueprint or "")
    if slug is None or (request.endpoint or "").endswith(".static"):
        return None
    unit = current_user.employee.unit if current_user.is_authenticated else None
    if unit is not None and not is_enabled(slug, unit):
        abort(404)
    return None
