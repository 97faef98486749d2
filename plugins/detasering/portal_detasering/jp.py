"""JP of a completed detasering: an [open] setting (RULES.md: "JP for … detasering").

The circular gives no figure, so the JP credited on completion is an HR-unit setting (G-06:
every programme gives a JP conversion). The core credits the placement through the ledger.
"""

from __future__ import annotations

from portal.types import JPResult, Participation, SettingSpec
from portal_detasering.kind import SLUG

JP_RULE = "G-06"
ROLE = "peserta"
DEFAULT_JP = 40

SETTINGS = (
    SettingSpec("jp_peserta", "JP pegawai yang menyelesaikan detasering", DEFAULT_JP, JP_RULE,
                open_value=True),
)


def compute(participation: Participation, settings) -> JPResult | None:
    p = participation
    if p.mechanism != SLUG or p.activity_type != SLUG or p.role != ROLE:
        return None
    return JPResult(settings["jp_peserta"], JP_RULE,
                    "JP detasering yang selesai (pengaturan lokal unit SDM, tidak ditetapkan surat "
                    "edaran; G-06, DT-01)")
