"""What the home page shows each role: the work waiting for them (the inbox, grouped, oldest
first, with its age) and, for those who lead people, a summary of their team's JP."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from portal import audit_cache
from portal.access import MANAGERS
from portal.clock import today
from portal.extensions import db
from portal.inbox.tasks import InboxItem, grouped, pending_items
from portal.ledger import team
from portal.models import Account

ITEMS_PER_GROUP = 5
BEHIND_SHOWN = 5


@dataclass(frozen=True)
class Waiting:
    item: InboxItem
    days: int | None  # how long it has waited; None when the plugin does not know


def waiting(user: Account) -> dict:
    """``{"total": n, "groups": [(kind, [Waiting…], more)]}``: every group, its oldest first."""
    items = pending_items(user)
    day = today()
    groups = []
    for kind, members in grouped(items):
        shown = [Waiting(i, (day - i.task.since).days if i.task.since else None)
                 for i in members[:ITEMS_PER_GROUP]]
        groups.append((kind, shown, len(members) - len(shown)))
    # The group whose oldest task has waited longest comes first.
    groups.sort(key=lambda g: -max((w.days or 0) for w in g[1]) if g[1] else 0)
    return {"total": len(items), "groups": groups}


def team_summary(user: Account) -> dict | None:
    """Share at target and who is furthest behind this year, for atasan, pimpinan and admins."""
    if not user.has_any(*MANAGERS):
        return None
    flt = team.TeamFilter(year=today().year)
    try:  # kept until something audited changes (portal.audit_cache): the ministry is 26,000 rows
        return audit_cache.cached(("home-team", *team.scope_key(user, flt), today()),
                                  lambda: _team_summary(user, flt))
    except SQLAlchemyError:  # a home page never fails for a summary
        db.session.rollback()
        return None


def _team_summary(user: Account, flt: team.TeamFilter) -> dict | None:
    stats = team.statistics(user, flt)
    if not stats["employees"]:
        return None
    behind = db.session.execute(team.behind_list(user, flt).limit(BEHIND_SHOWN)).all()
    return {"year": flt.year, "stats": stats, "behind": behind}
