"""Reading query-string parameters (page, filters, years) safely: a forged value never
reaches ``int()``/``date()`` unchecked, so no query parameter can cause a 500 (issue 15 item 7).
Every year parameter of every route goes through :func:`parse_year`."""

from __future__ import annotations

import datetime as dt
import re

from flask import request

from portal.text_input import clean_text

EARLIEST_YEAR = 2000  # the JP ledger's first year (portal.ledger.service.MIN_YEAR)


def year_bounds() -> tuple[int, int]:
    """The years one may ask about: 2000 up to next year."""
    from portal.clock import today

    return EARLIEST_YEAR, today().year + 1


def parse_year(raw: str | None) -> tuple[int | None, str | None]:
    """(year, None); (None, None) when empty; (None, an Indonesian message) for anything but
    four ASCII digits within :func:`year_bounds`."""
    text = (raw or "").strip()
    if not text:
        return None, None
    low, high = year_bounds()
    if len(text) != 4 or not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        return None, f"Tahun harus empat angka antara {low} dan {high}."
    return int(text), None


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_bounds() -> tuple[dt.date, dt.date]:
    """The dates a filter may name: 1 January 2000 up to the end of the fifth year ahead (plans
    and placements look ahead; nothing the portal stores lies outside)."""
    from portal.clock import today

    return dt.date(EARLIEST_YEAR, 1, 1), dt.date(today().year + 5, 12, 31)


def parse_date_text(raw: str | None, low: dt.date | None = None,
                    high: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """(date, None); (None, None) when empty; (None, an Indonesian message) unless ``TTTT-BB-HH``
    in ASCII digits, a real calendar day, within ``low``…``high`` (default :func:`date_bounds`).
    Every date parameter goes through here, so none can overflow date arithmetic later."""
    text = (raw or "").strip()
    if not text:
        return None, None
    shown = text[:20]
    if not (text.isascii() and _ISO_DATE.fullmatch(text)):
        return None, f"Tanggal '{shown}' tidak valid; gunakan format TTTT-BB-HH, misalnya 2026-11-28."
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        return None, f"Tanggal '{shown}' tidak valid: tidak ada di kalender."
    default_low, default_high = date_bounds()
    low, high = low or default_low, high or default_high
    if not low <= value <= high:
        return None, f"Tanggal harus antara {low.isoformat()} dan {high.isoformat()}."
    return value, None


def year_filter(name: str = "tahun") -> str:
    """A list filter's year as text: a valid year, else '' (the list is not filtered)."""
    year, _ = parse_year(request.args.get(name))
    return str(year) if year else ""


def page_number() -> int:
    try:
        return max(1, min(int(request.args.get("page", "1")[:12]), 100_000))
    except ValueError:
        return 1


def arg(name: str, allowed: tuple[str, ...] | None = None, max_length: int = 100) -> str:
    """One query-string value; the first if repeated; '' when not in ``allowed``."""
    value = clean_text(request.args.get(name) or "").strip()[:max_length]
    if allowed is not None and value not in allowed:
        return ""
    return value


def parse_id(raw: str | None) -> int | None:
    """A database id typed or forged by the user: ASCII digits only (``"²"`` passes
    ``str.isdigit`` and breaks ``int``), at most 11 of them; else None."""
    text = (raw or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 12 else None


def int_arg(name: str) -> int | None:
    return parse_id(request.args.get(name))
