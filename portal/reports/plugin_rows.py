"""Calling ``portal_report_rows`` for the plugins switched on for a unit."""

from __future__ import annotations

import logging
from decimal import Decimal

from portal.ledger.numbers import jp_number
from portal.mechanisms.switches import disabled_slugs
from portal.models import Unit
from portal.plugins import registry
from portal.types import ReportColumn, ReportPeriod, ReportRows

log = logging.getLogger(__name__)


def contributions(kind: str, unit: Unit, period: ReportPeriod) -> list[ReportRows]:
    caller = registry().hook_excluding("portal_report_rows", disabled_slugs(unit))
    results = caller(kind=kind, unit=unit, period=period)
    valid = []
    for result in results:
        if isinstance(result, ReportRows):
            valid.append(result)
        else:
            log.warning("portal_report_rows returned %r, ignored", type(result).__name__)
    return sorted(valid, key=lambda r: r.slug)


def _add(current: object, value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return value
    return jp_number(Decimal(str(current or 0)) + Decimal(str(value)))


def plugin_rows(kind: str, unit: Unit, period: ReportPeriod
                ) -> tuple[list[ReportColumn], dict[int, dict]]:
    """Columns (keys prefixed with the plugin's slug) and values per employee id."""
    columns: list[ReportColumn] = []
    values: dict[int, dict] = {}
    for part in contributions(kind, unit, period):
        for column in part.columns:
            columns.append(ReportColumn(f"{part.slug}.{column.key}", column.label, column.numeric))
        for row in part.rows:
            employee_id = row.get("employee_id")
            if not isinstance(employee_id, int):
                continue
            target = values.setdefault(employee_id, {})
            for column in part.columns:
                if column.key in row:
                    key = f"{part.slug}.{column.key}"
                    value = row[column.key]
                    target[key] = _add(target.get(key), value) if column.numeric else value
    return columns, values
