"""Reading the date a check is for: ``YYYY-MM-DD``, today (WIB) when empty, within range."""

from __future__ import annotations

import datetime as dt

from portal.clock import today
from portal.pagination import parse_date_text

EARLIEST = dt.date(2000, 1, 1)


def latest() -> dt.date:
    """The last date one may ask about: 31 December of next year (as the JP ledger)."""
    return dt.date(today().year + 1, 12, 31)


def parse_date(text: str | None) -> tuple[dt.date | None, str | None]:
    """(date, None), or (None, an Indonesian message) for text that is no date in range; today
    when empty. The parsing is the core's one (:func:`portal.pagination.parse_date_text`)."""
    if not (text or "").strip():
        return today(), None
    return parse_date_text(text, EARLIEST, latest())
