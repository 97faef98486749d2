"""Reading the ledger pages' query parameters; a forged value answers 404, never 500."""

from __future__ import annotations

import datetime as dt

from flask import abort, request

from portal.clock import today
from portal.pagination import parse_date_text, parse_year


def year_arg(name: str = "tahun") -> int:
    """The year asked for (default: this year); 404 for anything but a plausible year."""
    year, problem = parse_year(request.args.get(name))
    if problem:
        abort(404)
    return year or today().year


def date_value(raw: str | None) -> dt.date | None:
    """An ISO date (``2026-11-28``) or ``None``; raises ValueError with an Indonesian message."""
    value, problem = parse_date_text(raw)
    if problem:
        raise ValueError(problem)
    return value
