"""Running the portal: request ids and structured logs, health endpoints, backup and restore.

See docs/deploy.md. :func:`register` installs the request id, the JSON log line per request and
the database-down answer (503 with ``Retry-After``)."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from portal.operations import health, logs, request_ids

    logs.configure(app)
    request_ids.register(app)
    app.register_blueprint(health.bp)
