"""Web benchmark at ministry scale (issue 21): the portal's pages under load, side by side with
two floors measured in the same run.

- Builds (or reuses) the ministry demo on PostgreSQL (``flask db upgrade``, ``flask demo load
  --scale ministry``; ANALYZE after), and gives the measured users a known password and an API
  token.
- Starts the floors (``bench/floor_app.py``: a bare Flask page, and a bare Flask page doing one
  indexed query) and the portal under gunicorn with the same number of workers.
- For each page, alternates floor and portal runs of ``wrk`` (``--runs`` each, median), and times
  one request alone (median of 5).
- Prints one table: req/s and p50 of the portal, the SQL floor's req/s, the ratio, and the
  single-request time — the managers' pages and every pegawai page, and two ceilings: the
  cheapest signed-in answers this architecture gives (``bench/ceiling_app.py``: a view that
  returns a word, and the layout around an empty page). No pegawai page can beat them.
- Then mixed pegawai traffic: ``--mix-users`` pegawai across the ministry, each signed in,
  requests spread over the pegawai pages by ``MIX`` (one wrk run, a Lua script cycling through
  user and page pairs): the page views per second one machine serves.
- With ``--audit-rate N``, a thread adds N audit records a second (action ``bench.tick``,
  deleted afterwards) while the portal is measured: what production's stream of audited steps
  does to the figures kept until the next audited change (``portal.audit_cache``). Without it,
  nothing changes during a run and every kept figure is used; with ``--uncached`` none is.
- With ``--growth``, builds (or reuses) the small demo in a second database, serves it the same
  way and prints each pegawai page's req/s at both scales: small ÷ ministry is the growth.

No assertion on time: it prints numbers to compare between changes.

    .venv/bin/python bench/web.py                        # 10 s per run, 3 runs, c16, 2 workers
    .venv/bin/python bench/web.py --duration 5 --runs 1  # quicker
    .venv/bin/python bench/web.py --reset                # rebuild the demo database first
    .venv/bin/python bench/web.py --growth               # and pegawai pages at small scale
    .venv/bin/python bench/web.py --mix-users 0          # without the mixed traffic
    .venv/bin/python bench/web.py --audit-rate 2         # two audited changes a second
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "bangku-uji-beban-702010"  # the measured accounts only, in the bench database


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench-web-secret-key-not-for-production",
            "PORTAL_PUBLIC_URL": "http://127.0.0.1/", "PORTAL_TASK_QUEUE": "immediate",
            "PORTAL_LOG_LEVEL": "WARNING", "FLASK_APP": "portal:create_app()",
            "PORTAL_LOGIN_LIMIT_ADDRESS": "100000 per minute",  # the mix signs in many users
            "PORTAL_INSTANCE_PATH": str(ROOT / "instance" / f"bench-web-{make_url(url).database}")}


def _flask(url: str, *args: str) -> str:
    done = subprocess.run([str(BIN / "flask"), *args], cwd=ROOT, env=_env(url), capture_output=True,
                          text=True, check=False)
    if done.returncode:
        sys.exit(f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def ensure_database(url: str, reset: bool, scale: str = "ministry") -> None:
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                    {"n": parsed.database}).scalar()
        if exists and reset:
            connection.execute(text(f'DROP DATABASE "{parsed.database}" WITH (FORCE)'))
            exists = False
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()
    _flask(url, "db", "upgrade")
    engine = create_engine(url)
    with engine.connect() as connection:
        employees = connection.execute(text("SELECT count(*) FROM employee")).scalar()
    if employees < (20_000 if scale == "ministry" else 1):
        print(f"Memuat demo skala {scale} (beberapa menit)…", flush=True)
        started = time.perf_counter()
        _flask(url, "demo", "load", "--scale", scale, "--seed", "1")
        print(f"  demo dimuat dalam {time.perf_counter() - started:.0f} s", flush=True)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))
    engine.dispose()


def prepare_users(url: str, mix_users: int = 0) -> dict:
    """The measured users (known password) and an API token, from inside the app; and
    ``mix_users`` pegawai spread over the ministry (no granted role, account enabled) for the
    mixed traffic."""
    os.environ.update(_env(url))
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import exists, or_, select

    from portal import create_app
    from portal.api import tokens
    from portal.auth.passwords import hash_password
    from portal.extensions import db
    from portal.models import Account, Employee, RoleGrant, Unit

    app = create_app()
    known = hash_password(PASSWORD)
    with app.app_context():
        def account_of(employee_id: int) -> Account:
            account = db.session.scalar(select(Account).where(Account.employee_id == employee_id))
            if account is None:
                account = Account(employee_id=employee_id)
                db.session.add(account)
            account.password_hash = known
            account.must_change_password = False
            return account

        sdm = db.session.scalar(select(Account).join(RoleGrant, RoleGrant.account_id == Account.id)
                                .where(RoleGrant.role == "admin_sdm").order_by(Account.id).limit(1))
        eselon1 = db.session.scalar(select(Unit).where(Unit.eselon == "I", Unit.head_id.is_not(None))
                                    .order_by(Unit.kode).limit(1))
        directorate = db.session.scalar(select(Unit).where(Unit.eselon == "II", Unit.head_id.is_not(None))
                                        .order_by(Unit.kode).limit(1))
        pegawai = db.session.scalar(select(Employee).where(Employee.unit_id == directorate.id,
                                                           Employee.id != directorate.head_id)
                                    .order_by(Employee.id).limit(1))
        users = {"admin_sdm": sdm, "eselon1": account_of(eselon1.head_id),
                 "direktorat": account_of(directorate.head_id), "pegawai": account_of(pegawai.id)}
        account_of(sdm.employee_id)
        granted = exists().where(RoleGrant.account_id == Account.id)
        mix = list(db.session.scalars(  # spread over units by a fixed scramble of the ids
            select(Employee).outerjoin(Account, Account.employee_id == Employee.id)
            .where(or_(Account.id.is_(None), Account.is_enabled & ~granted))
            .order_by((Employee.id * 7919) % 10007, Employee.id).limit(mix_users)))
        for employee in mix:
            account_of(employee.id)
        db.session.flush()
        _row, token = tokens.create(sdm, "bench web", scope="read")
        db.session.commit()
        return {"nip": {kind: account.employee.nip for kind, account in users.items()},
                "token": token, "eselon1": eselon1.kode, "pegawai_nip": pegawai.nip,
                "mix": [employee.nip for employee in mix]}


TICK = "bench.tick"


@contextmanager
def audit_ticker(url: str, rate: float):
    """A thread adding ``rate`` audit records a second until the block ends; they are deleted
    afterwards. Each one is what any audited step elsewhere in the ministry is to the portal's
    kept figures: a newer audit id."""
    if not rate:
        yield
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    stop = threading.Event()
    insert = text("INSERT INTO audit_log (at, action, entity_type, entity_id, summary, confidential) "
                  "VALUES (now(), :action, 'bench', '0', 'bench/web.py: a change elsewhere', false)")

    def tick() -> None:
        with engine.connect() as connection:
            while not stop.wait(1 / rate):
                connection.execute(insert, {"action": TICK})

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        with engine.connect() as connection:
            connection.execute(text("DELETE FROM audit_log WHERE action = :action"), {"action": TICK})
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(app: str, env: dict, cwd: Path, workers: int, config: str | None = None):
    port = _free_port()
    args = [str(BIN / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}", app]
    if config:
        args[1:1] = ["-c", config]
    env = {**env, "GUNICORN_WORKERS": str(workers), "GUNICORN_BIND": f"127.0.0.1:{port}",
           "GUNICORN_LOGLEVEL": "warning"}
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz" if config else
                                       f"http://127.0.0.1:{port}/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"{app} did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


class Browser:
    """A signed-in user whose cookies follow the server's answers, as a browser's do (the
    session carries the cached inbox count: a client that never stores the new cookie would
    recount the inbox on every request)."""

    def __init__(self, base: str, nip: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(f"{base}/masuk").read().decode()
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"csrf_token": token, "nip": nip, "password": PASSWORD}).encode()
        self.opener.open(f"{base}/masuk", data=data)
        if "session=" not in self.cookie():
            sys.exit(f"sign-in failed for {nip}")

    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def fresh(self, path: str) -> dict:
        """The Cookie header after opening ``path`` once (what the next click would send)."""
        self.opener.open(f"{self.base}{path}").read()
        return {"Cookie": self.cookie()}


def wrk(url: str, headers: dict, duration: int, connections: int, threads: int,
        script: tuple[str, ...] = ()) -> tuple[float, float, float]:
    """(req/s, p50 ms, p99 ms) of one wrk run; ``script``: a Lua script and its arguments."""
    args = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--latency"]
    if script:
        args += ["-s", script[0]]
    args.append(url)
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    if script[1:]:
        args += ["--", *script[1:]]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"  ! {errors.group(1)} non-2xx responses from {url}", flush=True)
    return rps, _latency(out, "50%"), _latency(out, "99%")


def _latency(out: str, percentile: str) -> float:
    found = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", out)
    return float(found.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[found.group(2)]


def alone(url: str, headers: dict, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        request = urllib.request.Request(url, headers=headers)
        started = time.perf_counter()
        urllib.request.urlopen(request, timeout=60).read()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


PEGAWAI_PAGES = ("/", "/jp/saya", "/peluang/", "/rencana/", "/sertifikat/saya", "/kelayakan",
                 "/riwayat-pengembangan/", "/aturan/")
CEILINGS = (("ceiling: account only", "/_bench/akun"), ("ceiling: empty layout", "/_bench/tata-letak"))
# Mixed pegawai traffic: (page, weight). An assumption, not a measurement: home and one's own JP
# most, then offers and certificates; the rule book least.
MIX = (("/", 30), ("/jp/saya", 20), ("/peluang/", 15), ("/sertifikat/saya", 10), ("/rencana/", 8),
       ("/kelayakan", 7), ("/riwayat-pengembangan/", 5), ("/aturan/", 5))
MIX_REQUESTS_PER_USER = 20


class Runner:
    """Runs wrk on one page, alternating with the floors, and keeps the floors' figures."""

    def __init__(self, floor: str, args) -> None:
        self.floor, self.args = floor, args
        self.floors: dict[str, list[float]] = {"bare": [], "sql": []}

    def measure(self, base: str, path: str, who) -> tuple[float, float, float, float]:
        """(portal req/s, p50 ms, SQL floor req/s, one request alone ms), medians of the runs."""
        a = self.args
        portal_runs, floor_runs = [], []
        headers = {}
        for _ in range(a.runs):
            headers = who.fresh(path) if isinstance(who, Browser) else who
            floor_runs.append(wrk(f"{self.floor}/sql", {}, a.duration, a.connections, a.threads)[0])
            self.floors["bare"].append(wrk(f"{self.floor}/", {}, max(2, a.duration // 2), a.connections,
                                           a.threads)[0])
            portal_runs.append(wrk(f"{base}{path}", headers, a.duration, a.connections, a.threads)[:2])
        sql_floor = statistics.median(floor_runs)
        self.floors["sql"].append(sql_floor)
        return (statistics.median(r for r, _ in portal_runs), statistics.median(p for _, p in portal_runs),
                sql_floor, alone(base + path, headers))


def mixed_traffic(base: str, nips: list[str], args, directory: Path) -> str:
    """One wrk run of ``nips`` signed-in pegawai, each opening pages drawn by ``MIX`` weights,
    the pairs shuffled (``bench/mix.lua`` cycles through them): one line of figures."""
    draw = random.Random(1)
    pages = [path for path, weight in MIX for _ in range(weight)]
    pairs = []
    for nip in nips:
        cookie = Browser(base, nip).fresh("/")["Cookie"]
        pairs += [f"{cookie}\t{draw.choice(pages)}" for _ in range(MIX_REQUESTS_PER_USER)]
    draw.shuffle(pairs)
    listing = directory / "mix.tsv"
    listing.write_text("\n".join(pairs) + "\n")
    rps, p50, p99 = wrk(base, {}, args.duration * 2, args.connections, args.threads,
                        script=(str(ROOT / "bench" / "mix.lua"), str(listing)))
    mix = ", ".join(f"{path} {weight} %" for path, weight in MIX)
    return (f"Mixed pegawai traffic, {len(nips)} signed-in users ({mix}):\n"
            f"  {rps:,.1f} page views/s · p50 {p50:.0f} ms · p99 {p99:.0f} ms "
            f"(wrk -c{args.connections}, {args.duration * 2} s)")


def _table(header: str) -> list[str]:
    return [header, "|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/portal_bench_web")
    parser.add_argument("--small-database-url",
                        default="postgresql+psycopg://postgres@127.0.0.1:5432/portal_bench_web_small")
    parser.add_argument("--reset", action="store_true", help="drop and rebuild the demo database")
    parser.add_argument("--growth", action="store_true", help="pegawai pages at small scale too")
    parser.add_argument("--uncached", action="store_true",
                        help="PORTAL_AUDIT_CACHE_SECONDS=0: every request computes its figures, as the "
                             "first one after an audited change does")
    parser.add_argument("--audit-rate", type=float, default=0,
                        help="audit records added a second while measuring (a change elsewhere)")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mix-users", type=int, default=100,
                        help="pegawai signed in for the mixed traffic (0: none)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install -y wrk)")
    ensure_database(args.database_url, args.reset)
    users = prepare_users(args.database_url, args.mix_users)
    env = {**_env(args.database_url), **({"PORTAL_AUDIT_CACHE_SECONDS": "0"} if args.uncached else {})}
    # the portal with bench/ceiling_app.py's two measuring pages
    portal_env = {**env, "PYTHONPATH": os.pathsep.join((str(ROOT / "bench"), str(ROOT)))}
    with gunicorn("floor_app:app", env, ROOT / "bench", args.workers) as floor, \
            gunicorn("ceiling_app:app", portal_env, ROOT, args.workers, config="gunicorn.conf.py") as portal, \
            tempfile.TemporaryDirectory() as directory, audit_ticker(args.database_url, args.audit_rate):
        runner = Runner(floor, args)
        browsers = {kind: Browser(portal, nip) for kind, nip in users["nip"].items()}
        bearer = {"Authorization": f"Bearer {users['token']}"}
        pages = [  # (label, path, who: a browser, or fixed headers)
            ("sign-in /masuk", "/masuk", {}),
            *((f"{label} (pegawai)", path, browsers["pegawai"]) for label, path in CEILINGS),
            *((f"{path} (pegawai)", path, browsers["pegawai"]) for path in PEGAWAI_PAGES),
            ("/jp/tim admin SDM (ministry)", "/jp/tim", browsers["admin_sdm"]),
            ("/jp/tim eselon I head", "/jp/tim", browsers["eselon1"]),
            ("/jp/tim directorate head", "/jp/tim", browsers["direktorat"]),
            ("employee search ?q=budi", "/pegawai/?q=budi", browsers["admin_sdm"]),
            ("API unit compliance (eselon I)", f"/api/v1/units/{users['eselon1']}/compliance", bearer),
            ("API employee JP", f"/api/v1/employees/{users['pegawai_nip']}/jp", bearer),
        ]
        print(f"\nPostgreSQL {make_url(args.database_url).database}; gunicorn -w {args.workers}; "
              f"{'nothing kept between requests (--uncached); ' if args.uncached else ''}"
              f"{f'{args.audit_rate:g} audited changes a second; ' if args.audit_rate else ''}"
              f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s; median of {args.runs} "
              "runs alternating floor and portal\n", flush=True)
        lines = _table(f"| {'page':<32} | {'portal req/s':>12} | {'p50':>8} | {'SQL floor req/s':>15} | "
                       f"{'× SQL floor':>11} | {'% of floor':>10} | {'alone':>8} |")
        ministry = {}
        for label, path, who in pages:
            rps, p50, sql_floor, single = runner.measure(portal, path, who)
            ministry[path] = rps
            lines.append(f"| {label:<32} | {rps:>12,.1f} | {p50:>5.0f} ms | {sql_floor:>15,.0f} | "
                         f"{sql_floor / rps:>11.1f} | {100 * rps / sql_floor:>8.1f} % | {single:>5.0f} ms |")
            print(lines[-1], flush=True)
        print("\n" + "\n".join(lines))
        if args.mix_users:
            print("\n" + mixed_traffic(portal, users["mix"], args, Path(directory)), flush=True)
        if args.growth and not args.uncached:
            print("\n" + "\n".join(growth(args, runner, ministry)))
        print(f"\nbare Flask floor: {statistics.median(runner.floors['bare']):,.0f} req/s (median); "
              f"SQL floor: {statistics.median(runner.floors['sql']):,.0f} req/s (median)")


def growth(args, runner: Runner, ministry: dict[str, float]) -> list[str]:
    """Each pegawai page at small scale (its own database, its own portal) against the ministry."""
    ensure_database(args.small_database_url, args.reset, scale="small")
    users = prepare_users(args.small_database_url)
    env = _env(args.small_database_url)
    lines = _table(f"| {'pegawai page':<24} | {'small req/s':>11} | {'ministry req/s':>14} | {'growth':>6} |")
    with gunicorn("portal:create_app()", env, ROOT, args.workers, config="gunicorn.conf.py") as portal:
        pegawai = Browser(portal, users["nip"]["pegawai"])
        for path in PEGAWAI_PAGES:
            rps = runner.measure(portal, path, pegawai)[0]
            lines.append(f"| {path:<24} | {rps:>11,.1f} | {ministry[path]:>14,.1f} | "
                         f"{rps / ministry[path]:>5.2f}× |")
            print(lines[-1], flush=True)
    return lines


if __name__ == "__main__":
    main()
