"""The circular's rules for development plans: the four bases and their models (§F, G-02),
and the mechanisms with their model (G-01) as offered in a plan."""

from __future__ import annotations

from dataclasses import dataclass

from portal.mechanisms.catalogue import FIXED_MECHANISMS, mechanism_model, mechanism_title
from portal.mechanisms.switches import disabled_slugs
from portal.models import Unit
from portal.plugins import registry


@dataclass(frozen=True)
class Basis:
    key: str
    label: str
    models: tuple[int, ...]


# G-02 (§F): the basis of a development decision decides which models may be used.
BASES = {
    "kesenjangan": Basis("kesenjangan", "Kesenjangan kompetensi/kinerja dari hasil asesmen",
                         (70, 20, 10)),
    "kebutuhan": Basis("kebutuhan", "Kebutuhan unit/pegawai, permasalahan lapangan, "
                       "rekomendasi audit", (70, 20, 10)),
    "teknologi": Basis("teknologi", "Perkembangan teknologi", (70, 10)),
    "karier": Basis("karier", "Pengembangan karier", (70, 20, 10)),
}


def model_refusal(basis: str, slug: str) -> str | None:
    """Why ``basis`` does not allow the model of mechanism ``slug`` (G-02), or None."""
    model = mechanism_model(slug)
    allowed = BASES[basis].models
    if model is None or model in allowed:
        return None
    models = " dan ".join(str(m) for m in allowed) if len(allowed) == 2 else ", ".join(
        str(m) for m in allowed)
    return (f"{mechanism_title(slug)} termasuk model {model} (G-01). Dasar pengembangan "
            f"{basis} hanya untuk model {models} (§F, G-02).")


@dataclass(frozen=True)
class MechanismOption:
    slug: str
    title: str
    model: int
    available: bool
    reason: str = ""


def mechanism_options(unit: Unit | None) -> list[MechanismOption]:
    """The nine fixed mechanisms (and any other installed one) with their model (G-01); only
    those installed and switched on for ``unit`` are available."""
    installed = set(registry().slugs())
    off = disabled_slugs(unit)
    options = []
    for slug in list(FIXED_MECHANISMS) + sorted(installed - set(FIXED_MECHANISMS)):
        if slug not in installed:
            reason = "belum tersedia di portal"
        elif slug in off:
            reason = "dinonaktifkan untuk unit pegawai"
        else:
            reason = ""
        options.append(MechanismOption(slug, mechanism_title(slug), mechanism_model(slug),
                                       not reason, reason))
    return sorted(options, key=lambda o: (-o.model, o.title))
