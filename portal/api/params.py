"""Query parameters of the API: ``year`` and ``date`` (400 with a message when invalid)."""

from __future__ import annotations

import datetime as dt

from flask import request

from portal.api.responses import ApiError
from portal.clock import today
from portal.eligibility.dates import parse_date
from portal.pagination import parse_year


def year() -> int:
    """``?year=YYYY`` (default: this year) between 2000 and next year."""
    found, problem = parse_year(request.args.get("year"))
    if problem:
        raise ApiError(400, f"Parameter year tidak valid: {problem}")
    return found or today().year


def since() -> dt.datetime | None:
    """``?since=`` an ISO 8601 moment (``2026-11-01T08:00:00Z``, an offset, or a date; no
    offset means UTC) as naive UTC, or None when absent."""
    text = (request.args.get("since") or "").strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise ApiError(400, "Parameter since harus waktu ISO 8601, misalnya "
                            "2026-11-01T08:00:00Z.") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def optional_year() -> int | None:
    """``?year=YYYY`` when given (checked as :func:`year`), else None: every year."""
    return year() if (request.args.get("year") or "").strip() else None


def on_date() -> dt.date:
    """``?date=YYYY-MM-DD`` (default: today, WIB) within the range of eligibility checks."""
    value, problem = parse_date(request.args.get("date"))
    if problem:
        raise ApiError(400, f"Parameter date tidak valid: {problem}")
    return value
