"""The portal's public address (``PORTAL_PUBLIC_URL``) and the hosts it answers to.

Every absolute link the portal writes — certificate QR codes and printed verification URLs,
exports, e-mails — is built from the configured public URL, never from the request's ``Host``
header: a forged ``Host`` must not end up in a stored PDF. Requests carrying a host other than
the public one (plus the loopback names in development) are refused by Flask's
``TRUSTED_HOSTS`` with 400 Bad Request.
"""

from __future__ import annotations

import os
from urllib.parse import urljoin, urlsplit

from flask import Flask, current_app

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


class PublicUrlError(RuntimeError):
    """Start-up refused: the public URL is missing or malformed."""


def development_default() -> str:
    """``http://<host>:<port>/`` from the host and port ``flask run`` is configured with."""
    host = os.environ.get("FLASK_RUN_HOST") or "127.0.0.1"
    port = os.environ.get("FLASK_RUN_PORT") or "5000"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def normalise(url: str) -> str:
    """The URL with exactly one trailing slash; :class:`PublicUrlError` unless it is an
    ``http``/``https`` URL with a host and without query, fragment or credentials."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise PublicUrlError(
            f"PORTAL_PUBLIC_URL must be an http(s) URL such as https://portal.pu.go.id/, got {url!r}")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise PublicUrlError("PORTAL_PUBLIC_URL must not carry a query, fragment or credentials")
    return url.strip().rstrip("/") + "/"


def configure(app: Flask) -> None:
    """Settle ``PORTAL_PUBLIC_URL`` and ``TRUSTED_HOSTS`` at start-up.

    Outside debug and testing the public URL is required (a clear error otherwise); in
    development it defaults to the configured ``flask run`` host and port, and the loopback
    names are trusted too. An explicit ``TRUSTED_HOSTS`` in the configuration is kept.
    """
    configured = (app.config.get("PORTAL_PUBLIC_URL") or "").strip()
    development = app.debug or app.testing
    if not configured:
        if not development:
            raise PublicUrlError(
                "PORTAL_PUBLIC_URL is not set: give the address users open, e.g. "
                "PORTAL_PUBLIC_URL=https://portal.pu.go.id/ (see README.md, Configuration). "
                "It is optional only with --debug or in tests.")
        configured = development_default()
    app.config["PORTAL_PUBLIC_URL"] = normalise(configured)
    if app.config.get("TRUSTED_HOSTS") is None:
        hosts = [urlsplit(app.config["PORTAL_PUBLIC_URL"]).hostname]
        if development or hosts[0] in LOOPBACK_HOSTS:  # a local portal answers every loopback name
            hosts += [host for host in LOOPBACK_HOSTS if host not in hosts]
        app.config["TRUSTED_HOSTS"] = hosts


def base_url() -> str:
    """The public URL, ending in ``/``."""
    return current_app.config["PORTAL_PUBLIC_URL"]


def absolute(path: str) -> str:
    """An absolute link to ``path`` (as built by ``url_for``) on the public URL."""
    return urljoin(base_url(), path.lstrip("/"))
