"""Creating, finding and revoking API tokens. Only a token's SHA-256 is ever stored."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select

from portal.audit import record
from portal.extensions import db
from portal.models import Account, ApiToken
from portal.models.account import utcnow
from portal.refusal import Refusal

PREFIX = "p70_"  # recognisable in logs and by secret scanners
NAME_MAX = 100
SCOPES = ("read", "write")  # read: GET only; write: may also record results (issue 20)


class TokenError(Refusal):
    """A refused token operation; the message is Indonesian."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(account: Account, name: str, actor_id: int | None = None,
           scope: str = "read") -> tuple[ApiToken, str]:
    """A new token for ``account``: (row, the token itself — shown once, never stored)."""
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX:
        raise TokenError(f"Nama token wajib diisi (maksimal {NAME_MAX} karakter).")
    if scope not in SCOPES:
        raise TokenError("Cakupan token harus read (hanya membaca) atau write (juga menulis).")
    if not account.is_enabled:
        raise TokenError("Akun pegawai ini dinonaktifkan; token tidak dapat dibuat.")
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(account_id=account.id, token_hash=digest(token), name=name, scope=scope)
    db.session.add(row)
    db.session.flush()
    record("api_token.create", "api_token", row.id, None,
           {"account_id": account.id, "name": name, "scope": scope},
           summary=f"Token API '{name}' ({scope}) untuk {account.employee.nip}",
           actor_id=actor_id)
    return row, token


def find(token: str) -> ApiToken | None:
    """The row of a presented token (revoked or not), or None."""
    if not token or len(token) > 200:
        return None
    return db.session.scalar(select(ApiToken).where(ApiToken.token_hash == digest(token)))


def revoke(token_id: int, actor_id: int | None = None) -> ApiToken:
    row = db.session.get(ApiToken, token_id)
    if row is None:
        raise TokenError(f"Token API #{token_id} tidak ditemukan.")
    if row.is_revoked:
        raise TokenError(f"Token API #{token_id} sudah dicabut.")
    row.revoked_at = utcnow()
    record("api_token.revoke", "api_token", row.id, {"revoked": False}, {"revoked": True},
           summary=f"Token API '{row.name}' dicabut", actor_id=actor_id)
    return row
