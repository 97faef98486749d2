"""``/healthz`` (the process answers) and ``/readyz`` (database, task queue storage and upload
folder usable): JSON, no sign-in, no personal data. A load balancer sends traffic only while
``/readyz`` answers 200."""

from __future__ import annotations

import os
import tempfile

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from portal.access import PUBLIC, access
from portal.extensions import db

bp = Blueprint("health", __name__)


@bp.route("/healthz")
@access(PUBLIC)
def healthz():
    return jsonify(status="ok")


def _database() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        db.session.rollback()
        return "ok"
    except Exception as error:  # noqa: BLE001 - any failure means "not ready"
        db.session.rollback()
        current_app.logger.warning("readyz: database not ready: %s", type(error).__name__)
        return "tidak siap"


def _queue() -> str:
    from portal.tasks.queue import huey_of

    try:
        huey_of().pending_count()
        return "ok"
    except Exception as error:  # noqa: BLE001
        current_app.logger.warning("readyz: task queue not ready: %s", type(error).__name__)
        return "tidak siap"


def _storage() -> str:
    folder = current_app.config["UPLOAD_FOLDER"]
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".readyz-"):
            pass
        return "ok"
    except OSError as error:
        current_app.logger.warning("readyz: upload folder not writable: %s", type(error).__name__)
        return "tidak siap"


@bp.route("/readyz")
@access(PUBLIC)
def readyz():
    checks = {"database": _database(), "queue": _queue(), "storage": _storage()}
    ready = all(value == "ok" for value in checks.values())
    response = jsonify(status="ok" if ready else "tidak siap", checks=checks)
    response.status_code = 200 if ready else 503
    if not ready:
        response.headers["Retry-After"] = "30"
    return response
