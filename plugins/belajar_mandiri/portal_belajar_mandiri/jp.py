"""JP of a completed belajar mandiri (G-06; the circular gives no figure: a local setting)."""

from __future__ import annotations

from portal.types import JPResult, Participation, SettingSpec

SLUG = "belajar_mandiri"
TITLE = "Belajar Mandiri"
MODEL = 70
ROLE = "peserta"

SETTINGS = (
    SettingSpec("jp_per_penugasan", "JP per penugasan belajar mandiri yang laporannya diterima",
                4, "G-06", open_value=True),
)


def compute(participation: Participation, settings) -> JPResult | None:
    """One credit per completed assignment; imported history is computed the same way."""
    p = participation
    if p.mechanism != SLUG or p.activity_type != SLUG or p.role != ROLE:
        return None
    return JPResult(settings["jp_per_penugasan"], "G-06",
                    "JP belajar mandiri per penugasan selesai (pengaturan lokal; Lamp. G tidak "
                    "menetapkan angka, G-06)")
