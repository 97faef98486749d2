"""The placement kinds declared by installed plugins through ``portal_placement_kinds``."""

from __future__ import annotations

from flask import abort, current_app
from flask_login import current_user

from portal.mechanisms.switches import is_enabled
from portal.plugins import registry
from portal.types import PlacementKind

HOOK = "portal_placement_kinds"


def kinds() -> dict[str, PlacementKind]:
    """Every declared kind by slug (a plugin's kinds must carry its own slug)."""
    found: dict[str, PlacementKind] = {}
    for plugin, result in registry().per_plugin(HOOK):
        for kind in result or ():
            if kind.slug != plugin:
                current_app.logger.error("plugin %s declared placement kind %s; ignored", plugin, kind.slug)
                continue
            found[kind.slug] = kind
    return found


def kind_of(slug: str) -> PlacementKind | None:
    return kinds().get(slug)


def kind_or_404(slug: str) -> PlacementKind:
    """The kind for a page: 404 when unknown or switched off for the user's unit."""
    kind = kind_of(slug)
    if kind is None or not is_enabled(slug, current_user.employee.unit):
        abort(404)
    return kind


def choice_label(choices, key: str) -> str:
    return next((choice.label for choice in choices if choice.key == key), key or "—")
