"""Sign-in with the ministry directory (LDAP / Active Directory, issue 20) through ldap3.

On when ``PORTAL_LDAP_URL`` is set. The directory entry is found by the NIP attribute
(``PORTAL_LDAP_NIP_ATTRIBUTE``) under ``PORTAL_LDAP_BASE_DN`` — with a service account
(``PORTAL_LDAP_BIND_DN``/``_PASSWORD``) or anonymously — and the password is checked by
binding as that entry. ``ldaps://`` URLs use TLS; ``PORTAL_LDAP_STARTTLS=1`` upgrades an
``ldap://`` connection; ``PORTAL_LDAP_CA_FILE`` names the CA to trust. The account is then the
portal account of the employee with that NIP. ldap3 is the install extra ``ldap``; it is
imported only when the directory is configured.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app

FOUND, WRONG_PASSWORD, NOT_IN_DIRECTORY, UNAVAILABLE = "ok", "salah", "tidak_ada", "tidak_tersedia"


@dataclass(frozen=True)
class Outcome:
    status: str  # one of the four constants above
    detail: str = ""  # for the log only (never shown: it may name the directory's internals)


def enabled() -> bool:
    return bool(current_app.config.get("PORTAL_LDAP_URL"))


def _server():
    from ldap3 import NONE, Server, Tls

    config = current_app.config
    parts = urlsplit(config["PORTAL_LDAP_URL"])
    secure = parts.scheme == "ldaps"
    tls = None
    if secure or config["PORTAL_LDAP_STARTTLS"]:
        tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=config["PORTAL_LDAP_CA_FILE"] or None)
    return Server(parts.hostname, port=parts.port or (636 if secure else 389), use_ssl=secure,
                  tls=tls, get_info=NONE, connect_timeout=config["PORTAL_LDAP_TIMEOUT"])


def _connection(server, user: str | None, password: str | None):
    from ldap3 import Connection

    config = current_app.config
    connection = Connection(server, user=user or None, password=password or None,
                            receive_timeout=config["PORTAL_LDAP_TIMEOUT"], raise_exceptions=True)
    connection.open()
    if config["PORTAL_LDAP_STARTTLS"] and not server.ssl:
        connection.start_tls()
    return connection


def authenticate(nip: str, password: str) -> Outcome:
    """Check ``nip``/``password`` against the directory; never raises for directory trouble."""
    if not password:
        return Outcome(WRONG_PASSWORD, "empty password")  # an empty bind is anonymous: refuse
    from ldap3 import SUBTREE
    from ldap3.core.exceptions import LDAPBindError, LDAPException, LDAPInvalidCredentialsResult
    from ldap3.utils.conv import escape_filter_chars

    config = current_app.config
    try:
        server = _server()
        search = _connection(server, config["PORTAL_LDAP_BIND_DN"], config["PORTAL_LDAP_BIND_PASSWORD"])
        search.bind()
        attribute = config["PORTAL_LDAP_NIP_ATTRIBUTE"]
        search.search(config["PORTAL_LDAP_BASE_DN"], f"({attribute}={escape_filter_chars(nip)})",
                      search_scope=SUBTREE, attributes=[], size_limit=2)
        entries = [e for e in search.response or [] if e.get("type") == "searchResEntry"]
        search.unbind()
        if len(entries) != 1:
            return Outcome(NOT_IN_DIRECTORY, f"{len(entries)} entries")
        user = _connection(server, entries[0]["dn"], password)
        try:
            user.bind()
        except (LDAPBindError, LDAPInvalidCredentialsResult) as error:
            return Outcome(WRONG_PASSWORD, str(error))
        finally:
            user.unbind()
        return Outcome(FOUND, entries[0]["dn"])
    except LDAPException as error:
        current_app.logger.warning("directory sign-in unavailable: %s", error)
        return Outcome(UNAVAILABLE, str(error))
