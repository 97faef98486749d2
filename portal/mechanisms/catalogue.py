"""Names of mechanisms, activity types and roles: from the installed plugins.

The core keeps only what ARCHITECTURE fixes — the nine mechanism slugs and their model (G-01) —
so rows of a mechanism whose plugin is not installed (imported history, an uninstalled plugin)
still have a model; their names are the identifiers in words ("patok_banding" → "Patok banding").
Titles come from ``PluginInfo.title``, activity and role labels from ``portal_activity_labels``.
"""

from __future__ import annotations

from flask import current_app

from portal.plugins import registry

# The circular's mechanisms in its order (70 → 20 → 10) and their model (G-01): fixed identifiers.
FIXED_MECHANISMS = ("magang", "pertukaran", "patok_banding", "detasering", "outbound", "komunitas",
                    "belajar_mandiri", "coaching", "formal")
MECHANISM_MODELS = {slug: 70 for slug in FIXED_MECHANISMS} | {"coaching": 20, "formal": 10}

MODEL_LABELS = {70: "70 · Pengalaman", 20: "20 · Sosial", 10: "10 · Formal"}


def installed_infos() -> dict:
    """slug -> PluginInfo of every installed mechanism (switched on or not); fixed per app."""
    cache = current_app.extensions.get("portal_ledger_infos")
    if cache is None:
        plugins = registry()
        cache = {slug: plugins.info(slug) for slug in plugins.slugs()}
        current_app.extensions["portal_ledger_infos"] = cache
    return cache


def mechanism_title(slug: str) -> str:
    info = installed_infos().get(slug)
    return info.title if info else _words(slug)


def mechanism_model(slug: str) -> int | None:
    info = installed_infos().get(slug)
    return info.model if info else MECHANISM_MODELS.get(slug)


def mechanism_choices(extra: set[str] | None = None) -> list[tuple[str, str]]:
    """(slug, title) of the fixed and installed mechanisms (plus ``extra``), by title."""
    slugs = set(FIXED_MECHANISMS) | set(installed_infos()) | (extra or set())
    return sorted(((slug, mechanism_title(slug)) for slug in slugs), key=lambda item: item[1])


def plugin_labels() -> tuple[dict[str, str], dict[str, str]]:
    """(activity type → label, role → label) the installed plugins give (portal_activity_labels);
    fixed per app."""
    cache = current_app.extensions.get("portal_activity_labels")
    if cache is None:
        activities: dict[str, str] = {}
        roles: dict[str, str] = {}
        for _slug, labels in registry().per_plugin("portal_activity_labels"):
            if labels is not None:
                activities.update(labels.activity_types)
                roles.update(labels.roles)
        cache = current_app.extensions["portal_activity_labels"] = (activities, roles)
    return cache


def activity_label(activity_type: str) -> str:
    return plugin_labels()[0].get(activity_type) or _words(activity_type)


def role_label(role: str) -> str:
    return plugin_labels()[1].get(role) or _words(role)


def _words(identifier: str) -> str:
    return identifier.replace("_", " ").capitalize()
