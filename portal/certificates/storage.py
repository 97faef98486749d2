"""Stored certificate PDFs: ``<UPLOAD_FOLDER>/certificates/<year>/<id>-<random>.pdf``.

Never under static/, never under a name a user chose; served only through authorised views,
after checking the SHA-256 recorded at issue (tampering on disk is detected, P6).
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from flask import current_app

from portal.models.certificate import Certificate
from portal.refusal import Refusal


class StoredFileError(Refusal):
    """The stored PDF is missing or does not match its recorded hash."""


def root() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"]).resolve()


def save(certificate: Certificate, data: bytes) -> tuple[str, str]:
    """Write the PDF atomically; returns (relative path, sha256)."""
    relative = f"certificates/{certificate.year}/{certificate.id}-{secrets.token_hex(8)}.pdf"
    path = root() / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return relative, hashlib.sha256(data).hexdigest()


def load(certificate: Certificate) -> bytes:
    """The stored PDF. :raises StoredFileError: missing, outside the folder, or altered."""
    if not certificate.pdf_path:
        raise StoredFileError("no pdf stored")
    path = (root() / certificate.pdf_path).resolve()
    if not path.is_relative_to(root()) or not path.is_file():
        raise StoredFileError(f"pdf missing for certificate {certificate.id}")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != certificate.pdf_sha256:
        raise StoredFileError(f"pdf hash mismatch for certificate {certificate.id}")
    return data


def download_name(certificate: Certificate) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in certificate.number).strip("-")
    return f"sertifikat-{safe or certificate.id}.pdf"
