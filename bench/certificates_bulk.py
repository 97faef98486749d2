"""Benchmark (issue 21): a bulk issue of e-certificates through the task queue, with one and
with two consumer processes.

Builds a fresh database (its own database ``portal_bench_certificates`` on the local PostgreSQL
server, or ``BENCH_DATABASE_URL`` — dropped and created; ``--sqlite``: a temporary SQLite file)
with ``--count`` employees, two ledger rows each, then for 1 and for 2 consumers (``flask tasks
worker`` in their own processes) starts a bulk job of ``--count`` certificates the way the bulk
page does (``start_bulk`` + ``launch``: ``PORTAL_CERTIFICATE_PARALLEL`` queue tasks sharing the
items) and prints the time from the click to the last certificate, and certificates per second.
No assertions.

    .venv/bin/python bench/certificates_bulk.py [--count 500] [--sqlite] [--parallel 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from activities_import import database_url  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import select  # noqa: E402
from task_queue import _consumers, _stop  # noqa: E402

from portal import create_app  # noqa: E402
from portal.certificates import jobs  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.ledger.bulk import insert_rows  # noqa: E402
from portal.models import Employee, LedgerEntry, Unit  # noqa: E402
from portal.models.certificate import CertificateJob  # noqa: E402
from portal.units.service import rebuild_paths  # noqa: E402

YEAR = 2026
WORK = Path()


def _ledger(count: int) -> list[list[int]]:
    """``count`` employees with two rows each; returns the row ids of the first and second run."""
    unit = Unit(kode="BENCH.SERT", nama="Balai Besar Pelaksanaan Jalan Nasional Bench", eselon="II")
    db.session.add(unit)
    db.session.flush()
    db.session.add_all(
        Employee(nip=str(198001012005011000 + n), nama=f"Pegawai Sertifikat {n:05d}", unit_id=unit.id,
                 status_asn="PNS", jenis_jabatan="fungsional", golongan="III/c", jabatan="Analis SDM Aparatur")
        for n in range(count))
    db.session.flush()
    ids = db.session.scalars(select(Employee.id).where(Employee.unit_id == unit.id)).all()
    runs = []
    for run, (mechanism, month) in enumerate((("magang", 3), ("outbound", 5))):
        insert_rows([
            {"employee_id": employee_id, "mechanism": mechanism, "model": 70, "activity_type": mechanism,
             "role": "peserta", "activity_date": dt.date(YEAR, month, 2), "title": f"Kegiatan {mechanism}",
             "reference": f"bench:{employee_id}:{run}", "source": "import", "jp_claimed": 8, "jp_counted": 8,
             "counted": True, "rule_id": "G-06", "explanation": "", "reason": "", "flag": ""}
            for employee_id in ids])
        runs.append(list(db.session.scalars(select(LedgerEntry.id).where(LedgerEntry.mechanism == mechanism)
                                            .order_by(LedgerEntry.id))))
    rebuild_paths()
    db.session.commit()
    return runs


def _wait(job_id: int, timeout: float = 1800) -> CertificateJob:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        db.session.rollback()
        job = db.session.get(CertificateJob, job_id)
        if job.status == "selesai":
            return job
        time.sleep(0.05)
    raise SystemExit(f"job {job_id} not finished after {timeout} s; consumer logs in {WORK}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--parallel", type=int, default=2, help="queue tasks per job (PORTAL_CERTIFICATE_PARALLEL)")
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    global WORK
    work = WORK = Path(tempfile.mkdtemp(prefix="portal-bench-certificates-"))
    os.environ.setdefault("BENCH_DATABASE_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/portal_bench_certificates")
    url = database_url(work, args.sqlite)
    queue = f"sqlite:///{work / 'tasks.db'}"
    env = {**os.environ, "DATABASE_URL": url, "PORTAL_TASK_QUEUE": queue,
           "PORTAL_UPLOAD_FOLDER": str(work / "uploads"), "SECRET_KEY": "bench",
           "PORTAL_PUBLIC_URL": "http://127.0.0.1:5000/", "PORTAL_LOG_FORMAT": "text"}
    os.environ.update({key: env[key] for key in ("DATABASE_URL", "SECRET_KEY", "PORTAL_PUBLIC_URL")})
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "PORTAL_TASK_QUEUE": queue, "SECRET_KEY": "bench",
                      "UPLOAD_FOLDER": str(work / "uploads"), "PORTAL_CERTIFICATE_PARALLEL": args.parallel})
    with app.app_context():
        upgrade(revision="heads")
        runs = _ledger(args.count)
        print(f"database: {db.engine.dialect.name}; queue: sqlite; {args.count} certificates per job, "
              f"{args.parallel} queue tasks per job")
        for consumers_count, entry_ids in zip((1, 2), runs, strict=True):
            consumers = _consumers(consumers_count, env, work)
            try:
                time.sleep(2)  # consumers up before the click, as on a running server
                started = time.perf_counter()
                job = jobs.start_bulk(entry_ids, None, "http://127.0.0.1:5000/", "bench")
                jobs.launch(job)
                done = _wait(job.id)
                took = time.perf_counter() - started
            finally:
                _stop(consumers)
            print(f"{consumers_count} consumer process(es): {done.done} issued, {done.failed} failed in "
                  f"{took:.1f} s = {done.done / took:.1f} certificates/s")


if __name__ == "__main__":
    main()
