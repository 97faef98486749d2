"""Benchmark of the JP ledger at ministry scale.

Builds the ministry demo (about 25,000 employees, ``portal.demo.loader.load("ministry", seed)``)
in a temporary SQLite database — or in PostgreSQL with ``--database-url`` — and fills the
ledger to at least ``--rows`` rows (default 1,000,000: the demo loader's this year and last,
plus older years inserted in bulk), then prints timings of the ledger's read paths:

- one employee's yearly summary (``portal.ledger.service.year_summary``),
- the whole ministry's compliance for this year (``portal.ledger.team.statistics``: employees
  at/above target, JP distribution, JP by model), and the first page of who is behind;
- the early warning (``portal.ledger.projection.outlook``) of the whole ministry by eselon I
  and of one eselon I unit.

No assertion on time: it prints numbers to compare between changes and databases.

    .venv/bin/python bench/ledger.py
    .venv/bin/python bench/ledger.py --database-url postgresql+psycopg://postgres@127.0.0.1/bench --reset
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, inspect, select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal import create_app  # noqa: E402
from portal.clock import today  # noqa: E402
from portal.demo import loader  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.ledger import progress, projection, team  # noqa: E402
from portal.ledger.demo import demo_rows, insert_rows  # noqa: E402
from portal.ledger.models import LedgerEntry  # noqa: E402
from portal.ledger.paging import paginate_rows  # noqa: E402
from portal.ledger.service import year_summary  # noqa: E402
from portal.models import Account, Employee, RoleGrant, Unit  # noqa: E402


def timed(function, repeat: int = 1) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return times, result


def report(label: str, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"  {label:<58} median {statistics.median(ms):9.1f} ms   p95 {p95:9.1f} ms   "
          f"(n={len(ms)})")


def prepare(url: str, reset: bool) -> None:
    if db.engine.dialect.name == "postgresql":
        existing = inspect(db.engine).get_table_names()
        if existing and not reset:
            sys.exit(f"{url} already has tables; pass --reset to drop its public schema.")
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    from flask_migrate import upgrade

    upgrade(revision="heads")


def add_rows(target: int, seed: int) -> int:
    ids = list(db.session.scalars(select(Employee.id).order_by(Employee.id)))
    # Years the demo loader already filled (this year and last) keep their realistic data;
    # older years are added one at a time until the target is reached.
    first = db.session.scalar(select(func.min(LedgerEntry.activity_date)))
    year = first.year - 1 if first else today().year
    total = db.session.scalar(select(func.count()).select_from(LedgerEntry))
    years: list[int] = []
    while total < target:
        next_year = year - len(years)
        years.append(next_year)
        total += insert_rows(demo_rows(random.Random(seed + next_year), ids, [next_year],
                                       prefix="bench"), chunk=10_000)
        db.session.commit()
        print(f"  {total:>9,} rows after adding year {next_year}")
    return total


def _account_with(role: str) -> Account:
    return db.session.scalar(select(Account).join(RoleGrant, RoleGrant.account_id == Account.id)
                             .where(RoleGrant.role == role))


def build(url: str, args: argparse.Namespace) -> None:
    prepare(url, args.reset)
    print("Ministry demo:")
    times, _ = timed(lambda: loader.load("ministry", args.seed, echo=lambda s: print("  " + s)))
    print(f"  loaded in {times[0]:.1f} s")
    print("Ledger rows (bulk insert):")
    times, total = timed(lambda: add_rows(args.rows, args.seed))
    print(f"  {total:,} rows in total; bulk insert took {times[0]:.1f} s")
    # Steady state of a live database (autovacuum): statistics and the visibility map, so
    # PostgreSQL can answer from the covering index alone.
    command = "VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE"
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(command))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="PostgreSQL URL (default: temporary SQLite file)")
    parser.add_argument("--reset", action="store_true", help="drop the PostgreSQL public schema")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=70_20_10)
    parser.add_argument("--reuse", action="store_true",
                        help="time an already built --database-url without rebuilding it")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    try:
        run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # the SQLite file is about 0.5 GB


def run(args: argparse.Namespace, folder: Path) -> None:
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "PORTAL_PUBLIC_URL": "http://127.0.0.1:5000/",
                      "SECRET_KEY": "bench",
                      "UPLOAD_FOLDER": str(folder / "uploads")})
    with app.app_context():
        print(f"Database: {db.engine.dialect.name} ({url.split('@')[-1]})")
        if not (args.reuse and args.database_url):
            build(url, args)
        employees = db.session.scalar(select(func.count()).select_from(Employee))
        rows = db.session.scalar(select(func.count()).select_from(LedgerEntry))

        year = today().year
        sdm = _account_with("admin_sdm")
        sample = random.Random(1).sample(
            list(db.session.scalars(select(Employee.id))), 200)
        flt = team.TeamFilter(year=year)
        print(f"\nTimings ({employees:,} employees, {rows:,} ledger rows, year {year}):")
        times = [timed(lambda e=e: year_summary(e, year))[0][0] for e in sample]
        report("one employee: year_summary", times)
        times, stats = timed(lambda: team.statistics(sdm, flt), repeat=5)
        report("ministry compliance: statistics (target, buckets, model)", times)
        behind = stats["employees"] - stats["on_target"]
        times, page = timed(lambda: paginate_rows(team.behind_list(sdm, flt), 1, 25, behind),
                            repeat=5)
        report("ministry: first page of who is behind (lowest JP first)", times)
        unit = _account_with("admin_unit")
        times, _ = timed(lambda: team.statistics(unit, flt), repeat=5)
        report("one eselon I unit (admin_unit): statistics", times)
        atasan = db.session.scalar(select(Account).where(Account.employee_id.in_(
            select(Employee.supervisor_id).where(Employee.supervisor_id.is_not(None)))))
        times, _ = timed(lambda: (team.statistics(atasan, flt),
                                  paginate_rows(team.behind_list(atasan, flt), 1, 25)), repeat=5)
        report("an atasan's team page: statistics + list", times)
        units = progress.overview_units(sdm, flt)
        times, ahead = timed(lambda: projection.outlook(
            db.session.execute(team.employee_rows(sdm, flt)).all(), year, today(), units, ()), repeat=3)
        report("ministry early warning: projections of everyone, by eselon I", times)
        eselon1 = db.session.scalar(select(Unit).where(Unit.eselon == "I").order_by(Unit.kode))
        unit_flt = team.TeamFilter(year=year, unit=eselon1, behind_only=False)
        times, _ = timed(lambda: projection.outlook(
            db.session.execute(team.employee_rows(sdm, unit_flt)).all(), year, today(),
            progress.overview_units(sdm, unit_flt), ()), repeat=3)
        report("one eselon I unit's early warning (its team page)", times)
        print(f"  early warning {year}: {ahead.counts}")
        print(f"\nMinistry {year}: {stats['on_target']:,} of {stats['employees']:,} employees at or "
              f"above target ({stats['on_target_share']} %); JP by model "
              f"70={stats['by_model']['70']:,} 20={stats['by_model']['20']:,} "
              f"10={stats['by_model']['10']:,}; buckets {stats['buckets']}; "
              f"{page.total:,} behind.")


if __name__ == "__main__":
    main()
