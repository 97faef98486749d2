"""Backup and restore (issue 16 item 6): one archive holds the database and the upload folder;
restoring it into a fresh database and folder finds every record and file; a target that holds
data is refused unless --force; a hostile archive cannot write outside its folder."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from werkzeug.datastructures import FileStorage

from portal.extensions import db
from portal.models import Employee, StoredFile
from portal.uploads import store

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"


def _fresh_target(app_url: str, tmp_path: Path) -> str:
    """An empty database of the same kind as the test's: a new SQLite file, or a new PostgreSQL
    database beside the test's own."""
    url = make_url(app_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///{tmp_path}/pulih/portal.db"
    name = f"{url.database}_pulih"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def test_a_backup_restores_into_a_fresh_database_and_folder_with_every_record_and_file(
        app, people, make_app, tmp_path):
    employee = people.person(people.unit("B1", "Direktorat Cadangan"), nama="Pegawai Cadangan")
    stored = store(FileStorage(io.BytesIO(PDF), filename="Sertifikat.pdf"), employee.id)
    db.session.commit()
    archive = tmp_path / "cadangan.tar.gz"
    result = app.test_cli_runner().invoke(args=["backup", "create", str(archive)])
    assert result.exit_code == 0, result.output
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["baris_per_tabel"]["employee"] >= 1 and stored.storage_name in manifest["berkas_unggahan"]

    target = make_app(SQLALCHEMY_DATABASE_URI=_fresh_target(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path),
                      UPLOAD_FOLDER=str(tmp_path / "pulih" / "unggahan"))
    with target.app_context():
        result = target.test_cli_runner().invoke(args=["backup", "restore", str(archive)])
        assert result.exit_code == 0, result.output
        restored = db.session.scalar(select(Employee).where(Employee.nama == "Pegawai Cadangan"))
        assert restored is not None and restored.unit.nama == "Direktorat Cadangan"
        row = db.session.scalar(select(StoredFile).where(StoredFile.id == stored.id))
        assert (Path(target.config["UPLOAD_FOLDER"]) / row.storage_name).read_bytes() == PDF
        again = target.test_cli_runner().invoke(args=["backup", "restore", str(archive)])
        assert again.exit_code != 0 and "sudah berisi data" in again.output and "--force" in again.output
        db.session.remove()
        db.engine.dispose()


def test_an_archive_cannot_write_outside_the_restore_folder(app, tmp_path):
    archive = tmp_path / "jahat.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in (("manifest.json", json.dumps({"basis_data": "sqlite"}).encode()),
                           ("../../luar.txt", b"jahat")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    result = app.test_cli_runner().invoke(args=["backup", "restore", "--force", str(archive)])
    assert result.exit_code == 1 and "Arsip cadangan rusak atau bukan arsip portal" in result.output
    assert not (tmp_path.parent / "luar.txt").exists()


@pytest.mark.parametrize("missing", ["manifest.json"])
def test_a_damaged_archive_is_refused_clearly(app, tmp_path, missing):
    archive = tmp_path / "rusak.tar.gz"
    archive.write_bytes(b"bukan arsip")
    result = app.test_cli_runner().invoke(args=["backup", "restore", str(archive)])
    assert result.exit_code == 1 and "Arsip cadangan rusak" in result.output
