"""Time in one place: today's date where the ministry works (WIB) and the UTC moment stored.

Years and months of the ledger, deadlines and dates shown follow :func:`today` (WIB); stored
timestamps are naive UTC (:func:`utcnow`). Tests set the date with the ``clock`` fixture
(:func:`freeze`)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
# A date set by tests (the ``clock`` fixture of portal.testing); never set in production.
_frozen: dt.date | None = None


def today() -> dt.date:
    return _frozen or dt.datetime.now(WIB).date()


def freeze(day: dt.date | None) -> None:
    """Make :func:`today` answer ``day`` (``None``: the real date again). For tests only."""
    global _frozen
    _frozen = day


def utcnow() -> dt.datetime:
    """Now in UTC, naive (how timestamps are stored)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def wib_date(moment: dt.datetime) -> dt.date:
    """The WIB date of a stored moment (naive datetimes are stored in UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(WIB).date()
