"""Versioned rule settings: declared by the core and by plugins, valid from an effective date.

A full key is ``<owner>.<key>``: ``core.target_jp_pns`` or ``komunitas.jp_diskusi_peserta``
(the plugin's slug and its :class:`~portal.types.SettingSpec` key). Versions are only added,
never changed (see :class:`portal.ledger.models.RuleSettingVersion`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from flask import current_app
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from portal.audit import record
from portal.extensions import db
from portal.ledger.models import RuleSettingVersion
from portal.mechanisms.catalogue import installed_infos
from portal.models.account import utcnow
from portal.request_memo import forget, per_request
from portal.rule_settings.core import CORE_OWNER, CORE_SETTINGS
from portal.types import SettingSpec

DEFAULT_FROM = dt.date(1900, 1, 1)
MAX_NUMBER = Decimal("100000")


@dataclass(frozen=True)
class DeclaredSetting:
    key: str  # full key
    owner: str  # "core" or a plugin slug
    owner_title: str
    spec: SettingSpec

    @property
    def from_circular(self) -> bool:
        return not self.spec.open_value


def declared() -> Mapping[str, DeclaredSetting]:
    """Every setting the core and the installed plugins declare, by full key (built once per app
    from its installed plugins: every JP computation asks, hundreds of times on a team page)."""
    infos = installed_infos()
    kept = current_app.extensions.get("portal_declared_settings")
    if kept is None or kept[0] is not infos:
        kept = (infos, MappingProxyType(_declared(infos)))
        current_app.extensions["portal_declared_settings"] = kept
    return kept[1]


def _declared(infos: dict) -> dict[str, DeclaredSetting]:
    result = {f"{CORE_OWNER}.{s.key}": DeclaredSetting(f"{CORE_OWNER}.{s.key}", CORE_OWNER,
                                                        "Inti portal", s) for s in CORE_SETTINGS}
    for slug, info in sorted(infos.items()):
        for spec in info.settings:
            key = f"{slug}.{spec.key}"
            result[key] = DeclaredSetting(key, slug, info.title, spec)
    return result


def parse_value(spec: SettingSpec, raw: str) -> int | float | str:
    """Check an admin's input against the type of the declared default.

    :raises ValueError: with an Indonesian message.
    """
    text = (raw or "").strip()
    if isinstance(spec.default, str):
        if not text or len(text) > 200:
            raise ValueError("Nilai wajib diisi (maksimal 200 karakter).")
        return text
    if not text:
        raise ValueError("Nilai wajib diisi.")
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise ValueError("Nilai harus berupa angka.") from None
    if not number.is_finite() or number < 0 or number > MAX_NUMBER:
        raise ValueError(f"Nilai harus angka antara 0 dan {MAX_NUMBER}.")
    if isinstance(spec.default, int):
        if number != number.to_integral_value():
            raise ValueError("Nilai harus bilangan bulat.")
        return int(number)
    return float(number)


def _typed(spec: SettingSpec, stored: str) -> int | float | str:
    try:
        return parse_value(spec, stored)
    except ValueError:
        return spec.default  # a value stored under an older type declaration


def _ensure_default(key: str, spec: SettingSpec) -> None:
    """Store the declared default as the key's first version (idempotent, race-safe)."""
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    db.session.execute(
        insert(RuleSettingVersion)
        .values(key=key, value=str(spec.default), effective_from=DEFAULT_FROM, is_default=True,
                note="Nilai bawaan saat pertama dipakai", created_at=utcnow())
        .on_conflict_do_nothing()
    )
    forget("setting_versions")


def version_in_force(key: str, on_date: dt.date,
                     materialise: bool = True) -> RuleSettingVersion | None:
    """The version of ``key`` in force on ``on_date``.

    When no version exists yet, ``materialise`` stores the declared default as the first
    version (for ledger rows, which must point at one); otherwise ``None`` is returned.
    :raises KeyError: when no one declares ``key``.
    """
    setting = declared().get(key)
    if setting is None:
        raise KeyError(f"unknown setting {key!r}")
    query = (select(RuleSettingVersion)
             .where(RuleSettingVersion.key == key, RuleSettingVersion.effective_from <= on_date)
             .order_by(RuleSettingVersion.effective_from.desc(), RuleSettingVersion.id.desc())
             .limit(1))
    version = db.session.scalar(query)
    if version is None and materialise:
        _ensure_default(key, setting.spec)
        version = db.session.scalar(query)
    return version


def page_versions() -> VersionCache:
    """The versions a page view reads (the targets, the risk factor, every scheduled item's
    JP settings): loaded with one query a page view; a fresh cache outside one."""
    return per_request("setting_versions", VersionCache)


def value_on(key: str, on_date: dt.date, materialise: bool = False
             ) -> tuple[int | float | str, RuleSettingVersion | None]:
    """(typed value, version) of ``key`` on ``on_date``; the declared default when unset."""
    if key not in declared():
        raise KeyError(f"unknown setting {key!r}")
    cache = None if materialise else page_versions()
    version = (cache.in_force(key, on_date, materialise=False) if cache is not None
               else version_in_force(key, on_date, materialise))
    spec = declared()[key].spec
    return (_typed(spec, version.value) if version else spec.default), version


def core_value(key: str, on_date: dt.date) -> int | float | str:
    return value_on(f"{CORE_OWNER}.{key}", on_date)[0]


def add_version(key: str, raw_value: str, effective_from: dt.date, note: str,
                actor_id: int | None) -> RuleSettingVersion:
    """Add a new version of a declared setting; audited as ``setting.version``.

    Ledger rows are not touched: the recalculate page shows and applies their changes.
    :raises KeyError: unknown key. :raises ValueError: invalid value (Indonesian message).
    """
    setting = declared()[key]
    value = parse_value(setting.spec, raw_value)
    before, _ = value_on(key, effective_from)
    version = RuleSettingVersion(key=key, value=str(value), effective_from=effective_from,
                                 note=(note or "").strip()[:300], created_by_id=actor_id)
    db.session.add(version)
    db.session.flush()
    forget("setting_versions")
    record("setting.version", "rule_setting_version", version.id,
           {"key": key, "value": before},
           {"key": key, "value": value, "effective_from": effective_from.isoformat()},
           summary=f"Pengaturan {key} = {value} berlaku mulai {effective_from.isoformat()} "
                   f"({setting.spec.rule_id})",
           actor_id=actor_id)
    return version


class VersionCache:
    """Every version of every key, loaded with one query on first use (the table holds a row
    per key and effective date: dozens, not thousands) — for bulk recalculation and pages."""

    def __init__(self) -> None:
        self._versions: dict[str, list[RuleSettingVersion]] | None = None

    def _load(self, key: str) -> list[RuleSettingVersion]:
        if self._versions is None:
            self._versions = {}
            for version in db.session.scalars(select(RuleSettingVersion).order_by(
                    RuleSettingVersion.effective_from, RuleSettingVersion.id)):
                self._versions.setdefault(version.key, []).append(version)
        return self._versions.get(key, [])

    def in_force(self, key: str, on_date: dt.date,
                 materialise: bool) -> RuleSettingVersion | None:
        versions = self._load(key)
        if not versions and materialise:
            _ensure_default(key, declared()[key].spec)
            self._versions = None
            versions = self._load(key)
        found = None
        for version in versions:  # ascending: the last one on or before wins
            if version.effective_from > on_date:
                break
            found = version
        if found is None and materialise:
            return version_in_force(key, on_date, materialise=True)
        return found


class JPSettings(Mapping):
    """Settings in force on one date, as given to ``portal_compute_jp``; remembers reads.

    ``settings["jp_peserta"]`` is the participation mechanism's own key,
    ``settings["core.target_jp_pns"]`` a full key. ``materialise=False`` (previews) reads
    without writing: an unset key gives its declared default and no version.
    """

    def __init__(self, mechanism: str, on_date: dt.date, cache: VersionCache | None = None,
                 materialise: bool = True) -> None:
        self.mechanism = mechanism
        self.on_date = on_date
        self.used: list[RuleSettingVersion | None] = []
        self._values: dict[str, int | float | str] = {}
        self._cache = cache or page_versions()
        self._materialise = materialise

    def _full(self, key: str) -> str:
        return key if "." in key else f"{self.mechanism}.{key}"

    def __getitem__(self, key: str) -> int | float | str:
        full = self._full(key)
        if full not in self._values:
            setting = declared().get(full)
            if setting is None:
                raise KeyError(f"setting {full!r} is not declared")
            version = self._cache.in_force(full, self.on_date, self._materialise)
            spec = setting.spec
            self._values[full] = _typed(spec, version.value) if version else spec.default
            self.used.append(version)
        return self._values[full]

    def __iter__(self) -> Iterator[str]:
        prefix = f"{self.mechanism}."
        return iter(key[len(prefix):] for key in declared() if key.startswith(prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @property
    def version_id(self) -> int | None:
        """The version of the first setting read (the one the JP came from), if any."""
        return self.used[0].id if self.used and self.used[0] is not None else None
