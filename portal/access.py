"""Access by declaration: every view states who may use it; anything undeclared is denied."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, current_app, request
from flask_login import current_user

from portal.extensions import login_manager
from portal.operations.logs import security_event

PUBLIC = "public"
ROLES = ("pegawai", "atasan", "pimpinan_unit", "admin_unit", "admin_sdm", "superadmin", "manajemen_talenta")
ADMINS = ("admin_unit", "admin_sdm", "superadmin")
SDM = ("admin_sdm", "superadmin")
MANAGERS = ("atasan", "pimpinan_unit", "admin_unit", "admin_sdm", "superadmin")
# §E.7: the talent-management work unit under the HR unit (assessment, coaching clinic,
# re-assessment); a granted, ministry-wide role. Admin SDM keeps access.
TALENTA = ("manajemen_talenta", "admin_sdm", "superadmin")


def access(*roles: str) -> Callable:
    """Declare who may call a view: ``PUBLIC`` or any of the given roles."""
    unknown = set(roles) - set(ROLES) - {PUBLIC}
    if unknown or not roles:
        raise ValueError(f"unknown roles {unknown}")

    def decorate(view: Callable) -> Callable:
        view.__access__ = frozenset(roles)
        return view

    return decorate


def declared_access(endpoint: str) -> frozenset[str] | None:
    if endpoint == "static" or endpoint.endswith(".static"):
        return frozenset({PUBLIC})
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "__access__", None)


def enforce_access():
    """before_request: deny by default, then check the declared roles."""
    if request.endpoint is None:
        return None  # routing failed: Flask answers 404/405 itself
    allowed = declared_access(request.endpoint)
    if allowed is None:
        current_app.logger.error("endpoint %s declares no access; denied", request.endpoint)
        abort(403)
    if PUBLIC in allowed:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.has_any(*allowed):
        security_event("permission_refused", account_id=current_user.id, endpoint=request.endpoint)
        abort(403)
    return None
