"""Eligibility verdicts for outbound (``portal_check_eligibility``).

Lamp. E sets no participant condition of its own: the general condition (G-03, the core's
rule) and cross-mechanism blocks of other plugins (MG-10) decide. The verdict says so, so the
page *Kelayakan* shows that OB-01 was considered, not skipped.
"""

from __future__ import annotations

from portal.sdk import Verdict
from portal_outbound.jp import RULE, SLUG


def verdicts(mechanism: str) -> list[Verdict]:
    if mechanism != SLUG:
        return []
    return [Verdict(True, RULE, "Pembelajaran alam terbuka tidak menetapkan syarat peserta "
                                "tersendiri; berlaku syarat umum peserta pengembangan "
                                "(Lamp. E, OB-01).")]
