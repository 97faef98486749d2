"""JP of one patok banding participation: an [open] setting (the circular gives no figure: docs/rules.md).

The circular gives no figure, so the JP per participant is an HR-unit setting (G-06: every
programme gives a JP conversion); no monthly cap applies.
"""

from __future__ import annotations

from portal.sdk import SettingJP

SLUG = "patok_banding"
MODEL = 70
TITLE = "Patok Banding (Benchmarking / Studi Visit)"
ACTIVITY = "patok_banding"
ROLE = "peserta"
JP_RULE = "G-06"
DEFAULT_JP = 8

JP = SettingJP(SLUG, "jp_peserta", "JP peserta per kegiatan patok banding", DEFAULT_JP,
               "JP peserta patok banding per kegiatan (pengaturan lokal, tidak ditetapkan surat edaran; "
               "G-06)", role=ROLE, rule_id=JP_RULE)
SETTINGS = JP.settings
compute = JP.compute
