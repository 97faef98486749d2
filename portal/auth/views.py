"""Sign in with NIP and password, sign out, change password."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select

from portal.access import PUBLIC, ROLES, access
from portal.audit import record
from portal.auth import passwords, temporary
from portal.auth.forms import LoginForm, PasswordChangeForm
from portal.extensions import db, limiter
from portal.models import Account, Employee
from portal.models.account import utcnow
from portal.web import is_safe_next, render

bp = Blueprint("auth", __name__)

FAILED = "NIP atau kata sandi salah."
TEMPORARY_EXPIRED = "Kata sandi sementara sudah kedaluwarsa; minta admin membuat yang baru."


def _nip_key() -> str:
    return "nip:" + "".join(ch for ch in request.form.get("nip", "") if ch.isdigit())[:18]


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
    form = LoginForm()
    if form.validate_on_submit():
        nip = "".join(ch for ch in form.nip.data if ch.isdigit())
        account = db.session.scalar(select(Account).join(Employee).where(Employee.nip == nip))
        valid = passwords.verify(account.password_hash if account else None, form.password.data)
        if valid and account.is_enabled and temporary.expired(account):
            form.password.errors.append(TEMPORARY_EXPIRED)
            return render("auth/login.html", form=form)
        if valid and account.is_enabled:
            session.clear()  # a fresh session on every sign-in
            login_user(account)
            session.permanent = True
            account.last_login_at = utcnow()
            db.session.commit()
            if account.must_change_password:
                return redirect(url_for("auth.change_password"))
            target = request.args.get("next")
            return redirect(target if is_safe_next(target) else url_for("home.index"))
        current_app.logger.info("failed sign-in for %r", nip[:18])
        form.password.errors.append(FAILED)
    return render("auth/login.html", form=form)


@bp.route("/keluar", methods=["POST"])
@access(*ROLES)
def logout():
    # Rotating the token makes every copy of this session cookie worthless.
    current_user.rotate_session_token()
    db.session.commit()
    logout_user()
    session.clear()
    flash("Anda telah keluar.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/akun/kata-sandi", methods=["GET", "POST"])
@access(*ROLES)
def change_password():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        if not passwords.verify(current_user.password_hash, form.current.data):
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
            flash("Kata sandi berhasil diganti.", "success")
            return redirect(url_for("home.index"))
    return render("auth/password.html", form=form)
