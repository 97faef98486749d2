"""The absolute session lifetime (issue 15 item 6, ASVS 7.3.2).

``PERMANENT_SESSION_LIFETIME`` (``PORTAL_SESSION_MINUTES``) is the idle timeout: every request
slides it. Besides it, a sign-in lasts at most ``PORTAL_SESSION_ABSOLUTE_HOURS`` (12 by
default) from the moment the password was typed, however busy the session is.
"""

from __future__ import annotations

import time

from flask import current_app, flash, redirect, request, session, url_for
from flask_login import current_user, logout_user

SIGNED_IN_AT = "signed_in_at"
EXPIRED = "Sesi Anda sudah berakhir (paling lama {hours} jam sejak masuk). Silakan masuk lagi."


def start() -> None:
    """Call right after ``login_user``: the moment the absolute lifetime counts from."""
    session[SIGNED_IN_AT] = int(time.time())


def _limit_seconds() -> int:
    return int(current_app.config["PORTAL_SESSION_ABSOLUTE_HOURS"] * 3600)


def expired() -> bool:
    started = session.get(SIGNED_IN_AT)
    if not isinstance(started, int):
        return True  # a session from before this rule: it never recorded its start
    age = time.time() - started
    return not 0 <= age <= _limit_seconds()


def enforce_absolute_lifetime():
    """before_request: end a session older than the absolute lifetime (this session only)."""
    if request.endpoint is None or request.blueprint == "api" or not current_user.is_authenticated:
        return None
    if request.endpoint.endswith(".static") or not expired():
        return None
    logout_user()
    session.clear()
    flash(EXPIRED.format(hours=current_app.config["PORTAL_SESSION_ABSOLUTE_HOURS"]), "info")
    target = url_for("auth.login")
    if request.headers.get("HX-Request"):
        return "", 204, {"HX-Redirect": target}
    return redirect(target)
