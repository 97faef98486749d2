"""JP values: exact decimals inside the ledger, plain JSON numbers outside."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
MAX_JP = Decimal("9999.99")  # Numeric(6, 2)


def to_jp(value: object) -> Decimal:
    """Parse a JP value (int, float, Decimal or text) into a 2-place Decimal.

    :raises ValueError: for anything that is not a finite number in 0 … 9999.99.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError("JP harus berupa angka.")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("JP harus berupa angka terhingga.")
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValueError("JP harus berupa angka.") from None
    if not number.is_finite():
        raise ValueError("JP harus berupa angka terhingga.")
    if number < 0 or number > MAX_JP:  # before quantize: 1e30 would overflow its precision
        raise ValueError(f"JP harus antara 0 dan {MAX_JP}.")
    number = number.quantize(CENT, rounding=ROUND_HALF_UP)
    if number < 0 or number > MAX_JP:
        raise ValueError(f"JP harus antara 0 dan {MAX_JP}.")
    return number


def jp_number(value: Decimal | float | int | None) -> int | float:
    """A JP value for JSON and templates: an int when whole (``4``), else a float (``2.5``)."""
    if value is None:
        return 0
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)
