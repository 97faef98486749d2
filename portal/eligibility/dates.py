"""Reading the date a check is for: ``YYYY-MM-DD``, today (WIB) when empty, within range."""

from __future__ import annotations

import datetime as dt
import re

from portal.i18n import tanggal
from portal.ledger.clock import today

EARLIEST = dt.date(2000, 1, 1)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def latest() -> dt.date:
    """The last date one may ask about: 31 December of next year (as the JP ledger)."""
    return dt.date(today().year + 1, 12, 31)


def parse_date(text: str | None) -> tuple[dt.date | None, str | None]:
    """(date, None), or (None, an Indonesian message) for text that is no date in range."""
    text = (text or "").strip()
    if not text:
        return today(), None
    if not _ISO_DATE.fullmatch(text):
        return None, "Tanggal harus berformat TTTT-BB-HH, misalnya 2026-11-28."
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        return None, f"Tanggal {text} tidak ada di kalender."
    if not EARLIEST <= value <= latest():
        return None, (f"Tanggal harus antara {tanggal(EARLIEST)} dan {tanggal(latest())}.")
    return value, None
