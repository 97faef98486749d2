"""Benchmark: import the ministry's units and ~25,000 employees from a spreadsheet.

Builds the demo unit structure (portal/demo/loader.py, scale "ministry") and deterministic
people (PeopleFactory) into an XLSX or CSV file, then times, on a fresh database:
the unit import, the employee preview (read + validate), the employee commit (validate again
+ write), and a second run of the same file (every row an update). No assertions on time.

    .venv/bin/python bench/import_employees.py [--format xlsx|csv] [--seed N]
                                               [--database-url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal import create_app  # noqa: E402
from portal.demo import structure as s  # noqa: E402
from portal.demo.loader import SCALES  # noqa: E402
from portal.demo.people import PeopleFactory  # noqa: E402
from portal.employees.service import EMPLOYEE_COLUMNS, OPTIONAL_COLUMNS  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.imports import importer  # noqa: E402
from portal.units.service import UNIT_COLUMNS  # noqa: E402


def unit_rows(scale: str = "ministry") -> list[dict]:
    """The units of ``flask demo load --scale ministry``, as import rows (same codes)."""
    eselon2_count, balai_count, eselon3_count, _ = SCALES[scale]
    rows = []
    for kode, nama, eselon2, balai in s.ESELON_I:
        rows.append({"kode": kode, "nama": nama, "eselon": "I", "induk_kode": ""})
        for i, name in enumerate(eselon2[:eselon2_count], start=1):
            dit = f"{kode}.{i:02d}"
            rows.append({"kode": dit, "nama": name, "eselon": "II", "induk_kode": kode})
            for j, sub in enumerate(s.ESELON_III_NAMES[:eselon3_count], start=1):
                rows.append({"kode": f"{dit}.{j:02d}", "nama": sub, "eselon": "III",
                             "induk_kode": dit})
        for i, name in enumerate(balai[:balai_count], start=1):
            rows.append({"kode": f"{kode}.B{i:02d}", "nama": name, "eselon": "UPT",
                         "induk_kode": kode})
    for row in rows:
        row["pimpinan_nip"] = ""
    return rows


def employee_rows(units: list[dict], rng: random.Random, scale: str = "ministry") -> list[dict]:
    """A head per unit (reporting to the parent unit's head) and its staff, shuffled, so many
    supervisors appear further down the file than their people."""
    staff_per_unit = SCALES[scale][3]
    factory = PeopleFactory(rng)
    head_of: dict[str, str] = {}
    rows = []
    for unit in units:  # parents come before their children
        head = factory.head(unit["nama"], unit["eselon"])
        head_of[unit["kode"]] = head["nip"]
        people = [(head, head_of.get(unit["induk_kode"], ""))]
        count = staff_per_unit if unit["eselon"] != "I" else max(2, staff_per_unit // 4)
        people += [(factory.staff(), head["nip"]) for _ in range(count)]
        for person, boss in people:
            contract = person["pppk_kontrak_selesai"]
            rows.append({
                **{key: person[key] for key in ("nip", "nama", "status_asn", "jenis_jabatan",
                                                "jenjang", "jabatan", "golongan")},
                "unit_kode": unit["kode"], "atasan_nip": boss, "email": "",
                "hipo": "ya" if person["hipo"] else "tidak",
                "pppk_kontrak_selesai": contract.isoformat() if contract else "",
                "pppk_keahlian_langka": "ya" if person["pppk_keahlian_langka"] else "tidak",
            })
        unit["pimpinan_nip"] = head["nip"]
    rng.shuffle(rows)
    return rows


def write(path: Path, rows: list[dict], columns: tuple[str, ...]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, columns, delimiter=";")
            writer.writeheader()
            writer.writerows(rows)
        return path
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(list(columns))
    for row in rows:
        sheet.append([row[column] for column in columns])
    workbook.save(path)
    return path


@contextmanager
def timed(label: str, results: dict):
    """Wall-clock time, and this process's CPU time (less disturbed by a busy machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    yield
    results[label] = time.perf_counter() - start
    print(f"  {label:<52} {results[label]:7.2f} s  (CPU {time.process_time() - cpu:6.2f} s)",
          flush=True)


def migrate(app) -> None:
    from flask_migrate import upgrade
    from sqlalchemy import text

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        upgrade(revision="heads")


def run(fmt: str, seed: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        url = database_url or f"sqlite:///{folder / 'bench.db'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "PORTAL_PUBLIC_URL": "http://127.0.0.1:5000/",
                          "SECRET_KEY": "bench",
                          "UPLOAD_FOLDER": str(folder / "uploads")})
        migrate(app)
        rng = random.Random(seed)
        units = unit_rows()
        employees = employee_rows(units, rng)
        unit_file = write(folder / f"unit.{fmt}", [dict(u, pimpinan_nip="") for u in units],
                          UNIT_COLUMNS)
        head_file = write(folder / f"unit-pimpinan.{fmt}", units, UNIT_COLUMNS)
        employee_file = write(folder / f"pegawai.{fmt}", employees,
                              EMPLOYEE_COLUMNS + OPTIONAL_COLUMNS)
        size = employee_file.stat().st_size / 1024 / 1024
        print(f"Database: {app.config['SQLALCHEMY_DATABASE_URI'].split('://')[0]}; seed {seed}")
        print(f"{len(units)} units, {len(employees)} employees; {employee_file.name} {size:.1f} MB")
        results: dict[str, float] = {}
        with app.app_context():
            with timed(f"units: import {len(units)} rows (validate + write)", results):
                outcome = importer.commit("units", unit_file, None, unit_file.name)
            assert outcome.ok, outcome.problems[:5]
            with timed(f"employees: preview {len(employees)} rows (read + validate)", results):
                outcome = importer.preview("employees", employee_file, None)
            db.session.rollback()
            assert outcome.ok, outcome.problems[:5]
            with timed("employees: commit (read + validate + write, new)", results):
                outcome = importer.commit("employees", employee_file, None, employee_file.name)
            print(f"    -> {importer.summary(outcome)}")
            with timed("employees: commit again (every row an update)", results):
                outcome = importer.commit("employees", employee_file, None, employee_file.name)
            print(f"    -> {importer.summary(outcome)}")
            with timed(f"units: re-import {len(units)} rows with pimpinan_nip", results):
                outcome = importer.commit("units", head_file, None, head_file.name)
            print(f"    -> {importer.summary(outcome)}")
            db.session.remove()
            db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    parser.add_argument("--seed", type=int, default=70_20_10)
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    args = parser.parse_args()
    run(args.format, args.seed, args.database_url)


if __name__ == "__main__":
    main()
