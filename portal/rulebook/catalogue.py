"""Every rule the installed portal enforces, with the mechanism, settings and caps behind it."""

from __future__ import annotations

from dataclasses import dataclass

from portal.clock import today
from portal.mechanisms.catalogue import FIXED_MECHANISMS, installed_infos
from portal.rule_settings.versions import DeclaredSetting, declared, value_on
from portal.rulebook.core import CORE_RULES
from portal.types import CapSpec, RuleSpec

CORE = "core"
CORE_TITLE = "Ketentuan umum (inti portal)"


@dataclass(frozen=True)
class RuleEntry:
    rule: RuleSpec
    owner: str  # "core" or the plugin's slug
    owner_title: str
    settings: tuple[DeclaredSetting, ...]
    caps: tuple[CapSpec, ...]


@dataclass(frozen=True)
class SettingValue:
    setting: DeclaredSetting
    value: int | float | str


def _owners() -> list[tuple[str, str, tuple[RuleSpec, ...]]]:
    infos = installed_infos()
    order = {slug: index for index, slug in enumerate(FIXED_MECHANISMS)}
    slugs = sorted(infos, key=lambda slug: (order.get(slug, len(order)), -infos[slug].model, slug))
    return [(CORE, CORE_TITLE, CORE_RULES)] + [(slug, infos[slug].title, infos[slug].rules) for slug in slugs]


def entries() -> list[RuleEntry]:
    """The rules in the circular's order (general rules first), each once."""
    settings = declared().values()
    caps = [cap for info in installed_infos().values() for cap in info.caps]
    result, seen = [], set()
    for owner, title, rules in _owners():
        for rule in rules:
            if rule.id in seen:
                continue
            seen.add(rule.id)
            result.append(RuleEntry(rule, owner, title,
                                    tuple(s for s in settings if s.spec.rule_id == rule.id),
                                    tuple(c for c in caps if c.rule_id == rule.id)))
    return result


def declared_ids() -> dict[str, str]:
    """rule ID -> owner ("core" or a slug) of every declared rule."""
    return {rule.id: owner for owner, _, rules in _owners() for rule in rules}


def current_values(entry: RuleEntry) -> list[SettingValue]:
    """The value in force today of each setting behind the rule."""
    return [SettingValue(s, value_on(s.key, today())[0]) for s in entry.settings]


def cap_text(cap: CapSpec) -> str:
    """The cap in words, e.g. "paling banyak 2 per pegawai per bulan per jenis kegiatan" or
    "paling banyak 8 JP dihitung per pegawai per bulan"."""
    scope = {"employee_month_activity": "per pegawai per bulan per jenis kegiatan",
             "employee_month": "per pegawai per bulan",
             "employee_year": "per pegawai per tahun",
             "organiser_month": "per unit penyelenggara per bulan (pertemuan)"}.get(cap.per, cap.per)
    limit = f"pengaturan {cap.limit_setting}" if cap.limit_setting else str(cap.limit)
    unit = " JP dihitung" if cap.measure == "jp" else ""
    return f"paling banyak {limit}{unit} {scope}"
