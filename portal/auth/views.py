"""Sign in with NIP and password, sign out, change password."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select

from portal.access import PUBLIC, ROLES, access
from portal.audit import record
from portal.auth import directory, passwords, session_limits, temporary
from portal.auth.forms import LoginForm, PasswordChangeForm
from portal.extensions import db, limiter
from portal.models import Account, Employee
from portal.models.account import utcnow
from portal.operations.logs import security_event
from portal.web import is_safe_next, render

bp = Blueprint("auth", __name__)

FAILED = "NIP atau kata sandi salah."
TEMPORARY_EXPIRED = "Kata sandi sementara sudah kedaluwarsa; minta admin membuat yang baru."
NOT_IN_PORTAL = ("Direktori kementerian mengenali Anda, tetapi NIP ini belum memiliki akun di "
                 "portal. Hubungi admin SDM unit Anda.")
DIRECTORY_DOWN = ("Direktori kementerian (LDAP) sedang tidak dapat dihubungi. Coba lagi beberapa "
                  "saat lagi")


def _nip_key() -> str:
    """Failed sign-ins count per NIP *and* client address (issue 15 item 6): an attacker
    elsewhere is throttled without locking the holder out of their own address. The address
    limit (``PORTAL_LOGIN_LIMIT_ADDRESS``) bounds each address over all NIPs."""
    nip = "".join(ch for ch in request.form.get("nip", "") if ch.isascii() and ch.isdigit())[:18]
    return f"nip:{nip}@{_address()}"


def _address() -> str:
    return request.remote_addr or "-"


def _reauth_key() -> str:
    return f"reauth:{current_user.get_id()}"


def _reauth_failed(response) -> bool:
    return bool(g.get("reauth_failed"))


def _failed(response) -> bool:
    return response.status_code != 302


@bp.route("/masuk", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(lambda: current_app.config["PORTAL_LOGIN_LIMIT_ADDRESS"], methods=["POST"],
               deduct_when=_failed)
@limiter.limit(lambda: current_app.config["PORTAL_LOGIN_LIMIT_ACCOUNT"], methods=["POST"],
               key_func=_nip_key, deduct_when=_failed)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    if request.method == "GET" and request.args.get("keluar") == "1":
        flash("Anda telah keluar.", "info")
    form = LoginForm()
    if form.validate_on_submit():
        nip = "".join(ch for ch in form.nip.data if ch.isdigit())
        account = db.session.scalar(select(Account).join(Employee).where(Employee.nip == nip))
        checked = _check_password(form, nip, account)
        if checked is None:  # a message is on the form already
            return render("auth/login.html", form=form)
        valid, local = checked
        if valid and local and account.is_enabled and temporary.expired(account):
            form.password.errors.append(TEMPORARY_EXPIRED)
            return render("auth/login.html", form=form)
        if valid and account.is_enabled:
            session.clear()  # a fresh session on every sign-in
            login_user(account)
            session.permanent = True
            session_limits.start()
            account.last_login_at = utcnow()
            db.session.commit()
            if account.must_change_password:
                return redirect(url_for("auth.change_password"))
            target = request.args.get("next")
            return redirect(target if is_safe_next(target) else url_for("home.index"))
        security_event("sign_in_failed", nip=nip[:18], address=request.remote_addr)
        form.password.errors.append(FAILED)
    return render("auth/login.html", form=form)


def _check_password(form: LoginForm, nip: str, account: Account | None) -> tuple[bool, bool] | None:
    """(password right, checked locally); None when the answer is a message on the form.

    With the directory on (``PORTAL_LDAP_URL``) a NIP found there signs in with the directory
    password only. A NIP not in the directory, or any NIP while the directory is down, uses the
    portal's own password unless ``PORTAL_LOCAL_PASSWORDS=0``.
    """
    password = form.password.data
    local_allowed = current_app.config["PORTAL_LOCAL_PASSWORDS"]
    if directory.enabled():
        outcome = directory.authenticate(nip, password)
        if outcome.status == directory.FOUND:
            if account is None:
                current_app.logger.info("directory sign-in without a portal account: %r", nip)
                form.nip.errors.append(NOT_IN_PORTAL)
                return None
            return True, False
        if outcome.status == directory.WRONG_PASSWORD:
            return False, False
        if outcome.status == directory.UNAVAILABLE:
            if not local_allowed:
                form.password.errors.append(DIRECTORY_DOWN + "; masuk dengan kata sandi portal "
                                                             "dinonaktifkan.")
                return None
            valid = passwords.verify(account.password_hash if account else None, password)
            if not valid:
                form.password.errors.append(DIRECTORY_DOWN + "; bila akun Anda memiliki kata "
                                                             "sandi portal, masuk dengan kata "
                                                             "sandi itu.")
                return None
            return True, True
    if not local_allowed:
        return False, True
    return passwords.verify(account.password_hash if account else None, password), True


@bp.route("/keluar", methods=["POST"])
@access(*ROLES)
def logout():
    # Rotating the token makes every copy of this session cookie worthless.
    current_user.rotate_session_token()
    db.session.commit()
    logout_user()
    session.clear()
    response = redirect(url_for("auth.login", keluar=1))
    # Nothing of the session stays in this browser: cached pages, cookies, storage (issue 15).
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@bp.route("/akun/kata-sandi", methods=["GET", "POST"])
@access(*ROLES)
@limiter.limit(lambda: current_app.config["PORTAL_REAUTH_LIMIT"], methods=["POST"],
               key_func=_reauth_key, deduct_when=_reauth_failed)
def change_password():
    """Re-authentication by the current password, throttled per account (issue 15 item 6):
    a stolen session cannot guess the password it would need to take the account over."""
    form = PasswordChangeForm()
    if form.validate_on_submit():
        if not passwords.verify(current_user.password_hash, form.current.data):
            g.reauth_failed = True
            form.current.errors.append("Kata sandi saat ini salah.")
        elif found := passwords.problems(form.new.data, current_user.employee.nip):
            form.new.errors.extend(found)
        elif current_user.must_change_password and form.new.data == form.current.data:
            form.new.errors.append("Kata sandi baru harus berbeda dari kata sandi sementara.")
        else:
            current_user.password_hash = passwords.hash_password(form.new.data)
            temporary.chosen(current_user)
            current_user.rotate_session_token()
            record("account.password", "account", current_user.id, None, None,
                   summary="Kata sandi diganti")
            db.session.commit()
            login_user(current_user._get_current_object())
            session_limits.start()
            flash("Kata sandi berhasil diganti.", "success")
            return redirect(url_for("home.index"))
    return render("auth/password.html", form=form)
