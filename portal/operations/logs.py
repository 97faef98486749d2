"""Structured logs: one JSON object per line (``PORTAL_LOG_FORMAT=json``, the default outside
debug and tests) or readable text. Every request writes one line (method, path, status, latency,
user id, request id); security events — failed sign-ins, permission refusals, role changes,
temporary passwords — are logged at INFO through :func:`security_event`."""

from __future__ import annotations

import datetime as dt
import json
import logging

from flask import Flask, g, has_request_context

LOGGER = "portal"
REQUESTS = logging.getLogger("portal.request")
SECURITY = logging.getLogger("portal.security")


class JsonFormatter(logging.Formatter):
    """One line of JSON: time (UTC), level, logger, message, request id and the record's extra
    ``fields``; a traceback goes into ``exc`` (still one line)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {"time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
                "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if has_request_context() and getattr(g, "request_id", None):
            line["request_id"] = g.request_id
        line.update(getattr(record, "fields", {}) or {})
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure(app: Flask) -> None:
    """Send the portal's loggers to stderr in the configured format (once per process)."""
    fmt = app.config.get("PORTAL_LOG_FORMAT") or ("text" if app.debug or app.testing else "json")
    root = logging.getLogger(LOGGER)
    if getattr(root, "_portal_configured", None) == fmt:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s %(fields)s",
                                           defaults={"fields": ""}))
    root.handlers[:] = [handler]
    root.setLevel(app.config.get("PORTAL_LOG_LEVEL", "INFO"))
    root.propagate = False
    root._portal_configured = fmt  # type: ignore[attr-defined]
    app.logger.handlers[:] = [handler]
    app.logger.setLevel(root.level)


def log_request(method: str, path: str, status: int, latency_ms: float, user_id: int | None,
                request_id: str) -> None:
    REQUESTS.info("%s %s %s", method, path, status, extra={"fields": {
        "method": method, "path": path, "status": status, "latency_ms": round(latency_ms, 1),
        "user_id": user_id, "request_id": request_id}})


def security_event(event: str, **fields) -> None:
    """A security event at INFO (no passwords, no tokens — ids and NIPs only)."""
    SECURITY.info(event, extra={"fields": {"event": event, **fields}})
