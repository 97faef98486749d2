"""Writing the audit log (read by the admin audit page)."""

from __future__ import annotations

from flask import has_request_context
from flask_login import current_user

from portal.extensions import db
from portal.models import AuditLog


def record(
    action: str,
    entity_type: str,
    entity_id: object,
    old: dict | None,
    new: dict | None,
    summary: str = "",
    actor_id: int | None = None,
    confidential: bool = False,
) -> AuditLog:
    """Add an audit entry to the current transaction; the caller commits. ``confidential``
    entries (about a CM-01 record) are shown on the audit page to admin SDM only."""
    if actor_id is None and has_request_context() and current_user.is_authenticated:
        actor_id = current_user.id
    entry = AuditLog(
        actor_id=actor_id,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        summary=summary[:300],
        old_values=_jsonable(old),
        new_values=_jsonable(new),
        confidential=confidential,
    )
    db.session.add(entry)
    return entry


def _jsonable(values: dict | None) -> dict | None:
    if values is None:
        return None
    return {key: value if isinstance(value, (int, float, bool, type(None))) else str(value)
            for key, value in values.items()}
