"""Benchmark of the historical activities import: a 100,000-row file for the demo employees.

Builds a fresh database (its own database on the local PostgreSQL server, or
``BENCH_DATABASE_URL`` — dropped and created; ``--sqlite``: a temporary SQLite file), loads
the small demo data, writes a CSV file of ``--rows`` komunitas and coaching rows spread over
the last three years, and prints how long the preview (read, check, cap forecast) and the
commit (the ledger's bulk path, portal.ledger.bulk) take, in rows/s beside a floor (a plain
bulk INSERT of the same rows), and how long an ordinary JP credit started during the import
waits. No assertions.

    .venv/bin/python bench/activities_import.py [--rows 100000] [--sqlite] [--skip-commit]

So that the figures do not depend on which real mechanism plugins are installed, the benchmark
registers throw-away ``bench_komunitas`` and ``bench_coaching`` plugins with the fixed types,
roles and caps (KB-07, CU-02) of ``komunitas`` and ``coaching``, built on
:mod:`portal.activities.fixed_types`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from portal import create_app  # noqa: E402
from portal.activities import importer  # noqa: E402
from portal.activities.fixed_types import FIXED_TYPES, import_verdict  # noqa: E402
from portal.demo import loader  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.hookspecs import hookimpl  # noqa: E402
from portal.ledger.bulk import insert_rows  # noqa: E402
from portal.ledger.models import LedgerEntry  # noqa: E402
from portal.ledger.service import credit  # noqa: E402
from portal.mechanisms.catalogue import mechanism_model  # noqa: E402
from portal.models import Employee  # noqa: E402
from portal.types import CapSpec, JPResult, Participation, PluginInfo  # noqa: E402

JP = {"peserta": 2, "pemateri": 4, "pakar": 4, "penulis": 4, "coachee": 2, "mentee": 2}


class BenchMechanism:
    def __init__(self, like: str, model: int, caps: tuple[CapSpec, ...] = ()):
        self.slug, self.like, self.model, self.caps = f"bench_{like}", like, model, caps

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title=f"Bench {self.slug}", model=self.model,
                          caps=self.caps)

    @hookimpl
    def portal_compute_jp(self, participation, settings):
        if participation.mechanism != self.slug:
            return None
        return JPResult(JP[participation.role], "KB-05" if self.like == "komunitas" else "CU-02")

    @hookimpl
    def portal_import_row(self, row):
        return import_verdict(row, self.slug, FIXED_TYPES[self.like])


PLUGINS = [(plugin.slug, plugin) for plugin in (
    BenchMechanism("komunitas", 70, (
        CapSpec("KB-07", 2, "employee_month_activity", ("berbagi_bahan",), ("penulis",)),)),
    BenchMechanism("coaching", 20, (
        CapSpec("CU-02", 2, "employee_month_activity", ("coaching_unit", "mentoring_unit")),)),
)]


def write_file(path: Path, nips: list[str], rows: int, rng: random.Random) -> None:
    today = dt.date.today()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["nip", "mechanism", "activity_type", "role", "date", "title", "jp",
                         "reference"])
        for index in range(rows):
            like = "komunitas" if rng.random() < 0.7 else "coaching"
            slug, fixed = f"bench_{like}", FIXED_TYPES[like]
            day = today - dt.timedelta(days=rng.randint(1, 3 * 365))
            writer.writerow([rng.choice(nips), slug, rng.choice(fixed.activity_types),
                             rng.choice(fixed.roles), day.isoformat(),
                             f"Kegiatan riwayat {index}", "", f"BENCH/{index}"])


def database_url(work: Path, sqlite: bool) -> str:
    """A fresh database: a temporary SQLite file, or ``BENCH_DATABASE_URL`` (default: its own
    database ``portal_bench_activities`` on the local PostgreSQL server, dropped and created)."""
    if sqlite:
        return f"sqlite:///{work / 'bench.db'}"
    url = make_url(os.environ.get("BENCH_DATABASE_URL") or
                   "postgresql+psycopg://postgres@127.0.0.1:5432/portal_bench_activities")
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}"'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    server.dispose()
    return url.render_as_string(hide_password=False)


def floor(result) -> float:
    """A plain bulk insert of the same rows (no checks, caps or audit; COPY on PostgreSQL, a
    multi-row INSERT elsewhere — the ledger's own insert), rolled back."""
    rows = [{"employee_id": p.employee_id, "mechanism": p.mechanism,
             "model": mechanism_model(p.mechanism), "activity_type": p.activity_type,
             "role": p.role, "activity_date": p.on_date, "title": p.title,
             "reference": p.reference, "source": "import", "jp_claimed": item.jp,
             "jp_counted": item.jp, "counted": True, "rule_id": item.rule_id,
             "explanation": "", "reason": "", "flag": ""}
            for item in result.accepted for p in (item.participation,)]
    started = time.perf_counter()
    insert_rows(rows)
    db.session.flush()
    took = time.perf_counter() - started
    db.session.rollback()
    return took


def probe(app, employee_id: int, delay: float, waits: list[float]) -> None:
    """One ordinary workflow credit while the import runs: how long it waits for the lock."""
    time.sleep(delay)
    with app.app_context():
        started = time.perf_counter()
        credit(Participation(employee_id=employee_id, mechanism="bench_komunitas",
                             activity_type="berbagi_pengetahuan", role="peserta",
                             on_date=dt.date.today(), title="Kredit lain selama impor",
                             reference="BENCH/probe"))
        db.session.commit()
        waits.append(time.perf_counter() - started)
        db.session.remove()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--sqlite", action="store_true", help="a temporary SQLite file")
    parser.add_argument("--skip-commit", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-activities-"))
    url = database_url(work, args.sqlite)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "PORTAL_PUBLIC_URL": "http://127.0.0.1:5000/",
                      "UPLOAD_FOLDER": str(work / "uploads"),
                      "SECRET_KEY": "bench"}, plugins=PLUGINS)
    with app.app_context():
        upgrade(revision="heads")
        if db.session.scalar(select(func.count()).select_from(Employee)) == 0:
            loader.load("small", 70_20_10, echo=lambda _line: None)
        nips = list(db.session.scalars(select(Employee.nip)))
        path = work / "kegiatan.csv"
        write_file(path, nips, args.rows, random.Random(7))
        print(f"{args.rows} baris untuk {len(nips)} pegawai demo; basis data {url.split(':')[0]}")

        started = time.perf_counter()
        result = importer.preview(path, scope=None)
        took = time.perf_counter() - started
        print(f"pratinjau: {took:.1f} s ({took / args.rows * 1e6:.0f} µs/baris); "
              f"{len(result.accepted)} siap, {len(result.problems)} masalah, "
              f"{result.not_counted} diperkirakan tidak dihitung (batas)")
        db.session.rollback()
        if args.skip_commit or not result.ok:
            return
        took = floor(result)
        print(f"lantai (INSERT massal biasa, tanpa pemeriksaan): {took:.1f} s "
              f"({len(result.accepted) / took:,.0f} baris/s)")
        other = db.session.scalar(select(Employee.id).order_by(Employee.id.desc()).limit(1))
        waits: list[float] = []
        prober = threading.Thread(target=probe, args=(app, other, 2.0, waits))
        prober.start()
        started = time.perf_counter()
        result = importer.commit(path, scope=None, source=path.name)
        took = time.perf_counter() - started
        prober.join()
        stored = db.session.scalar(select(func.count()).select_from(LedgerEntry))
        print(f"simpan (jalur massal buku JP): {took:.1f} s ({args.rows / took:,.0f} baris/s); "
              f"{stored} entri buku JP, {result.not_counted} tidak dihitung")
        if waits:
            print(f"kredit JP lain yang dimulai 2 s setelah impor menunggu {waits[0]:.1f} s")


if __name__ == "__main__":
    main()
