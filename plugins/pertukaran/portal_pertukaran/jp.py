"""JP of a completed pertukaran: an [open] setting (the circular gives no figure: docs/rules.md).

The circular gives no figure, so the JP credited to a participant who passes (PT-08) is an
HR-unit setting (G-06: every programme gives a JP conversion). The core credits the
placement through the ledger; this module only answers ``portal_compute_jp``.
"""

from __future__ import annotations

from portal.sdk import SettingJP
from portal_pertukaran.kind import SLUG
from portal_pertukaran.rules import SETTINGS as PT02_SETTINGS

JP = SettingJP(SLUG, "jp_peserta", "JP peserta pertukaran pegawai yang lulus", 40,
               "JP peserta pertukaran pegawai yang lulus (pengaturan lokal unit SDM, tidak ditetapkan "
               "surat edaran; G-06, PT-08)")
SETTINGS = JP.settings + PT02_SETTINGS  # PT-02 JF levels: rules.py
compute = JP.compute
