"""The signed-in user's home page."""

from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user

from portal.access import ROLES, access
from portal.home import summary
from portal.mechanisms.switches import user_hook
from portal.web import render

bp = Blueprint("home", __name__)

ROLE_LABELS = {
    "pegawai": "Pegawai",
    "atasan": "Atasan langsung",
    "pimpinan_unit": "Pimpinan unit",
    "admin_unit": "Admin unit",
    "admin_sdm": "Admin SDM",
    "superadmin": "Superadmin",
    "manajemen_talenta": "Unit Kerja Pengelolaan Talenta",
}


@bp.route("/")
@access(*ROLES)
def index():
    widgets = sorted(
        (w for ws in user_hook("portal_dashboard_widgets", current_user)(user=current_user)
         for w in ws or ()),
        key=lambda w: (w.order, w.title),
    )
    cards = [{"title": w.title, "url": url_for(w.endpoint)} for w in widgets]
    roles = [ROLE_LABELS[r] for r in ROLES if r in current_user.roles]
    return render("home/index.html", employee=current_user.employee, roles=roles, cards=cards,
                  waiting=summary.waiting(current_user), team=summary.team_summary(current_user),
                  ahead=_ahead(current_user.employee))


HOME_OFFERS = 3


def _ahead(employee):
    """For an employee at risk or about to miss the target: the projection and the best offers
    (portal.opportunities); nothing for one on track."""
    from portal.clock import today
    from portal.ledger.projection import AT_RISK_STATUSES
    from portal.opportunities.service import offers
    from portal.opportunities.views import projection_of

    projection, by_model = projection_of(employee)
    if projection.status not in AT_RISK_STATUSES:
        return None
    found = offers(employee, today(), projection, by_model)
    return {"projection": projection,
            "offers": [offer for offer in found if offer.eligible is not False][:HOME_OFFERS]}
