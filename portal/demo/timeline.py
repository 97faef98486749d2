"""Demo records left waiting look like real work: they have waited days or weeks, not since the
moment ``flask demo load`` ran, so the inbox shows ages and its oldest-first order means
something."""

from __future__ import annotations

import datetime as dt
import random

from portal.clock import WIB, today, utcnow

LONGEST_WAIT_DAYS = 100


def waiting_since(rng: random.Random, after: dt.date | None = None,
                  longest_days: int = LONGEST_WAIT_DAYS) -> dt.datetime:
    """A stored (naive UTC) moment in the past ``longest_days`` days, office hours WIB, never
    before ``after`` (e.g. the end of the activity a report is about) and never in the future."""
    earliest = today() - dt.timedelta(days=longest_days)
    if after is not None:
        earliest = max(earliest, after)
    span = max((today() - earliest).days, 0)
    day = earliest + dt.timedelta(days=rng.randint(0, span))
    local = dt.datetime.combine(day, dt.time(rng.randint(8, 15), rng.randint(0, 59)), WIB)
    return min(local.astimezone(dt.UTC).replace(tzinfo=None), utcnow())
