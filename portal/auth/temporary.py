"""Temporary passwords without an impersonation path (docs/security.md, "Kata sandi sementara").

An admin sets a temporary password only on an account below their authority — granted roles
they could not grant, and authority from data (atasan, unit head, placement mentor, the
confidential parts plugins declare through ``portal_confidential_parts``) unless the admin is
ministry-wide. The password is generated (never chosen), shown once, expires after
``PORTAL_TEMPORARY_PASSWORD_HOURS``, and until its holder chooses their own password they can
do nothing else. Setting it ends the account's sessions and revokes its API tokens; the holder
is told in their inbox and the change is audited.
"""

from __future__ import annotations

import datetime as dt
import secrets

from flask import current_app, flash, redirect, request, url_for
from flask_login import current_user, logout_user
from sqlalchemy import exists, select

from portal.api import tokens
from portal.audit import record
from portal.auth import passwords
from portal.extensions import db
from portal.i18n import waktu
from portal.inbox.notices import notify
from portal.models import Account, ApiToken, Employee, Unit
from portal.models.account import utcnow
from portal.operations.logs import security_event

DEFAULT_HOURS = 72
# What a holder of a temporary password may still open: the change page, signing out, assets.
OPEN_ENDPOINTS = {"auth.change_password", "auth.logout", "static"}


def hours() -> int:
    return int(current_app.config.get("PORTAL_TEMPORARY_PASSWORD_HOURS", DEFAULT_HOURS))


def derived_parts(employee: Employee) -> list[str]:
    """Authority the data gives ``employee`` over other people's records."""
    from portal.placements.models import Placement
    from portal.plugins import registry

    found = []
    if db.session.scalar(select(exists().where(Employee.supervisor_id == employee.id))):
        found.append("atasan langsung")
    if db.session.scalar(select(exists().where(Unit.head_id == employee.id))):
        found.append("pimpinan unit")
    if db.session.scalar(select(exists().where(Placement.mentor_employee_id == employee.id))):
        found.append("mentor penempatan")
    for parts in registry().pm.hook.portal_confidential_parts(employee=employee):
        found += [part.lower() for part in parts or ()]
    return found


def _above(actor: Account, grant) -> bool:
    """``actor`` is strictly above the holder of ``grant``: a peer is not above (an admin SDM
    does not reset another admin SDM; an admin_unit only admins of a narrower subtree)."""
    if grant.role == "superadmin":
        return False  # only on the server: flask users set-password
    if grant.role == "admin_sdm":
        return "superadmin" in actor.roles
    if actor.is_ministry_wide:
        return True
    path = grant.unit.path if grant.unit else ""
    return any(path.startswith(mine) and path != mine for mine in actor.admin_unit_paths)


def reset_problem(actor: Account, employee: Employee, account: Account | None) -> str | None:
    """Why ``actor`` may not set a temporary password for ``employee`` (None: allowed)."""
    if employee.id == actor.employee_id:
        return "Untuk akun Anda sendiri gunakan halaman Ganti kata sandi."
    if account is not None and not all(_above(actor, grant) for grant in account.grants):
        return ("Akun ini memegang peran admin yang setara atau di atas kewenangan Anda; kata "
                "sandi sementara dibuat oleh admin di atas kewenangannya.")
    if not actor.is_ministry_wide and (parts := derived_parts(employee)):
        return ("Hanya Admin SDM yang dapat membuat kata sandi sementara untuk akun ini, karena "
                f"pemegangnya adalah {', '.join(parts)}.")
    return None


def issue(actor: Account, employee: Employee, account: Account) -> tuple[str, dt.datetime]:
    """Set a new temporary password; returns (the password, shown once; its expiry)."""
    password = secrets.token_urlsafe(12)
    expires = utcnow() + dt.timedelta(hours=hours())
    account.password_hash = passwords.hash_password(password)
    account.must_change_password = True
    account.temporary_password_expires_at = expires
    account.temporary_password_by_id = actor.id
    account.rotate_session_token()  # every session of the account ends
    db.session.flush()
    live = db.session.scalars(select(ApiToken).where(ApiToken.account_id == account.id,
                                                     ApiToken.revoked_at.is_(None))).all()
    for token in live:
        tokens.revoke(token.id, actor_id=actor.id)
    record("account.temporary_password", "account", employee.nip, None,
           {"berlaku_sampai": expires.isoformat(timespec="minutes"), "token_api_dicabut": len(live)},
           summary=f"Kata sandi sementara untuk {employee.nama}", actor_id=actor.id)
    security_event("temporary_password_set", nip=employee.nip, by_account=actor.id)
    ended = f" dan {len(live)} token API" if live else ""
    notify([employee], "Kata sandi sementara dibuat untuk akun Anda",
           f"Dibuat oleh {actor.employee.nama} pada {waktu(utcnow())}; berlaku "
           f"sampai {waktu(expires)} dan harus diganti saat masuk. Semua sesi"
           f"{ended} akun Anda diakhiri. Jika Anda tidak memintanya, segera hubungi Admin SDM.")
    return password, expires


def expired(account: Account) -> bool:
    return bool(account.must_change_password and account.temporary_password_expires_at
                and utcnow() > account.temporary_password_expires_at)


def chosen(account: Account) -> None:
    """The holder chose their own password: the temporary one is gone."""
    account.must_change_password = False
    account.temporary_password_expires_at = None
    account.temporary_password_by_id = None


def enforce_password_change():
    """before_request: a holder of a temporary password changes it before anything else."""
    if (request.endpoint is None or request.blueprint == "api" or not current_user.is_authenticated
            or not current_user.must_change_password):
        return None
    if expired(current_user):
        current_user.rotate_session_token()
        db.session.commit()
        logout_user()
        flash("Kata sandi sementara sudah kedaluwarsa; minta admin membuat yang baru.", "error")
        return redirect(url_for("auth.login"))
    if request.endpoint in OPEN_ENDPOINTS or request.endpoint.endswith(".static"):
        return None
    target = url_for("auth.change_password")
    if request.headers.get("HX-Request"):
        return "", 204, {"HX-Redirect": target}
    return redirect(target)
