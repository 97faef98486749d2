"""Flask-Login wiring: load accounts by session token; htmx-aware login redirects."""

from __future__ import annotations

from functools import cache

from flask import Response, flash, redirect, request, url_for
from flask_login import LoginManager
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from portal import audit_cache
from portal.extensions import db
from portal.models import Account, Employee, RoleGrant
from portal.web import is_safe_next


@cache
def _statement():
    """The loader's statement, built once per process: every request only binds its token
    (building it again cost ≈0.2 ms a request, on every page)."""
    return (select(Account, *Account.role_flag_columns(Account.employee_id), audit_cache.newest_id_column())
            .where(Account.session_token == bindparam("token"))
            .options(joinedload(Account.employee).joinedload(Employee.unit),
                     joinedload(Account.grants).joinedload(RoleGrant.unit)))


def _load(token: str) -> Account | None:
    """One statement a page: the account, its employee and unit (every page shows them), its
    grants with their units, whether it has reports or heads a unit (its derived roles), and
    the newest audit id that the page's kept values (menu, figures) are checked against."""
    row = db.session.execute(_statement(), {"token": token}).unique().first()
    if row is None or not row[0].is_enabled:
        return None
    account, has_reports, heads_unit, newest_audit_id = row
    account.remember_role_flags(has_reports, heads_unit)
    audit_cache.remember_newest(newest_audit_id)
    return account


def _current_path() -> str | None:
    if request.htmx:
        current = request.htmx.current_url or ""
        path = "/" + current.split("://", 1)[-1].split("/", 1)[-1] if "://" in current else current
        return path if is_safe_next(path) else None
    if request.method == "GET":
        return request.full_path.rstrip("?")
    return None


def _unauthorized():
    login_url = url_for("auth.login", next=_current_path())
    if request.htmx:
        # Never swap a login page into a fragment: tell htmx to load it as a page.
        response = Response("Sesi Anda telah berakhir.", status=401)
        response.headers["HX-Redirect"] = login_url
        return response
    flash("Silakan masuk terlebih dahulu.", "info")
    return redirect(login_url)


def install(manager: LoginManager) -> None:
    manager.user_loader(_load)
    manager.unauthorized_handler(_unauthorized)
    manager.session_protection = "basic"
