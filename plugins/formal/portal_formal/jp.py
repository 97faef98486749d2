"""FL-01: a formal training is credited with the JP stated on its certificate.

Also the plugin's fixed vocabulary: the G-01 training types (identifiers fixed by
fixed identifiers) and the one role that earns JP.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from portal.sdk import ActivityLabels, JPResult, Participation

SLUG = "formal"
ROLE = "peserta"
# G-01 "10 formal": classical and non-classical training types (fixed identifiers).
ACTIVITY_TYPES = {
    "kepemimpinan": "Pelatihan struktural kepemimpinan",
    "dasar": "Pelatihan dasar",
    "manajerial": "Pelatihan manajerial",
    "teknis": "Pelatihan teknis",
    "fungsional": "Pelatihan fungsional",
    "sosial_kultural": "Pelatihan sosial kultural",
    "seminar": "Seminar / konferensi / sarasehan / sosialisasi",
    "workshop": "Workshop / lokakarya",
    "bimtek": "Bimbingan teknis",
}
MAX_JP = Decimal("500")
JP_STEP = Decimal("0.5")
JP_MESSAGE = (f"JP pada sertifikat harus angka lebih dari 0 dan paling banyak {MAX_JP}, "
              "dengan kelipatan 0,5 (FL-01).")


def activity_label(activity_type: str) -> str:
    return ACTIVITY_TYPES.get(activity_type, activity_type)


def parse_jp(text: str | None) -> Decimal:
    """The JP typed from a certificate: ``8``, ``2,5`` or ``2.5`` (FL-01).

    :raises ValueError: with the Indonesian message :data:`JP_MESSAGE`.
    """
    raw = (text or "").strip().replace(",", ".")
    if not raw or len(raw) > 10 or not all(ch.isascii() for ch in raw):
        raise ValueError(JP_MESSAGE)
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(JP_MESSAGE) from None
    if not value.is_finite() or value <= 0 or value > MAX_JP or value % JP_STEP != 0:
        raise ValueError(JP_MESSAGE)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def compute(participation: Participation) -> JPResult | None:
    """FL-01: the JP of a formal training is the JP stated on its certificate."""
    if participation.mechanism != SLUG or participation.jp_stated is None:
        return None
    return JPResult(jp=Decimal(str(participation.jp_stated)), rule_id="FL-01",
                    explanation="JP sesuai sertifikat pelatihan (FL-01)")


def labels() -> ActivityLabels:
    """The G-01 training types and the one role, named for the ledger and reports."""
    return ActivityLabels(activity_types=tuple(ACTIVITY_TYPES.items()), roles=((ROLE, "Peserta"),))
