"""The setting that maps the portal's mechanisms to the national kinds of a development record:
training (pelatihan) or non-training competency development. Stored per mechanism in
``portal_setting`` (``records.kind.<slug>``); formal training defaults to pelatihan."""

from __future__ import annotations

from sqlalchemy import select

from portal.audit import record
from portal.extensions import db
from portal.mechanisms.catalogue import FIXED_MECHANISMS, mechanism_title
from portal.models.account import utcnow
from portal.models.certificate import PortalSetting
from portal.plugins import registry

NATIONAL_KINDS = {"pelatihan": "Pelatihan",
                  "nonpelatihan": "Pengembangan kompetensi nonpelatihan"}
DEFAULT_KIND = {"formal": "pelatihan"}
PREFIX = "records.kind."


def mechanisms() -> list[str]:
    """The circular's fixed mechanisms and every installed plugin, in that order."""
    return list(FIXED_MECHANISMS) + [s for s in registry().slugs() if s not in FIXED_MECHANISMS]


def kind_map() -> dict[str, str]:
    """``{mechanism slug: national kind}`` with the stored choices over the defaults."""
    stored = {row.key.removeprefix(PREFIX): row.value for row in db.session.scalars(
        select(PortalSetting).where(PortalSetting.key.startswith(PREFIX)))}
    return {slug: stored.get(slug, DEFAULT_KIND.get(slug, "nonpelatihan"))
            for slug in mechanisms()} | {k: v for k, v in stored.items() if v in NATIONAL_KINDS}


def kind_of(slug: str, kinds: dict[str, str]) -> str:
    return kinds.get(slug, DEFAULT_KIND.get(slug, "nonpelatihan"))


def save(values: dict[str, str], actor_id: int | None) -> dict[str, str]:
    """Store the choices (audited, old → new); returns ``{slug: problem}`` and stores nothing
    when a value is not a national kind. The caller commits."""
    known = set(mechanisms())
    problems = {slug: "Pilih Pelatihan atau Pengembangan kompetensi nonpelatihan."
                for slug, value in values.items() if slug in known and value not in NATIONAL_KINDS}
    if problems:
        return problems
    current = kind_map()
    for slug, value in values.items():
        if slug not in known or current.get(slug) == value:
            continue
        key = PREFIX + slug
        row = db.session.get(PortalSetting, key) or PortalSetting(key=key)
        row.value, row.updated_at, row.updated_by_id = value, utcnow(), actor_id
        db.session.add(row)
        record("setting.change", "portal_setting", key, {"value": current.get(slug)},
               {"value": value}, summary=f"Jenis riwayat pengembangan {mechanism_title(slug)}: "
               f"{NATIONAL_KINDS[value]}", actor_id=actor_id)
    return {}
