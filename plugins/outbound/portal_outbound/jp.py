"""OB-01 vocabulary (Lamp. E) and the JP of one outbound participation.

The circular gives no JP figure for pembelajaran alam terbuka: the JP per day of the
programme is an HR-unit setting (a figure the circular leaves open, docs/rules.md).
"""

from __future__ import annotations

from decimal import Decimal

from portal.sdk import JPResult, Participation, SettingSpec

SLUG = "outbound"
MODEL = 70
TITLE = "Pembelajaran Alam Terbuka (Outbound)"
RULE = "OB-01"
ROLE = "peserta"

# OB-01: the media of learning (Lamp. E, first paragraph).
ACTIVITIES = {
    "permainan": "Permainan",
    "simulasi": "Simulasi",
    "diskusi": "Diskusi",
    "petualangan": "Petualangan",
}
# OB-01: the goals (Lamp. E, "Tujuan pelatihan ... yaitu" 1–3; item 3 split per ability).
GOALS = {
    "kekompakan": "Hubungan kerja sama, solid, sinergi dan kekompakan tim",
    "tujuan_bersama": "Kerja sama tim untuk mencapai tujuan bersama",
    "komunikasi": "Kemampuan komunikasi",
    "kepemimpinan": "Kepemimpinan",
    "konsentrasi": "Konsentrasi",
    "kreativitas": "Kreativitas",
    "strategi": "Perencanaan strategi (strategy planning)",
    "analisis": "Analisis",
    "percaya_diri": "Kepercayaan diri",
}

SETTINGS = (
    SettingSpec("jp_per_hari", "JP peserta pembelajaran alam terbuka per hari kegiatan", 8,
                RULE, open_value=True),
)
REFERENCE_PREFIX = "outbound:program:"


def reference_for(programme_id: int) -> str:
    return f"{REFERENCE_PREFIX}{programme_id}"


def programme_id_of(reference: str) -> int | None:
    tail = reference[len(REFERENCE_PREFIX):] if reference.startswith(REFERENCE_PREFIX) else ""
    return int(tail) if tail.isdigit() and len(tail) < 12 else None


def compute(participation: Participation, settings) -> JPResult | None:
    """OB-01: the setting ``jp_per_hari`` × the days of the programme (1 day for an imported
    record with no programme in the portal)."""
    p = participation
    if p.mechanism != SLUG or p.activity_type != SLUG or p.role != ROLE:
        return None
    from portal_outbound.models import programme_days

    days = programme_days(p.reference) or 1
    per_day = Decimal(str(settings["jp_per_hari"]))
    return JPResult(per_day * days, RULE,
                    f"{per_day.normalize():f} JP per hari × {days} hari pembelajaran alam terbuka "
                    "(pengaturan lokal, OB-01)")
