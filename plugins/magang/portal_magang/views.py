"""/m/magang/: the dashboard card (the lifecycle pages are the core's /penempatan/magang/)."""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user
from sqlalchemy import select

from portal.sdk import ROLES, Placement, access, blocks_of, db, periods, render, today
from portal_magang.kind import SLUG

bp = Blueprint("magang", __name__, template_folder="templates")


@bp.route("/kartu")
@access(*ROLES)
def card():
    mine = list(db.session.scalars(select(Placement).where(
        Placement.kind == SLUG, Placement.employee_id == current_user.employee_id)
        .order_by(Placement.id.desc()).limit(5)))
    day = today()
    late = {p.id: sum(1 for period in periods(p, day) if period.overdue) for p in mine if p.running}
    blocked = [b for b in blocks_of(current_user.employee_id) if b.active_on(day)]
    return render("magang/card.html", block="card", mine=mine, late=late, blocked=blocked)
