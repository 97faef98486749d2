"""Rows of the core's historical activities import for ``formal`` (G-01 types, FL-01 JP)."""

from __future__ import annotations

from portal.sdk import ActivityRow, ImportVerdict, import_verdict
from portal_formal.jp import SLUG, parse_jp


def import_row(row: ActivityRow) -> ImportVerdict | None:
    """Accept a formal training row with the JP stated on its certificate, or say why not."""
    verdict = import_verdict(row, SLUG)
    if verdict is None or not verdict.accepted:
        return verdict
    try:
        parse_jp(str(row.jp))
    except ValueError as error:
        return ImportVerdict(False, str(error), None)
    return verdict
