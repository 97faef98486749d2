"""Content checks for Office documents (DOCX, PPTX, XLSX) besides PDF: materials (KB-07), reports.

The core's upload storage (portal/uploads.py) recognises a file by its first bytes; Office
files are ZIP packages (``PK\\x03\\x04``), so after storing one it is opened as a ZIP: it must
hold ``[Content_Types].xml`` and the part of its kind (``word/``, ``ppt/``, ``xl/``), and its
total uncompressed size is bounded (a zip bomb is refused without being expanded).
"""

from __future__ import annotations

import zipfile

from werkzeug.datastructures import FileStorage

from portal.models import StoredFile
from portal.uploads import UploadError, discard, path_of, store

PART_OF = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
ALLOWED = ("pdf", "docx")  # detection order: every ZIP first matches "docx", refined below
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_ENTRIES = 5000
LABEL = "PDF, DOCX, PPTX atau XLSX"


def office_kind(path, max_uncompressed: int = MAX_UNCOMPRESSED) -> str:
    """The Office kind of a ZIP package at ``path``.

    :raises UploadError: not a valid package, no ``[Content_Types].xml``, unknown kind, too
        many entries or too large once uncompressed.
    """
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadError(f"Berkas rusak atau bukan {LABEL}.") from None
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > max_uncompressed:
        raise UploadError("Isi berkas terlalu besar setelah diekstrak (berkas ZIP berbahaya "
                          "ditolak). Simpan ulang dokumen dari aplikasi Office lalu unggah lagi.")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names:
        raise UploadError(f"Berkas bukan dokumen Office yang sah ({LABEL}).")
    for kind, prefix in PART_OF.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    raise UploadError(f"Isi berkas bukan {LABEL}.")


def store_document(file_storage: FileStorage | None, owner_employee_id: int,
                   max_bytes: int) -> StoredFile:
    """Store a PDF or Office document after checking its content; refuse anything else."""
    try:
        stored = store(file_storage, owner_employee_id, allowed=ALLOWED, max_bytes=max_bytes)
    except UploadError as error:
        if "Isi berkas bukan" in str(error):
            raise UploadError(f"Isi berkas bukan {LABEL}. Unggah dokumen asli (nama atau "
                              "ekstensi berkas tidak menentukan jenisnya).") from None
        raise
    if stored.kind == "docx":
        try:
            stored.kind = office_kind(path_of(stored))
        except UploadError:
            discard(stored)
            raise
    return stored
