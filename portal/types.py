"""Frozen data the hooks return. Plugins build these; the core renders them."""

from __future__ import annotations

from dataclasses import dataclass, field

MODELS = (70, 20, 10)


@dataclass(frozen=True)
class SettingSpec:
    """A rule setting a plugin declares; `open_value` marks a figure the circular leaves open."""

    key: str
    label: str
    default: float | int | str
    rule_id: str
    open_value: bool = False


@dataclass(frozen=True)
class PluginInfo:
    """Identity of a learning mechanism. `slug` must equal the entry-point name."""

    slug: str
    title: str
    model: int
    description: str = ""
    settings: tuple[SettingSpec, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise ValueError(f"model must be one of {MODELS}, got {self.model!r}")


@dataclass(frozen=True)
class MenuItem:
    """A navigation entry; `endpoint` is a Flask endpoint name, resolved by the core."""

    label: str
    endpoint: str
    order: int = 100
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DashboardWidget:
    """A dashboard card whose body is loaded lazily from `endpoint` (a plain link without JS)."""

    title: str
    endpoint: str
    order: int = 100
