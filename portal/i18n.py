"""Indonesian formatting of dates and numbers (Babel, locale ``id``)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency

LOCALE = "id_ID"
TIMEZONE = "Asia/Jakarta"
# Parsed once: babel.numbers.format_decimal looks the locale and its pattern up on every call
# (≈55 µs; a team page formats hundreds of numbers).
_LOCALE = Locale.parse(LOCALE)
_DECIMAL = _LOCALE.decimal_formats[None]


def tanggal(value: dt.date | dt.datetime | None, fmt: str = "d MMMM y") -> str:
    """``28 November 2026``; empty for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return format_datetime(
            value.replace(tzinfo=value.tzinfo or dt.UTC), fmt, tzinfo=TIMEZONE, locale=LOCALE
        )
    return format_date(value, fmt, locale=LOCALE)


def waktu(value: dt.datetime | None) -> str:
    """``28 November 2026 17.25 WIB`` for a naive UTC datetime."""
    if value is None:
        return ""
    return tanggal(value, "d MMMM y HH.mm") + " WIB"


def angka(value: float | int | None) -> str:
    if value is None:
        return ""
    return _formatted(type(value), value)


@lru_cache(maxsize=8192)
def _formatted(_kind: type, value) -> str:
    """Babel's pattern applied once per distinct number (and type: ``1`` and ``1.0`` hash
    alike); a team page formats hundreds of mostly repeated JP figures."""
    return _DECIMAL.apply(value, _LOCALE)


def rupiah(value: float | int | None) -> str:
    """``Rp1.500.000`` (``Rp1.500.000,50`` when there are sen) for an amount in rupiah."""
    if value is None:
        return ""
    pattern = "¤#,##0" if value == int(value) else "¤#,##0.00"
    return format_currency(value, "IDR", locale=LOCALE, format=pattern, currency_digits=False)


def register(app) -> None:
    app.add_template_filter(tanggal)
    app.add_template_filter(waktu)
    app.add_template_filter(angka)
    app.add_template_filter(rupiah)
