"""Reading the ledger pages' query parameters; a forged value answers 404, never 500."""

from __future__ import annotations

import datetime as dt

from flask import abort, request

from portal.ledger.clock import today
from portal.ledger.service import MIN_YEAR
from portal.pagination import parse_year


def year_arg(name: str = "tahun") -> int:
    """The year asked for (default: this year); 404 for anything but a plausible year."""
    year, problem = parse_year(request.args.get(name))
    if problem:
        abort(404)
    return year or today().year


def date_value(raw: str | None) -> dt.date | None:
    """An ISO date (``2026-11-28``) or ``None``; raises ValueError with an Indonesian message."""
    text = (raw or "").strip()
    if not text:
        return None
    try:
        value = dt.date.fromisoformat(text[:10]) if len(text) == 10 else None
    except ValueError:
        value = None
    if value is None:
        raise ValueError(f"Tanggal '{text[:20]}' tidak valid; gunakan format TTTT-BB-HH.")
    if not dt.date(MIN_YEAR, 1, 1) <= value <= dt.date(today().year + 5, 12, 31):
        raise ValueError(f"Tanggal harus antara tahun {MIN_YEAR} dan {today().year + 5}.")
    return value
