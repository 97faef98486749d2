"""Today's date where the ministry works (WIB): years and months of the ledger follow it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def today() -> dt.date:
    return dt.datetime.now(WIB).date()
