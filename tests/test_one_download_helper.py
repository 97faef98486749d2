"""Issue 13 item 4: one export helper. Every file a view hands out gets its headers from
``portal.exports.download`` / ``attach``; nothing else writes ``Content-Disposition``."""

from __future__ import annotations

from pathlib import Path

from portal.exports import attach, download

ROOT = Path(__file__).resolve().parents[1]


def test_no_module_writes_content_disposition_itself():
    writers = [path.relative_to(ROOT).as_posix()
               for folder in (ROOT / "portal", ROOT / "plugins")
               for path in folder.rglob("*.py")
               if "/tests/" not in path.as_posix() and path.name != "exports.py"
               and "Content-Disposition" in path.read_text(encoding="utf-8")]
    assert writers == []


def test_download_sets_type_name_and_cache_from_the_file_name():
    response = download(b"%PDF-1.4", "Rekap JP Direktorat Bina Teknik.pdf")
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["Content-Disposition"] == 'attachment; filename="Rekap JP Direktorat Bina Teknik.pdf"'
    sheet = download(b"PK", "jp\r\ntim.xlsx", cache="no-cache")
    assert sheet.mimetype.endswith("spreadsheetml.sheet") and "\n" not in sheet.headers["Content-Disposition"]
    assert download(b"a;b", "templat.csv").mimetype == "text/csv"


def test_attach_adds_the_same_headers_to_a_response_made_elsewhere(app):
    response = attach(app.response_class(b"x", mimetype="application/zip"), "sertifikat é.zip")
    assert response.headers["Content-Disposition"].startswith('attachment; filename="sertifikat e.zip"')
    assert response.headers["Cache-Control"] == "private, no-store"
