"""Upload storage: content-checked files under ``UPLOAD_FOLDER``, served only as attachments.

A file is accepted by what it *is* (its first bytes), never by its name: an HTML page renamed
``.pdf`` is refused. It is stored under a random server-generated name outside ``static/``;
the user's file name is kept only in the database, sanitised, for display. Views that serve a
file check the object-level permission first, then call :func:`send_stored`.

Example (a plugin's form view)::

    try:
        stored = store(form.sertifikat.data, current_user.employee_id, allowed=("pdf", "png"))
    except UploadError as error:
        form.sertifikat.errors.append(str(error))
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from flask import Response, abort, current_app, send_file
from werkzeug.datastructures import FileStorage

from portal.exports import attach
from portal.extensions import db
from portal.models import StoredFile
from portal.refusal import Refusal

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
CHUNK = 64 * 1024
_STORAGE_NAME = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class FileType:
    label: str
    mimetype: str
    extension: str
    signatures: tuple[bytes, ...]

    def matches(self, head: bytes) -> bool:
        return any(head.startswith(signature) for signature in self.signatures)


ZIP_SIGNATURE = b"PK\x03\x04"
OFFICE_MIME = "application/vnd.openxmlformats-officedocument."
# Office documents are ZIP packages: every one first matches "docx"; callers that accept them
# refine the kind and check the package with portal.office_files.store_document.
FILE_TYPES = {
    "pdf": FileType("PDF", "application/pdf", "pdf", (b"%PDF-",)),
    "png": FileType("PNG", "image/png", "png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": FileType("JPG", "image/jpeg", "jpg", (b"\xff\xd8\xff",)),
    "docx": FileType("DOCX", OFFICE_MIME + "wordprocessingml.document", "docx", (ZIP_SIGNATURE,)),
    "pptx": FileType("PPTX", OFFICE_MIME + "presentationml.presentation", "pptx", (ZIP_SIGNATURE,)),
    "xlsx": FileType("XLSX", OFFICE_MIME + "spreadsheetml.sheet", "xlsx", (ZIP_SIGNATURE,)),
}


class UploadError(Refusal):
    """An upload refused; the message is Indonesian and shown next to the file field."""


def detect_kind(head: bytes, allowed: tuple[str, ...]) -> str | None:
    """The allowed kind whose magic bytes start ``head``, or ``None``."""
    return next((kind for kind in allowed if FILE_TYPES[kind].matches(head)), None)


def allowed_labels(allowed: tuple[str, ...]) -> str:
    labels = [FILE_TYPES[kind].label for kind in allowed]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " atau " + labels[-1]


def megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}".replace(".", ",")


def sanitise_name(name: str | None, fallback: str = "berkas") -> str:
    """A display-safe version of a user's file name: no folders, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = re.sub(r"\s+", " ", base).strip().strip(".")
    return base[:150] or fallback


def folder() -> Path:
    path = Path(current_app.config["UPLOAD_FOLDER"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_of(stored: StoredFile) -> Path:
    if not _STORAGE_NAME.match(stored.storage_name or ""):
        raise ValueError("invalid storage name")
    return folder() / stored.storage_name


def _copy_limited(source, target: Path, max_bytes: int) -> tuple[bytes, int, str]:
    """Copy ``source`` into ``target``; return (first bytes, size, sha256). Stops past the limit."""
    digest = hashlib.sha256()
    head = b""
    size = 0
    with target.open("xb") as out:
        while chunk := source.read(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise UploadError(f"Berkas terlalu besar: paling besar {megabytes(max_bytes)} MB.")
            if len(head) < 16:
                head += chunk[:16 - len(head)]
            digest.update(chunk)
            out.write(chunk)
    return head, size, digest.hexdigest()


def store(file_storage: FileStorage | None, owner_employee_id: int,
          allowed: tuple[str, ...] = ("pdf", "png", "jpg"),
          max_bytes: int = DEFAULT_MAX_BYTES) -> StoredFile:
    """Check and keep an uploaded file; return its :class:`StoredFile` (added and flushed).

    :raises UploadError: no file, an empty file, a file over ``max_bytes``, or content that is
        not one of ``allowed`` (checked by magic bytes, whatever the name says).
    """
    unknown = set(allowed) - set(FILE_TYPES)
    if unknown or not allowed:
        raise ValueError(f"unknown file kinds {unknown}")
    if file_storage is None or not getattr(file_storage, "filename", None):
        raise UploadError("Pilih berkas yang akan diunggah.")
    storage_name = secrets.token_hex(16)
    target = folder() / storage_name
    try:
        file_storage.stream.seek(0)
    except (AttributeError, OSError):
        pass
    try:
        head, size, sha256 = _copy_limited(file_storage.stream, target, max_bytes)
        if size == 0:
            raise UploadError("Berkas kosong. Pilih berkas yang berisi dokumen.")
        kind = detect_kind(head, allowed)
        if kind is None:
            raise UploadError(f"Isi berkas bukan {allowed_labels(allowed)}. Unggah dokumen asli "
                              "(nama atau ekstensi berkas tidak menentukan jenisnya).")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    stored = StoredFile(owner_employee_id=owner_employee_id, storage_name=storage_name,
                        original_name=sanitise_name(file_storage.filename), kind=kind,
                        size=size, sha256=sha256)
    db.session.add(stored)
    db.session.flush()
    return stored


def discard(stored: StoredFile) -> None:
    """Remove a file whose record is being rolled back or deleted (the caller commits)."""
    try:
        path_of(stored).unlink(missing_ok=True)
    except (ValueError, OSError):
        current_app.logger.warning("could not remove stored file %s", stored.id)
    if stored in db.session:
        db.session.delete(stored)


def download_name(stored: StoredFile, name: str | None = None) -> str:
    """``name`` (or the original name), sanitised, with the extension of the real content."""
    stem = os.path.splitext(sanitise_name(name or stored.original_name))[0]
    stem = re.sub(r'[<>:"/\\|?*]', "", stem).strip() or "berkas"  # not allowed in Windows names
    return f"{stem}.{FILE_TYPES[stored.kind].extension}"


def send_stored(stored: StoredFile, download_name_: str | None = None) -> Response:
    """Serve a stored file as an attachment. Check the object-level permission before calling.

    The mimetype comes from the allow-list (the detected kind), never from the upload; the
    response is never cached by proxies nor sniffed or run by the browser.
    """
    try:
        path = path_of(stored)
    except ValueError:
        abort(404)
    if stored.kind not in FILE_TYPES or not path.is_file():
        current_app.logger.error("stored file %s missing on disk", stored.id)
        abort(404)
    response = attach(send_file(path, mimetype=FILE_TYPES[stored.kind].mimetype, conditional=False,
                                etag=False, max_age=0), download_name(stored, download_name_))
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
