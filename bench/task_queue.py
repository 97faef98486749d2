"""Benchmark of the task queue (issue 16): a 2,000-employee unit recap PDF as a background job,
and queue throughput with one and with two consumer processes.

Builds a fresh database (its own database ``portal_bench_queue`` on the local PostgreSQL server,
or ``BENCH_DATABASE_URL`` — dropped and created; ``--sqlite``: a temporary SQLite file) with one
unit of ``--employees`` employees (three ledger rows each) and ``--small-units`` units of 20,
then prints:

* the recap PDF of the large unit rendered in this process (the floor: what a request would
  have to do) and the same as a ``reports.export`` job through a real consumer (``flask tasks
  worker`` in its own process): enqueue to file ready;
* throughput: ``--jobs`` small report jobs (the XLSX recap of a 20-employee unit) drained by one
  consumer process, then by two, in jobs/s.

The queue is a SqliteHuey file (the embedded default) unless ``--queue redis://…`` is given.
No assertions.

    .venv/bin/python bench/task_queue.py [--employees 2000] [--jobs 60] [--sqlite] [--queue URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from activities_import import database_url  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from portal import create_app  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.ledger.bulk import insert_rows  # noqa: E402
from portal.models import Employee, Unit  # noqa: E402
from portal.models.task_job import DONE, FAILED, TaskJob  # noqa: E402
from portal.reports import document, jobs  # noqa: E402
from portal.reports.kinds import KINDS  # noqa: E402
from portal.units.service import rebuild_paths  # noqa: E402

YEAR = 2026
PERIOD = {"dari": f"{YEAR}-01-01", "sampai": f"{YEAR}-12-31"}
MIX = (("magang", 70, 8), ("coaching", 20, 6), ("formal", 10, 4))


def _unit(kode: str, nama: str, employees: int, first_nip: int) -> int:
    unit = Unit(kode=kode, nama=nama, eselon="II")
    db.session.add(unit)
    db.session.flush()
    db.session.add_all(
        Employee(nip=str(198001012005011000 + first_nip + n), nama=f"Pegawai {kode} {n:05d}",
                 unit_id=unit.id, status_asn="PNS", jenis_jabatan="fungsional", golongan="III/a")
        for n in range(employees))
    db.session.flush()
    ids = db.session.scalars(select(Employee.id).where(Employee.unit_id == unit.id)).all()
    insert_rows([
        {"employee_id": employee_id, "mechanism": mechanism, "model": model,
         "activity_type": mechanism, "role": "peserta", "activity_date": dt.date(YEAR, 3, 2),
         "title": f"Kegiatan {mechanism}", "reference": f"bench:{employee_id}:{mechanism}",
         "source": "import", "jp_claimed": jp, "jp_counted": jp, "counted": True,
         "rule_id": "G-06", "explanation": "", "reason": "", "flag": ""}
        for employee_id in ids for mechanism, model, jp in MIX])
    return unit.id


def _consumers(count: int, env: dict, logs: Path | None = None) -> list[subprocess.Popen]:
    """``count`` consumer processes (``flask tasks worker``); each logs to ``logs`` when given."""
    command = [str(ROOT / ".venv/bin/flask"), "--app", "portal", "tasks", "worker",
               "--workers", "1", "--no-periodic"]
    return [subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.STDOUT,
                             stdout=(logs / f"consumer-{count}-{n}.log").open("w") if logs else subprocess.DEVNULL)
            for n in range(count)]


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=60)


def _wait(ids: list[int], timeout: float = 1800) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        db.session.rollback()
        finished = db.session.scalar(select(func.count()).select_from(TaskJob).where(
            TaskJob.id.in_(ids), TaskJob.status.in_((DONE, FAILED))))
        if finished == len(ids):
            return time.perf_counter() - started
        time.sleep(0.05)
    raise SystemExit(f"jobs not finished after {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--small-units", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=60)
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--queue", default="")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="portal-bench-queue-"))
    os.environ.setdefault("BENCH_DATABASE_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/portal_bench_queue")
    url = database_url(work, args.sqlite)
    queue = args.queue or f"sqlite:///{work / 'tasks.db'}"
    env = {**os.environ, "DATABASE_URL": url, "PORTAL_TASK_QUEUE": queue,
           "PORTAL_UPLOAD_FOLDER": str(work / "uploads"), "SECRET_KEY": "bench",
           "PORTAL_PUBLIC_URL": "http://127.0.0.1:5000/", "PORTAL_LOG_FORMAT": "text"}
    os.environ.update({key: env[key] for key in ("DATABASE_URL", "SECRET_KEY", "PORTAL_PUBLIC_URL")})
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "PORTAL_TASK_QUEUE": queue,
                      "UPLOAD_FOLDER": str(work / "uploads"), "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade(revision="heads")
        big = _unit("BESAR", "Balai Besar Bench", args.employees, 0)
        small = [_unit(f"KECIL{n}", f"Balai Kecil {n}", 20, 100000 + 100 * n)
                 for n in range(args.small_units)]
        rebuild_paths()
        db.session.commit()
        print(f"database: {db.engine.dialect.name}; queue: {queue.split(':', 1)[0]}; "
              f"unit of {args.employees} employees, {3 * args.employees} ledger rows")

        recap = {"unit": big, **PERIOD}
        started = time.perf_counter()
        data = document.render(KINDS["rekap"].from_args(recap))
        floor = time.perf_counter() - started
        db.session.rollback()
        print(f"recap PDF in this process (floor): {floor:.2f} s, {len(data) / 1024:.0f} KiB")

        consumers = _consumers(1, env)
        try:
            job = jobs.start_export("rekap", recap, "pdf", None)
            took = _wait([job.id])
            db.session.rollback()
            final = db.session.get(TaskJob, job.id)
            print(f"recap PDF as a job, 1 consumer: {took:.2f} s enqueue → file ({final.status}, "
                  f"{took / floor:.2f}× the floor)")
        finally:
            _stop(consumers)

        for count in (1, 2):
            ids = [jobs.start_export("rekap", {"unit": small[n % len(small)], **PERIOD}, "xlsx",
                                     None).id for n in range(args.jobs)]
            consumers = _consumers(count, env)
            try:
                took = _wait(ids)
            finally:
                _stop(consumers)
            print(f"throughput, {count} consumer process(es): {args.jobs} report jobs in "
                  f"{took:.2f} s = {args.jobs / took:.1f} jobs/s (incl. consumer start-up)")


if __name__ == "__main__":
    main()
