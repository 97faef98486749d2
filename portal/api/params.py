"""Query parameters of the API: ``year`` and ``date`` (400 with a message when invalid)."""

from __future__ import annotations

import datetime as dt
import re

from flask import request

from portal.api.responses import ApiError
from portal.eligibility.dates import EARLIEST, latest, parse_date
from portal.ledger.clock import today

_YEAR = re.compile(r"[0-9]{4}")


def year() -> int:
    """``?year=YYYY`` (default: this year) between 2000 and next year."""
    text = (request.args.get("year") or "").strip()
    if not text:
        return today().year
    if not _YEAR.fullmatch(text) or not EARLIEST.year <= int(text) <= latest().year:
        raise ApiError(400, f"Parameter year harus tahun empat angka antara {EARLIEST.year} "
                            f"dan {latest().year}.")
    return int(text)


def on_date() -> dt.date:
    """``?date=YYYY-MM-DD`` (default: today, WIB) within the range of eligibility checks."""
    value, problem = parse_date(request.args.get("date"))
    if problem:
        raise ApiError(400, f"Parameter date tidak valid: {problem}")
    return value
