"""Bearer-token authentication of the API (the blueprint's ``before_request``).

The token's account is put in ``g.api_account``; Flask-Login's ``current_user`` (the session
cookie) is never consulted, so a browser session alone is not accepted.
"""

from __future__ import annotations

import datetime as dt

from flask import current_app, g, request

from portal.api import tokens
from portal.api.responses import ApiError
from portal.extensions import db
from portal.models import Account
from portal.models.account import utcnow

# Write last_used_at at most once a minute per token: reads stay reads under load.
TOUCH_EVERY = dt.timedelta(minutes=1)
OPEN_ENDPOINTS = {"api.openapi"}
REALM = 'Bearer realm="Portal 70:20:10"'


def _unauthorized(message: str, invalid: bool) -> ApiError:
    challenge = REALM + (', error="invalid_token"' if invalid else "")
    return ApiError(401, message, {"WWW-Authenticate": challenge})


def bearer_token() -> str | None:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    value = value.strip()
    return value if scheme.lower() == "bearer" and value else None


def authenticate() -> None:
    """before_request: require a valid, unrevoked token of an enabled account."""
    if request.endpoint in OPEN_ENDPOINTS:
        return
    token = bearer_token()
    if token is None:
        raise _unauthorized("Token API wajib dikirim dalam header 'Authorization: Bearer <token>'.",
                            invalid=False)
    row = tokens.find(token)
    if row is None:
        current_app.logger.warning("API: unknown bearer token from %s", request.remote_addr)
        raise _unauthorized("Token API tidak dikenal.", invalid=True)
    if row.is_revoked:
        current_app.logger.warning("API: revoked token #%s used", row.id)
        raise _unauthorized("Token API ini sudah dicabut.", invalid=True)
    if not row.account.is_enabled:
        raise _unauthorized("Akun pemilik token ini dinonaktifkan.", invalid=True)
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY:
        row.last_used_at = now
        db.session.commit()
    g.api_account = row.account
    g.api_token = row


def account() -> Account:
    return g.api_account


def token_name() -> str:
    return g.api_token.name


def require_write() -> None:
    """403 unless the request's token was created with the write scope (issue 20)."""
    if not g.api_token.can_write:
        raise ApiError(403, "Token API ini hanya untuk membaca (cakupan read); menulis data "
                            "memerlukan token dengan cakupan write "
                            "(flask users create-token NIP --scope write).")
