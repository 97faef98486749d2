"""Collecting ``portal_pending_tasks`` from the plugins switched on for a user."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, g, url_for
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.routing import BuildError

from portal.access import PUBLIC, declared_access
from portal.inbox.notices import unread_count
from portal.mechanisms.switches import user_hook
from portal.models import Account
from portal.plugins import registry
from portal.types import PendingTask


@dataclass(frozen=True)
class InboxItem:
    slug: str
    mechanism: str
    task: PendingTask
    url: str


def _may_open(user: Account, endpoint: str) -> bool:
    roles = declared_access(endpoint)
    return bool(roles) and (PUBLIC in roles or user.has_any(*roles))


def _url(task: PendingTask) -> str | None:
    try:
        return url_for(task.endpoint, **dict(task.values))
    except (BuildError, TypeError, ValueError):
        current_app.logger.error("pending task with an unknown page: %s %r", task.endpoint,
                                 task.values)
        return None


def pending_items(user: Account) -> list[InboxItem]:
    """Every task waiting for ``user``, one hook call per enabled plugin; cached per request."""
    cache = g.setdefault("_inbox_items", {})
    if user.id in cache:
        return cache[user.id]
    plugins = registry()
    items = []
    for impl in user_hook("portal_pending_tasks", user).get_hookimpls():
        try:
            title = plugins.info(impl.plugin_name).title
        except KeyError:
            title = impl.plugin_name
        for task in plugins.call_one(impl.plugin_name, "portal_pending_tasks", user=user) or ():
            if not isinstance(task, PendingTask) or not _may_open(user, task.endpoint):
                continue
            url = _url(task)
            if url is not None:
                items.append(InboxItem(impl.plugin_name, title, task, url))
    cache[user.id] = items
    return items


def grouped(items: list[InboxItem]) -> list[tuple[str, list[InboxItem]]]:
    """(kind, items) groups by kind; the oldest waiting first inside a group."""
    groups: dict[str, list[InboxItem]] = {}
    for item in items:
        groups.setdefault(item.task.kind, []).append(item)
    for members in groups.values():
        members.sort(key=lambda i: (i.task.since is None, i.task.since or 0, i.task.title))
    return sorted(groups.items(), key=lambda pair: pair[0])


def pending_count(user: Account) -> int | None:
    """How many tasks wait for ``user``; ``None`` when it cannot be computed (the header then
    shows no number rather than failing the page)."""
    try:
        return len(pending_items(user)) + unread_count(user)
    except SQLAlchemyError:
        current_app.logger.exception("inbox count failed")
        return None
