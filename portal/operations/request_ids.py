"""A request id on every request and response (``X-Request-ID``), in every log line and on the
error page, so a user's report can be found in the logs. A sane incoming id (from the proxy) is
kept; anything else is replaced."""

from __future__ import annotations

import re
import time
import uuid

from flask import Flask, Response, g, request
from flask_login import current_user

from portal.operations.logs import log_request

SANE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
HEADER = "X-Request-ID"


def current() -> str:
    return getattr(g, "request_id", "") or ""


def _assign() -> None:
    incoming = request.headers.get(HEADER, "")
    g.request_id = incoming if SANE.match(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish(response: Response) -> Response:
    response.headers[HEADER] = current()
    started = getattr(g, "request_started", None)
    latency = (time.perf_counter() - started) * 1000 if started else 0.0
    try:
        user_id = current_user.id if current_user and current_user.is_authenticated else None
    except Exception:  # noqa: BLE001 - the session's user cannot be loaded (database down)
        user_id = None
    log_request(request.method, request.path, response.status_code, latency, user_id, current())
    return response


def register(app: Flask) -> None:
    app.before_request_funcs.setdefault(None, []).insert(0, _assign)  # before everything else
    app.after_request(_finish)
    app.jinja_env.globals["request_id"] = current
