"""Uploaded files between preview and commit: stored by random token, owned through the session.

A file lives at ``<UPLOAD_FOLDER>/imports/<token>.<ext>`` (never under its own name, never in
static/). The session maps token -> (account id, kind, ext, original name, time), so a token
alone, forged or taken from another account, opens nothing.
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, session
from flask_login import current_user
from werkzeug.datastructures import FileStorage

from portal.imports.reader import EXTENSIONS, ImportFileError
from portal.refusal import Refusal

TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
SESSION_KEY = "imports"
KEEP = 5  # pending previews per session
MAX_AGE_SECONDS = 24 * 3600


class TokenRefused(Refusal):
    """The token is malformed or not this account's; the message is for the user."""


class TokenStale(Exception):
    """The token was this account's but its file is gone; the message is for the user."""


@dataclass(frozen=True)
class Pending:
    token: str
    kind: str
    ext: str
    filename: str
    path: Path


def folder() -> Path:
    path = Path(current_app.config["UPLOAD_FOLDER"]) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def display_name(upload: FileStorage) -> str:
    name = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if ch.isprintable())[:100] or "berkas"


def extension(filename: str) -> str:
    ext = Path(filename).suffix.lower().lstrip(".")
    if ext not in EXTENSIONS:
        raise ImportFileError("Jenis berkas tidak didukung. Unggah berkas .xlsx atau .csv.")
    return ext


def save(upload: FileStorage, kind: str) -> Pending:
    """Store the upload under a fresh token (not yet remembered in the session)."""
    filename = display_name(upload)
    ext = extension(filename)
    token = secrets.token_urlsafe(24)
    path = folder() / f"{token}.{ext}"
    upload.save(path)
    return Pending(token, kind, ext, filename, path)


def remember(pending: Pending) -> None:
    """Let this account commit ``pending`` later; the oldest pending files are dropped."""
    entries = dict(session.get(SESSION_KEY) or {})
    entries[pending.token] = [current_user.id, pending.kind, pending.ext, pending.filename,
                              time.time()]
    while len(entries) > KEEP:  # the session is stored with sorted keys: order by time
        oldest = min(entries, key=lambda token: entries[token][4])
        ext = entries.pop(oldest)[2]
        if ext in EXTENSIONS:
            _unlink(folder() / f"{oldest}.{ext}")
    session[SESSION_KEY] = entries


def claim(token: str, kind: str) -> Pending:
    """The pending upload behind ``token`` if it is this account's and of this kind."""
    if not TOKEN.fullmatch(token or ""):
        raise TokenRefused("Token impor tidak sah. Unggah ulang berkas.")
    entry = (session.get(SESSION_KEY) or {}).get(token)
    if not entry or entry[0] != current_user.id or entry[1] != kind or entry[2] not in EXTENSIONS:
        raise TokenRefused("Berkas impor ini tidak dikenal untuk akun Anda. Unggah ulang berkas.")
    ext, filename = entry[2], entry[3]
    pending = Pending(token, kind, ext, filename, folder() / f"{token}.{ext}")
    if not pending.path.is_file():
        forget(pending)
        raise TokenStale("Berkas pratinjau sudah tidak tersedia. Unggah ulang berkas.")
    return pending


def forget(pending: Pending) -> None:
    entries = dict(session.get(SESSION_KEY) or {})
    if entries.pop(pending.token, None) is not None:
        session[SESSION_KEY] = entries
    _unlink(pending.path)


def release(pending: Pending) -> None:
    """Forget ``pending`` in the session but keep its file: a background job now owns it."""
    entries = dict(session.get(SESSION_KEY) or {})
    if entries.pop(pending.token, None) is not None:
        session[SESSION_KEY] = entries


def discard(pending: Pending) -> None:
    _unlink(pending.path)


def sweep(max_age: int = MAX_AGE_SECONDS) -> None:
    """Delete stored uploads older than ``max_age`` seconds (previews never committed)."""
    limit = time.time() - max_age
    for path in folder().iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        current_app.logger.warning("could not delete import upload %s", path.name)
