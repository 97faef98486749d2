"""JP of a completed detasering: an [open] setting (the circular gives no figure: docs/rules.md).

The circular gives no figure, so the JP credited on completion is an HR-unit setting (G-06:
every programme gives a JP conversion). The core credits the placement through the ledger.
"""

from __future__ import annotations

from portal.sdk import SettingJP
from portal_detasering.kind import SLUG

JP = SettingJP(SLUG, "jp_peserta", "JP pegawai yang menyelesaikan detasering", 40,
               "JP detasering yang selesai (pengaturan lokal unit SDM, tidak ditetapkan surat edaran; "
               "G-06, DT-01)")
SETTINGS = JP.settings
compute = JP.compute
