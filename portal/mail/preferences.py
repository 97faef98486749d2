"""Each person's choice per kind of e-mail (the kind's default when they made none)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from portal.extensions import db
from portal.mail.kinds import KINDS
from portal.mail.models import MailPreference


def modes_of(account_ids: Iterable[int], kind: str) -> dict[int, str]:
    """account id -> mode for ``kind``, in one query."""
    ids = list(set(account_ids))
    chosen: dict[int, str] = {}
    for start in range(0, len(ids), 1000):
        chosen |= dict(db.session.execute(select(MailPreference.account_id, MailPreference.mode).where(
            MailPreference.kind == kind, MailPreference.account_id.in_(ids[start:start + 1000]))).all())
    default = KINDS[kind].default
    return {account_id: chosen.get(account_id, default) for account_id in ids}


def mode_of(account_id: int, kind: str) -> str:
    return modes_of([account_id], kind)[account_id]


def all_modes(account_id: int) -> dict[str, str]:
    chosen = dict(db.session.execute(select(MailPreference.kind, MailPreference.mode).where(
        MailPreference.account_id == account_id)).all())
    return {key: chosen.get(key, kind.default) for key, kind in KINDS.items()}


def set_modes(account_id: int, modes: dict[str, str]) -> None:
    """Store the person's choices (only valid kinds and modes; the caller commits)."""
    existing = {p.kind: p for p in db.session.scalars(select(MailPreference).where(
        MailPreference.account_id == account_id))}
    for key, mode in modes.items():
        if key not in KINDS or mode not in KINDS[key].modes:
            raise ValueError(f"Pilihan surel tidak dikenal: {key}={mode}")
        if key in existing:
            existing[key].mode = mode
        else:
            db.session.add(MailPreference(account_id=account_id, kind=key, mode=mode))
