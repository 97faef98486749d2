"""The core's own rule settings (plugins declare theirs in ``PluginInfo.settings``).

Stored under ``core.<key>``. None of these figures is in SE 07/SE/KM/2023: each is a local
setting of the HR unit (``open_value=True``) with the default named in docs/rules.md.
"""

from __future__ import annotations

from portal.types import SettingSpec

CORE_OWNER = "core"

CORE_SETTINGS = (
    # 20 JP a year is the national minimum for ASN competency development; the circular
    # itself only says every programme converts to JP "sesuai peraturan" (G-06).
    SettingSpec("target_jp_pns", "Target JP tahunan PNS", 20, "G-06", open_value=True),
    SettingSpec("target_jp_pppk", "Target JP tahunan PPPK", 20, "G-06", open_value=True),
    # MG-10 / PT-08: "not eligible ... for a set period until a performance evaluation". The
    # circular names no period: default none (0), the block lasts until the clearing performance
    # evaluation is recorded; the HR unit may set a waiting period before it can be recorded.
    SettingSpec("mg10_block_months", "Masa tunggu sebelum evaluasi kinerja dapat memulihkan blokir "
                "setelah tidak lulus karena sebab dalam kendali peserta (bulan; 0 = tanpa masa tunggu)",
                0, "MG-10", open_value=True),
    # Early warning (issue 19, portal.ledger.projection): not a figure of the circular.
    SettingSpec("projection_risk_factor", "Peringatan dini: JP yang masih diperlukan per bulan "
                "paling banyak sekian kali laju merata (target ÷ 12) masih 'berisiko'; di atasnya "
                "'akan tertinggal'", 2.0, "G-06", open_value=True),
)
