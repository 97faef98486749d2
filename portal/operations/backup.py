"""Backup and restore: the database and the upload folder together, in one ``.tar.gz``.

``flask backup create FILE`` writes ``manifest.json`` (when, which database kind, the row count of
every table, the uploaded files), the database (SQLite: the online backup API, consistent while
the portal runs; PostgreSQL: ``pg_dump --format=custom``) and ``uploads/``. ``flask backup restore
FILE`` puts both back into the configured database and upload folder; it refuses a target that
already holds data unless ``--force``. See docs/deploy.md for the schedule.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, inspect, select, table
from sqlalchemy.engine import make_url

from portal.extensions import db

backup = AppGroup("backup", help="Cadangan basis data dan berkas unggahan (satu arsip).")
MANIFEST = "manifest.json"
SQLITE_NAME, PG_NAME, UPLOADS = "portal.sqlite3", "portal.pgdump", "uploads"


class BackupError(click.ClickException):
    """A refusal in Indonesian (exit code 1)."""


def _url():
    return make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])


def _libpq(url) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def row_counts() -> dict[str, int]:
    names = sorted(inspect(db.engine).get_table_names())
    return {name: db.session.scalar(select(func.count()).select_from(table(name))) for name in names}


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def create(target: Path) -> dict:
    """Write the archive; return its manifest."""
    url, uploads = _url(), Path(current_app.config["UPLOAD_FOLDER"])
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        if url.get_backend_name() == "sqlite":
            source = sqlite3.connect(url.database)
            copy = sqlite3.connect(work_dir / SQLITE_NAME)
            with copy:
                source.backup(copy)
            source.close()
            copy.close()
            database = SQLITE_NAME
        elif url.get_backend_name() == "postgresql":
            _run(["pg_dump", "--format=custom", "--no-owner", f"--file={work_dir / PG_NAME}", _libpq(url)])
            database = PG_NAME
        else:
            raise BackupError(f"Basis data {url.get_backend_name()} tidak didukung untuk cadangan.")
        manifest = {"dibuat": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "basis_data": url.get_backend_name(), "berkas_basis_data": database,
                    "baris_per_tabel": row_counts(), "berkas_unggahan": _files(uploads)}
        (work_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(target, "w:gz") as archive:
            archive.add(work_dir / MANIFEST, MANIFEST)
            archive.add(work_dir / database, database)
            if uploads.exists():
                archive.add(uploads, UPLOADS)
    return manifest


def restore(source: Path, force: bool = False) -> dict:
    """Put the archive's database and uploads back; return its manifest."""
    url, uploads = _url(), Path(current_app.config["UPLOAD_FOLDER"])
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        try:
            with tarfile.open(source, "r:gz") as archive:
                archive.extractall(work_dir, filter="data")  # no absolute paths, no links out
            manifest = json.loads((work_dir / MANIFEST).read_text())
            if not {"basis_data", "berkas_basis_data"} <= manifest.keys():
                raise KeyError("manifest")
        except (tarfile.TarError, OSError, ValueError, KeyError) as error:
            raise BackupError(f"Arsip cadangan rusak atau bukan arsip portal ({type(error).__name__}).") from None
        if manifest["basis_data"] != url.get_backend_name():
            raise BackupError(f"Arsip ini berisi basis data {manifest['basis_data']}, sedangkan portal ini "
                              f"memakai {url.get_backend_name()}.")
        if not force and (_holds_data() or _files(uploads)):
            raise BackupError("Basis data atau folder unggahan tujuan sudah berisi data. Pulihkan ke tempat "
                              "kosong, atau tambahkan --force untuk menimpanya.")
        db.session.remove()
        db.engine.dispose()
        if url.get_backend_name() == "sqlite":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            restored = sqlite3.connect(work_dir / SQLITE_NAME)
            target = sqlite3.connect(url.database)
            with target:
                restored.backup(target)
            restored.close()
            target.close()
        else:
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={_libpq(url)}",
                  str(work_dir / PG_NAME)])
        if uploads.exists():
            shutil.rmtree(uploads)
        if (work_dir / UPLOADS).exists():
            shutil.copytree(work_dir / UPLOADS, uploads)
        else:
            uploads.mkdir(parents=True, exist_ok=True)
    return manifest


def _holds_data() -> bool:
    names = inspect(db.engine).get_table_names()
    return any(db.session.scalar(select(func.count()).select_from(table(name))) for name in names
               if name != "alembic_version")


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} tidak ditemukan; pasang klien PostgreSQL (postgresql-client).")
    result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} gagal: {result.stderr.strip()[:500]}")


@backup.command("create")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def create_command(target: Path) -> None:
    """Buat arsip cadangan (basis data + berkas unggahan) di TARGET (.tar.gz)."""
    manifest = create(target)
    click.echo(f"Cadangan {target}: {sum(manifest['baris_per_tabel'].values())} baris di "
               f"{len(manifest['baris_per_tabel'])} tabel, {len(manifest['berkas_unggahan'])} berkas unggahan.")


@backup.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Timpa basis data dan folder unggahan yang sudah berisi data.")
def restore_command(source: Path, force: bool) -> None:
    """Pulihkan arsip cadangan SOURCE ke basis data dan folder unggahan portal ini."""
    manifest = restore(source, force)
    click.echo(f"Dipulihkan dari cadangan {manifest['dibuat']}: {len(manifest['baris_per_tabel'])} tabel, "
               f"{len(manifest['berkas_unggahan'])} berkas unggahan.")
