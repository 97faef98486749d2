"""Administration: installed plugins, role grants, temporary passwords."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy import select

from portal.access import ADMINS, SDM, access, declared_access
from portal.admin.forms import GrantForm
from portal.admin.roles import ROLE_LABELS, grant_problem, grantable_roles
from portal.api import tokens
from portal.audit import record
from portal.auth import temporary
from portal.extensions import db
from portal.formfields import choices
from portal.inbox.notices import notify
from portal.models import Account, ApiToken, Employee, RoleGrant, Unit, UnitMechanism
from portal.operations.logs import security_event
from portal.plugins import registry
from portal.scope import can_edit_employee, manageable_units
from portal.web import render

bp = Blueprint("admin", __name__, url_prefix="/admin")


ADMIN_PAGES = (
    ("Plugin mekanisme", "admin.plugins", "Plugin yang terpasang, versi, model, hook, dan unit tempat aktif."),
    ("Peran pengguna", "admin.roles", "Berikan atau cabut peran admin dalam kewenangan Anda."),
    ("Pengaturan aturan", "ledger_admin.settings", "Nilai aturan SE dan nilai lokal, berversi."),
    ("Log audit", "ledger_admin.audit", "Siapa mengubah JP, pengaturan, atau peran, kapan, lama → baru."),
    ("Token API", "admin.api_tokens", "Semua token API setiap akun: kapan dibuat dan dipakai; cabut token."),
)


@bp.route("/")
@access(*ADMINS)
def index():
    pages = [
        {"label": label, "url": url_for(endpoint), "text": text}
        for label, endpoint, text in ADMIN_PAGES
        if (roles := declared_access(endpoint)) and current_user.has_any(*roles)
    ]
    return render("admin/index.html", pages=pages)


@bp.route("/plugin")
@access(*ADMINS)
def plugins():
    overrides = db.session.execute(
        select(UnitMechanism.slug, UnitMechanism.enabled, Unit.kode, Unit.nama)
        .join(Unit, UnitMechanism.unit_id == Unit.id).order_by(Unit.kode)
    ).all()
    by_slug: dict[str, list] = {}
    for slug, enabled, kode, nama in overrides:
        by_slug.setdefault(slug, []).append({"enabled": enabled, "kode": kode, "nama": nama})
    return render("admin/plugins.html", plugins=registry().installed(), overrides=by_slug)


def _grants_query():
    query = select(RoleGrant).join(Account, RoleGrant.account_id == Account.id)
    if not current_user.is_ministry_wide:
        query = query.join(Unit, RoleGrant.unit_id == Unit.id).where(manageable_units(current_user))
    return query.order_by(RoleGrant.role, RoleGrant.id)


@bp.route("/peran", methods=["GET", "POST"])
@access(*ADMINS)
def roles():
    form = GrantForm()
    form.role.choices = choices({r: ROLE_LABELS[r] for r in grantable_roles(current_user)})
    if form.validate_on_submit():
        employee = db.session.scalar(select(Employee).where(Employee.nip == form.nip.data.replace(" ", "")))
        unit = (db.session.scalar(select(Unit).where(Unit.kode == form.unit_kode.data.strip()))
                if form.unit_kode.data else None)
        if employee is None:
            form.nip.errors.append("Pegawai dengan NIP ini tidak ditemukan.")
        elif form.unit_kode.data and unit is None:
            form.unit_kode.errors.append("Unit tidak ditemukan.")
        elif problem := grant_problem(current_user, form.role.data, unit):
            form.role.errors.append(problem)
        else:
            account = db.session.scalar(select(Account).where(Account.employee_id == employee.id))
            if account is None:
                account = Account(employee=employee)
                db.session.add(account)
                db.session.flush()
            exists = any(g.role == form.role.data and g.unit_id == (unit.id if unit else None)
                         for g in account.grants)
            if exists:
                flash(f"{employee.nama} sudah memiliki peran ini.", "info")
            else:
                account.grants.append(RoleGrant(role=form.role.data, unit_id=unit.id if unit else None,
                                                granted_by_id=current_user.id))
                record("role.grant", "account", employee.nip, None,
                       {"role": form.role.data, "unit": unit.kode if unit else None},
                       summary=f"Peran {form.role.data} untuk {employee.nama}")
                db.session.commit()
                security_event("role_granted", nip=employee.nip, role=form.role.data, by_account=current_user.id)
                flash(f"Peran {ROLE_LABELS[form.role.data]} diberikan kepada {employee.nama}.", "success")
            return redirect(url_for("admin.roles"))
    grants = db.session.scalars(_grants_query()).all()
    return render("admin/roles.html", form=form, grants=grants, labels=ROLE_LABELS)


@bp.route("/peran/<int:grant_id>/cabut", methods=["POST"])
@access(*ADMINS)
def revoke(grant_id: int):
    grant = db.session.get(RoleGrant, grant_id)
    if grant is None or grant not in db.session.scalars(_grants_query()).all():
        abort(404)
    if grant_problem(current_user, grant.role, grant.unit):
        abort(403)
    if grant.account_id == current_user.id and grant.role in ("admin_sdm", "superadmin"):
        flash("Anda tidak dapat mencabut peran admin milik sendiri.", "error")
        return redirect(url_for("admin.roles"))
    employee = grant.account.employee
    record("role.revoke", "account", employee.nip,
           {"role": grant.role, "unit": grant.unit.kode if grant.unit else None}, None,
           summary=f"Peran {grant.role} dicabut dari {employee.nama}")
    db.session.delete(grant)
    db.session.commit()
    security_event("role_revoked", nip=employee.nip, role=grant.role, by_account=current_user.id)
    flash(f"Peran {ROLE_LABELS[grant.role]} dicabut dari {employee.nama}.", "success")
    return redirect(url_for("admin.roles"))


@bp.route("/pegawai/<int:employee_id>/kata-sandi-sementara", methods=["POST"])
@access(*ADMINS)
def temporary_password(employee_id: int):
    """Generate a one-time password shown once; the admin never chooses it (ASVS 6.4). Only for
    accounts below the admin's authority; it expires, forces a change, ends sessions and API
    tokens, and the holder is told (portal.auth.temporary)."""
    employee = db.session.get(Employee, employee_id)
    if employee is None or not can_edit_employee(current_user, employee):
        abort(404)
    account = db.session.scalar(select(Account).where(Account.employee_id == employee.id))
    if problem := temporary.reset_problem(current_user, employee, account):
        flash(problem, "error")
        return redirect(url_for("employees.detail", employee_id=employee.id))
    if account is None:
        account = Account(employee=employee)
        db.session.add(account)
    password, expires = temporary.issue(current_user, employee, account)
    db.session.commit()
    return render("admin/temporary_password.html", employee=employee, password=password,
                  expires=expires)


@bp.route("/token-api")
@access(*SDM)
def api_tokens():
    """Admin SDM lists every account's API tokens (newest first) and revokes any of them."""
    rows = db.session.scalars(select(ApiToken).order_by(ApiToken.revoked_at.is_not(None),
                                                        ApiToken.created_at.desc()).limit(500)).all()
    return render("admin/api_tokens.html", tokens=rows)


@bp.route("/token-api/<int:token_id>/cabut", methods=["POST"])
@access(*SDM)
def revoke_api_token(token_id: int):
    try:
        row = tokens.revoke(token_id, actor_id=current_user.id)
    except tokens.TokenError as error:
        flash(str(error), "error")
        return redirect(url_for("admin.api_tokens"))
    notify([row.account.employee], "Token API Anda dicabut",
           f"Token '{row.name}' dicabut oleh {current_user.employee.nama} (Admin SDM).")
    db.session.commit()
    flash(f"Token API '{row.name}' milik {row.account.employee.nama} dicabut.", "success")
    return redirect(url_for("admin.api_tokens"))
