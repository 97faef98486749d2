"""Today's date where the ministry works (WIB): years and months of the ledger follow it."""

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


def wib_date(moment: dt.datetime) -> dt.date:
    """The WIB date of a stored moment (naive datetimes are stored in UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(WIB).date()
