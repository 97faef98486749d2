"""Figures kept for a short time per worker process, never across an audited change (issue 21).

What is kept: Tim & Unit's figures (counts, JP distribution, early-warning counts, per-unit bars,
the listed page), the API's unit compliance, each user's navigation menu and the mechanisms
switched off for a unit. Computed on every
request they cost tens to hundreds of milliseconds at ministry scale (26,000 employees).

A kept value is used only while nothing audited has changed since it was made: the key holds the
newest audit record id (read once a request, with the signed-in account: no statement of its
own), and every credit, cancel, recount, import,
setting version, role grant, mechanism switch and employee or unit change is audited. It is
never older than ``PORTAL_AUDIT_CACHE_SECONDS`` (default 60; 0 turns the cache off) — so what
may lag is only what is not audited, such as a new registration for a future meeting in the
projection's "terjadwal" figure. Under load, a team page is then the user, one audit-id
question and the template.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import AuditLog
from portal.request_memo import per_request

NEWEST = "newest_audit_id"  # per request: see remember_newest
MAX_ENTRIES = 4096  # a menu per recent user, Tim & Unit's pages and figures
_entries: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
_lock = threading.Lock()


def newest_id_column():
    """The newest audit record id as a column: the sign-in loader reads it in its own statement
    (:func:`remember_newest`), so a page's kept values cost no statement of their own."""
    return select(func.max(AuditLog.id)).scalar_subquery().label("newest_audit_id")


def remember_newest(newest: int | None) -> None:
    """The newest audit id this request's kept values are checked against (read with the
    account); a write later in the request forgets it, like every per-request value."""
    per_request(NEWEST, lambda: newest)


def cached(key: Hashable, build: Callable[[], object]) -> object:
    seconds = current_app.config.get("PORTAL_AUDIT_CACHE_SECONDS", 60)
    if not seconds:
        return build()
    newest = per_request(NEWEST, lambda: db.session.scalar(select(func.max(AuditLog.id))))
    full_key = (key, newest)
    now = time.monotonic()
    with _lock:
        found = _entries.get(full_key)
        if found is not None and found[0] > now:
            _entries.move_to_end(full_key)
            return found[1]
    value = build()
    with _lock:
        _entries[full_key] = (now + seconds, value)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _entries.clear()
