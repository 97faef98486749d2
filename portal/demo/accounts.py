"""Accounts the plugins' demo data acts with (``portal_demo_data``)."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import Account, RoleGrant


def admin_sdm_account() -> Account | None:
    """The first admin SDM account: the HR unit's actor in demo workflows."""
    return db.session.scalar(select(Account).join(RoleGrant, RoleGrant.account_id == Account.id)
                             .where(RoleGrant.role == "admin_sdm").order_by(Account.id).limit(1))


def account_for(employee_id: int) -> Account:
    """The employee's account, for steps that are theirs (reports, endorsements, signatures); a demo
    employee without one gets an account with no password, which cannot sign in."""
    account = db.session.scalar(select(Account).where(Account.employee_id == employee_id))
    if account is None:
        account = Account(employee_id=employee_id)
        db.session.add(account)
        db.session.flush()
    return account
