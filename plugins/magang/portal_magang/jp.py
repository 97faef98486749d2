"""JP of a passed magang (G-06): a local HR-unit setting, since the circular gives no figure.

A participation that carries a JP stated by a document (``jp_stated``, e.g. a historical record
credited directly through the ledger) is left to the ledger, which takes the stated JP (G-06);
the core lifecycle and the activities import never state one for magang.
"""

from __future__ import annotations

from portal.sdk import JPResult, Participation
from portal_magang.kind import SLUG


def compute(participation: Participation, settings) -> JPResult | None:
    if participation.mechanism != SLUG or participation.jp_stated is not None:
        return None
    return JPResult(settings["jp_peserta"], "G-06", "JP magang yang lulus (pengaturan lokal unit SDM)")
