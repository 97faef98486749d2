"""Moved to :mod:`portal.clock` (the clock is not the ledger's); names kept for old imports."""

from portal.clock import WIB, freeze, today, wib_date

__all__ = ["WIB", "freeze", "today", "wib_date"]
