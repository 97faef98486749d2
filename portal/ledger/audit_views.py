"""Log audit (/admin/audit): who did what to which record, when, old → new.

admin SDM and superadmin see every entry; an admin_unit sees the entries they made and those
made by people of the unit subtrees they administer. Confidential entries (CM-01) are read by
admin SDM and their own actor only.
"""

from __future__ import annotations

import datetime as dt

from flask import current_app, request
from flask_login import current_user
from sqlalchemy import ColumnElement, and_, not_, or_, select, true

from portal.access import ADMINS, access
from portal.clock import WIB
from portal.extensions import db
from portal.ledger.paging import paginate_rows
from portal.ledger.params import date_value
from portal.models import Account, AuditLog, Employee, Unit
from portal.pagination import page_number
from portal.routes import Routes
from portal.web import render

routes = Routes()


def audit_scope(user: Account) -> ColumnElement[bool]:
    """Entries the account may read (AuditLog outer-joined to the actor's employee and unit)."""
    # CM-01: entries about confidential records are read by the HR unit's staff (admin SDM) and
    # by their own actor only.
    hidden = None if user.has_any("admin_sdm") else and_(AuditLog.confidential.is_(True),
                                                          AuditLog.actor_id != user.id)
    if user.is_ministry_wide:
        return true() if hidden is None else not_(hidden)
    clauses = [AuditLog.actor_id == user.id]
    clauses += [Unit.path.startswith(path, autoescape=True) for path in user.admin_unit_paths]
    return and_(or_(*clauses), not_(hidden))


def _scoped(query):
    """``query`` joined to the actor's employee and unit, limited to the user's scope."""
    actor = db.aliased(Account)
    return (query.outerjoin(actor, actor.id == AuditLog.actor_id)
            .outerjoin(Employee, Employee.id == actor.employee_id)
            .outerjoin(Unit, Unit.id == Employee.unit_id)
            .where(audit_scope(current_user)))


def _utc_midnight(day: dt.date) -> dt.datetime:
    """Midnight WIB of ``day`` as the naive UTC time the audit log stores."""
    return dt.datetime.combine(day, dt.time(), tzinfo=WIB).astimezone(dt.UTC).replace(tzinfo=None)


def _changes(old: dict | None, new: dict | None) -> list[tuple[str, object, object]]:
    old, new = old or {}, new or {}
    keys = list(dict.fromkeys([*old, *new]))
    return [(key, old.get(key, "—"), new.get(key, "—")) for key in keys]


@routes.route("/audit")
@access(*ADMINS)
def audit():
    errors = []
    action = (request.args.get("aksi") or "").strip()[:60]
    nip = "".join(ch for ch in request.args.get("nip", "") if ch.isdigit())[:18]
    start = end = None
    try:
        start = date_value(request.args.get("dari"))
        end = date_value(request.args.get("sampai"))
    except ValueError as error:
        errors.append(str(error))
    query = _scoped(select(AuditLog, Employee.nama, Employee.nip))
    actions = list(db.session.scalars(
        _scoped(select(AuditLog.action)).distinct().order_by(AuditLog.action)))
    if action:
        query = query.where(AuditLog.action == action)
    if start:
        query = query.where(AuditLog.at >= _utc_midnight(start))
    if end:
        query = query.where(AuditLog.at < _utc_midnight(end + dt.timedelta(days=1)))
    if nip:
        query = query.where(Employee.nip == nip)
    page = paginate_rows(query.order_by(AuditLog.at.desc(), AuditLog.id.desc()), page_number(),
                         current_app.config["PORTAL_PAGE_SIZE"])
    args = {key: value for key, value in (
        ("aksi", action), ("nip", nip), ("dari", start.isoformat() if start else ""),
        ("sampai", end.isoformat() if end else "")) if value}
    return render("ledger/audit.html", block="audit_list", page=page, actions=actions,
                  errors=errors, args=args, changes=_changes)
