"""``flask users create-token NIP``, ``flask users list-tokens NIP``, ``flask users revoke-token ID``."""

from __future__ import annotations

import click
from sqlalchemy import select

from portal.api import tokens
from portal.extensions import db
from portal.i18n import waktu
from portal.models import Account, ApiToken, Employee


def _account(nip: str) -> Account:
    nip = nip.replace(" ", "")
    employee = db.session.scalar(select(Employee).where(Employee.nip == nip))
    if employee is None:
        raise click.ClickException(f"Pegawai dengan NIP {nip} tidak ditemukan.")
    account = db.session.scalar(select(Account).where(Account.employee_id == employee.id))
    if account is None:
        raise click.ClickException(f"{employee.nama} belum memiliki akun; token API memakai hak "
                                   "akun pemiliknya.")
    return account


def attach(users_group: click.Group) -> None:
    """Add the token commands to the existing ``users`` group."""

    @users_group.command("create-token")
    @click.argument("nip")
    @click.option("--name", default="Token API", show_default=True, help="Untuk apa token ini.")
    @click.option("--scope", type=click.Choice(tokens.SCOPES), default="read", show_default=True,
                  help="read: hanya membaca; write: juga mencatat hasil asesmen dan SKP.")
    def create_token(nip: str, name: str, scope: str) -> None:
        """Create an API token for an employee's account; prints it once."""
        account = _account(nip)
        try:
            row, token = tokens.create(account, name, scope=scope)
        except tokens.TokenError as error:
            raise click.ClickException(str(error)) from None
        db.session.commit()
        click.echo(f"Token API #{row.id} '{row.name}' ({row.scope}) untuk {account.employee.nama} "
                   f"({account.employee.nip}). Simpan sekarang: token tidak dapat ditampilkan lagi.",
                   err=True)
        click.echo(token)

    @users_group.command("list-tokens")
    @click.argument("nip")
    def list_tokens(nip: str) -> None:
        """List an account's API tokens (never the tokens themselves)."""
        account = _account(nip)
        rows = db.session.scalars(select(ApiToken).where(ApiToken.account_id == account.id)
                                  .order_by(ApiToken.id))
        for row in rows:
            state = f"dicabut {waktu(row.revoked_at)}" if row.is_revoked else "aktif"
            used = waktu(row.last_used_at) if row.last_used_at else "belum pernah"
            click.echo(f"#{row.id}\t{row.name}\t{row.scope}\tdibuat {waktu(row.created_at)}\t"
                       f"terakhir dipakai {used}\t{state}")

    @users_group.command("revoke-token")
    @click.argument("token_id", type=int)
    def revoke_token(token_id: int) -> None:
        """Revoke an API token by its number (see list-tokens)."""
        try:
            row = tokens.revoke(token_id)
        except tokens.TokenError as error:
            raise click.ClickException(str(error)) from None
        db.session.commit()
        click.echo(f"Token API #{row.id} '{row.name}' dicabut.")
