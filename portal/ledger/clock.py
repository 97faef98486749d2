"""Today's date where the ministry works (WIB): years and months of the ledger follow it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def today() -> dt.date:
    return dt.datetime.now(WIB).date()


def wib_date(moment: dt.datetime) -> dt.date:
    """The WIB date of a stored moment (naive datetimes are stored in UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(WIB).date()
