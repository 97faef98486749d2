"""Reading list parameters (page, filters) safely from the query string."""

from __future__ import annotations

from flask import request


def page_number() -> int:
    try:
        return max(1, min(int(request.args.get("page", "1")), 100_000))
    except ValueError:
        return 1


def arg(name: str, allowed: tuple[str, ...] | None = None, max_length: int = 100) -> str:
    """One query-string value; the first if repeated; '' when not in ``allowed``."""
    value = (request.args.get(name) or "").strip()[:max_length]
    if allowed is not None and value not in allowed:
        return ""
    return value


def int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() and len(value) < 12 else None
