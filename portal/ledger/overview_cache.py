"""The whole-scope part of Tim & Unit (counts, JP distribution, early-warning counts, per-unit
bars) kept for a short time per worker process (issue 21).

For admin SDM it summarises 26,000 employees; computed on every request it costs hundreds of
milliseconds. A cached summary is used only while nothing audited has changed since it was made
(the key holds the newest audit record id: every credit, cancel, recount, import, setting
version and employee or unit change is audited), and never longer than
``PORTAL_TEAM_CACHE_SECONDS`` (default 60; 0 turns the cache off) — so what may lag is only what
is not audited, such as a new registration for a future meeting in the projection's
"terjadwal" figure. The listed page itself (names, JP, each projection) is always read fresh.
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

MAX_ENTRIES = 128
_entries: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
_lock = threading.Lock()


def cached(key: Hashable, build: Callable[[], object]) -> object:
    seconds = current_app.config.get("PORTAL_TEAM_CACHE_SECONDS", 60)
    if not seconds:
        return build()
    full_key = (key, db.session.scalar(select(func.max(AuditLog.id))))
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
