"""Which installed mechanisms are on for a unit: the nearest override up the tree wins."""

from __future__ import annotations

from sqlalchemy import select

from portal import audit_cache
from portal.audit import record
from portal.extensions import db
from portal.models import Unit, UnitMechanism
from portal.plugins import registry
from portal.request_memo import per_request


def _overrides(unit: Unit) -> dict[str, tuple[int, bool, int]]:
    """slug -> (depth, enabled, unit_id) of the nearest override for ``unit``."""
    ids = unit.ancestor_ids
    depth = {unit_id: index for index, unit_id in enumerate(ids)}
    rows = db.session.execute(
        select(UnitMechanism.unit_id, UnitMechanism.slug, UnitMechanism.enabled).where(
            UnitMechanism.unit_id.in_(ids)
        )
    )
    nearest: dict[str, tuple[int, bool, int]] = {}
    for unit_id, slug, enabled in rows:
        if slug not in nearest or depth[unit_id] > nearest[slug][0]:
            nearest[slug] = (depth[unit_id], enabled, unit_id)
    return nearest


def disabled_slugs(unit: Unit | None) -> frozenset[str]:
    """Installed mechanisms switched off for ``unit``: asked once a page view, and kept until
    the next audited change (every switch is audited: :func:`set_switch`)."""
    if unit is None:
        return frozenset()
    return per_request(("disabled-slugs", unit.id), lambda: audit_cache.cached(
        ("disabled-slugs", unit.id, unit.path), lambda: _switched_off(unit)))


def _switched_off(unit: Unit) -> frozenset[str]:
    installed = set(registry().slugs())
    return frozenset(slug for slug, (_, enabled, _) in _overrides(unit).items()
                     if not enabled and slug in installed)


def is_enabled(slug: str, unit: Unit | None) -> bool:
    return slug in registry().slugs() and slug not in disabled_slugs(unit)


def switch_states(unit: Unit) -> list[dict]:
    """For each installed mechanism: effective state and where it comes from."""
    overrides = _overrides(unit)
    states = []
    for plugin in registry().installed():
        depth, enabled, source_id = overrides.get(plugin.slug, (None, True, None))
        states.append(
            {
                "plugin": plugin,
                "enabled": enabled,
                "own": source_id == unit.id,
                "source": db.session.get(Unit, source_id) if source_id else None,
            }
        )
    return states


def set_switch(unit: Unit, slug: str, state: str, actor_id: int | None) -> None:
    """``state`` is "on", "off" or "inherit" (remove this unit's own override). Audited."""
    row = db.session.scalar(
        select(UnitMechanism).where(UnitMechanism.unit_id == unit.id, UnitMechanism.slug == slug)
    )
    before = {"enabled": row.enabled} if row else {"enabled": "inherit"}
    if state == "inherit":
        if row:
            db.session.delete(row)
    else:
        if row is None:
            row = UnitMechanism(unit_id=unit.id, slug=slug)
            db.session.add(row)
        row.enabled = state == "on"
        row.changed_by_id = actor_id
    after = {"enabled": "inherit" if state == "inherit" else state == "on"}
    record(
        "mechanism.switch", "unit", unit.kode, before, after,
        summary=f"Mekanisme {slug} untuk unit {unit.kode}: {state}", actor_id=actor_id,
    )


def user_hook(hook_name: str, user) -> object:
    """A hook caller that skips plugins switched off for the user's unit."""
    unit = user.employee.unit if user and user.is_authenticated else None
    return registry().hook_excluding(hook_name, disabled_slugs(unit))
