"""Core upload storage: content checks by magic bytes, random names, safe serving (SECURITY §6)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import NotFound

from portal.extensions import db
from portal.models import StoredFile
from portal.uploads import UploadError, download_name, sanitise_name, send_stored, store

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32


def upload(content: bytes, name: str = "sertifikat.pdf") -> FileStorage:
    return FileStorage(io.BytesIO(content), filename=name)


@pytest.fixture
def owner(people):
    return people.employee(people.unit("U1", eselon="I"))


def files_on_disk(app) -> list[Path]:
    return sorted(Path(app.config["UPLOAD_FOLDER"]).iterdir())


def test_pdf_is_stored_under_a_random_name_with_size_and_sha256(app, owner):
    stored = store(upload(PDF, "Sertifikat Bimtek.pdf"), owner.id)
    db.session.commit()
    assert (stored.kind, stored.size, stored.sha256) == ("pdf", len(PDF), hashlib.sha256(PDF).hexdigest())
    assert stored.original_name == "Sertifikat Bimtek.pdf"
    [path] = files_on_disk(app)
    assert path.name == stored.storage_name and "Sertifikat" not in path.name
    assert path.read_bytes() == PDF
    assert "static" not in path.parts


@pytest.mark.parametrize("content, kind", [(PNG, "png"), (JPG, "jpg"), (PDF, "pdf")])
def test_kind_comes_from_the_content_not_the_name(app, owner, content, kind):
    assert store(upload(content, "berkas.txt"), owner.id).kind == kind


@pytest.mark.parametrize("content", [
    b"<!doctype html><html><body><script>alert(1)</script></body></html>",
    b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    b"PK\x03\x04 zip",
    b" %PDF-1.4 leading space",
])
def test_other_content_renamed_pdf_is_refused(app, owner, content):
    with pytest.raises(UploadError, match="Isi berkas bukan PDF, PNG atau JPG"):
        store(upload(content, "sertifikat.pdf"), owner.id)
    assert files_on_disk(app) == []
    assert db.session.query(StoredFile).count() == 0


def test_only_the_allowed_kinds_are_accepted(app, owner):
    with pytest.raises(UploadError, match="bukan PDF"):
        store(upload(PNG, "gambar.png"), owner.id, allowed=("pdf",))


def test_empty_file_is_refused(app, owner):
    with pytest.raises(UploadError, match="Berkas kosong"):
        store(upload(b"", "kosong.pdf"), owner.id)
    assert files_on_disk(app) == []


def test_no_file_is_refused(app, owner):
    with pytest.raises(UploadError, match="Pilih berkas"):
        store(FileStorage(io.BytesIO(b""), filename=""), owner.id)
    with pytest.raises(UploadError, match="Pilih berkas"):
        store(None, owner.id)


def test_file_over_the_limit_is_refused_and_not_kept(app, owner):
    with pytest.raises(UploadError, match="Berkas terlalu besar: paling besar 1 MB"):
        store(upload(PDF + b"0" * (1024 * 1024)), owner.id, max_bytes=1024 * 1024)
    assert files_on_disk(app) == []
    exact = PDF + b"0" * (2048 - len(PDF))
    assert store(upload(exact), owner.id, max_bytes=2048).size == 2048


@pytest.mark.parametrize("name, shown", [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\win.ini.pdf", "win.ini.pdf"),
    ("sertifikat\r\n\"x\".pdf", "sertifikat\"x\".pdf"),
    ("....", "berkas"),
    ("Sertifikat Pelatihan – Jalan Tol.pdf", "Sertifikat Pelatihan – Jalan Tol.pdf"),
    ("a" * 300 + ".pdf", "a" * 150),
])
def test_original_name_is_sanitised_for_display(name, shown):
    assert sanitise_name(name) == shown


def test_send_stored_is_an_attachment_with_the_allow_listed_mimetype(app, owner):
    stored = store(upload(PDF, "<script>.html"), owner.id)
    with app.test_request_context():
        response = send_stored(stored, "Sertifikat Budi.html")
        response.direct_passthrough = False
        assert response.get_data() == PDF
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "Sertifikat Budi.pdf" in disposition
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert download_name(stored) == "script.pdf"


def test_send_stored_answers_404_when_the_file_is_gone(app, owner):
    stored = store(upload(PNG, "foto.png"), owner.id)
    Path(app.config["UPLOAD_FOLDER"], stored.storage_name).unlink()
    with app.test_request_context(), pytest.raises(NotFound):
        send_stored(stored)
    stored.storage_name = "../../etc/passwd"
    with app.test_request_context(), pytest.raises(NotFound):
        send_stored(stored)
