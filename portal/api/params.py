"""Query parameters of the API: ``year`` and ``date`` (400 with a message when invalid)."""

from __future__ import annotations

import datetime as dt

from flask import request

from portal.api.responses import ApiError
from portal.eligibility.dates import parse_date
from portal.ledger.clock import today
from portal.pagination import parse_year


def year() -> int:
    """``?year=YYYY`` (default: this year) between 2000 and next year."""
    found, problem = parse_year(request.args.get("year"))
    if problem:
        raise ApiError(400, f"Parameter year tidak valid: {problem}")
    return found or today().year


def on_date() -> dt.date:
    """``?date=YYYY-MM-DD`` (default: today, WIB) within the range of eligibility checks."""
    value, problem = parse_date(request.args.get("date"))
    if problem:
        raise ApiError(400, f"Parameter date tidak valid: {problem}")
    return value
