"""Command-line interface: ``flask users …``, ``flask units …``, ``flask employees …``, ``flask demo …``."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select

from portal.audit import record
from portal.auth import passwords
from portal.extensions import db
from portal.models import Account, Employee, RoleGrant

users = AppGroup("users", help="Akun dan peran.")
units = AppGroup("units", help="Unit organisasi.")
employees = AppGroup("employees", help="Data pegawai.")
demo = AppGroup("demo", help="Data contoh.")


def _employee(nip: str) -> Employee:
    employee = db.session.scalar(select(Employee).where(Employee.nip == nip.replace(" ", "")))
    if employee is None:
        raise click.ClickException(f"Pegawai dengan NIP {nip} tidak ditemukan.")
    return employee


def _account(employee: Employee) -> Account:
    account = db.session.scalar(select(Account).where(Account.employee_id == employee.id))
    if account is None:
        account = Account(employee=employee)
        db.session.add(account)
    return account


def _ask_password(nip: str) -> str:
    while True:
        password = click.prompt("Kata sandi", hide_input=True, confirmation_prompt="Ulangi kata sandi")
        found = passwords.problems(password, nip)
        if not found:
            return password
        for message in found:
            click.echo(message, err=True)


@users.command("create-admin")
@click.argument("nip")
def create_admin(nip: str) -> None:
    """Give an existing employee the roles admin_sdm and superadmin, and set a password."""
    employee = _employee(nip)
    account = _account(employee)
    account.password_hash = passwords.hash_password(_ask_password(employee.nip))
    account.rotate_session_token()
    db.session.flush()
    for role in ("admin_sdm", "superadmin"):
        if not any(g.role == role for g in account.grants):
            account.grants.append(RoleGrant(role=role))
            record("role.grant", "account", account.id, None, {"role": role},
                   summary=f"Peran {role} untuk {employee.nip} (CLI)")
    db.session.commit()
    click.echo(f"{employee.nama} ({employee.nip}) kini admin_sdm dan superadmin.")


@users.command("set-password")
@click.argument("nip")
def set_password(nip: str) -> None:
    """Set an employee's password (asked twice, not echoed); ends their open sessions."""
    employee = _employee(nip)
    account = _account(employee)
    account.password_hash = passwords.hash_password(_ask_password(employee.nip))
    account.rotate_session_token()
    record("account.password", "account", employee.nip, None, None, summary="Kata sandi diatur (CLI)")
    db.session.commit()
    click.echo(f"Kata sandi {employee.nama} diperbarui.")


@demo.command("load")
@click.option("--scale", type=click.Choice(["small", "ministry"]), default="small")
@click.option("--seed", type=int, default=70_20_10)
@click.option("--if-empty", is_flag=True, help="Lewati bila basis data sudah berisi pegawai.")
def load_demo(scale: str, seed: int, if_empty: bool) -> None:
    """Load deterministic demo units, employees and accounts (and every plugin's demo data)."""
    from portal.demo import loader

    if if_empty and db.session.scalar(select(Employee.id).limit(1)) is not None:
        click.echo("Basis data sudah berisi data; data contoh tidak dimuat.")
        for line in loader.existing_demo_accounts():
            click.echo(line)
        return
    summary = loader.load(scale, seed, echo=click.echo)
    for line in summary:
        click.echo(line)


def register_cli(app: Flask) -> None:
    from portal.imports import cli as import_cli

    import_cli.attach(units, employees)
    from portal.api import cli as api_cli  # users create-token / list-tokens / revoke-token

    api_cli.attach(users)
    for group in (users, units, employees, demo):
        app.cli.add_command(group)
    from portal.scaffold.cli import plugins  # flask plugins new SLUG

    app.cli.add_command(plugins)
    from portal.activities.cli import activities  # flask activities import FILE
    app.cli.add_command(activities)
    app.cli.add_command(import_cli.assessments)  # flask assessments import FILE
    app.cli.add_command(import_cli.skp)  # flask skp import FILE
    from portal.ledger.cli import ledger  # flask ledger verify
    from portal.mail.cli import mail  # flask mail run
    from portal.operations.backup import backup  # flask backup create / restore
    from portal.rulebook.markdown import rules  # flask rules docs

    app.cli.add_command(mail)
    from portal.certificates.cli import certificates  # flask certificates work

    app.cli.add_command(certificates)
    app.cli.add_command(ledger)
    app.cli.add_command(backup)

    app.cli.add_command(rules)
