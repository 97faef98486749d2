"""Stored notices for a person (``Notification``): written by the core, read in the inbox."""

from __future__ import annotations

from collections.abc import Iterable

from flask import current_app
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Account, Employee
from portal.models.account import utcnow
from portal.models.notification import Notification


def notify(people: Iterable[Employee | None], title: str, body: str = "", kind: str = "pemberitahuan",
           url: str = "") -> None:
    """Tell each (distinct, non-empty) person ``title``; the caller commits.

    ``kind`` ("keputusan", "sertifikat" or "pemberitahuan") chooses which e-mail preference
    applies; ``url`` (a path, e.g. from ``url_for``) is the page the notice links to. The e-mail
    goes out later from the background producer, never inside the request. Never put
    confidential coaching content (CM-01) in ``title`` or ``body``."""
    seen: set[int] = set()
    for person in people:
        if person is None or person.id in seen:
            continue
        seen.add(person.id)
        db.session.add(Notification(employee_id=person.id, title=title[:200], body=body[:1000],
                                    kind=kind, url=url[:500]))


def path_for(endpoint: str, **values) -> str:
    """A page's path for a notice's link, also outside a request (background jobs)."""
    return current_app.url_map.bind("localhost").build(endpoint, values)


def unread(user: Account) -> list[Notification]:
    return list(db.session.scalars(
        select(Notification).where(Notification.employee_id == user.employee_id,
                                   Notification.read_at.is_(None))
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(100)))


def unread_count(user: Account) -> int:
    return db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.employee_id == user.employee_id, Notification.read_at.is_(None))) or 0


def mark_read(user: Account, notice_id: int) -> bool:
    """Mark one of ``user``'s own notices read; False when it is not theirs (or unknown)."""
    notice = db.session.get(Notification, notice_id)
    if notice is None or notice.employee_id != user.employee_id:
        return False
    if notice.read_at is None:
        notice.read_at = utcnow()
    return True
