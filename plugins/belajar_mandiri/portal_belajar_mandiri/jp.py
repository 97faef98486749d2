"""JP of a completed belajar mandiri (G-06; the circular gives no figure: a local setting)."""

from __future__ import annotations

from portal.sdk import SettingJP

SLUG = "belajar_mandiri"
TITLE = "Belajar Mandiri"
MODEL = 70
ROLE = "peserta"

# One credit per completed assignment; imported history is computed the same way.
JP = SettingJP(SLUG, "jp_per_penugasan", "JP per penugasan belajar mandiri yang laporannya diterima", 4,
               "JP belajar mandiri per penugasan selesai (pengaturan lokal; Lamp. G tidak menetapkan "
               "angka, G-06)", role=ROLE)
SETTINGS = JP.settings
compute = JP.compute
