"""Benchmark: issuing e-certificates vs rendering the same HTML with xhtml2pdf directly.

    .venv/bin/python bench/certificates.py [--count 500]

Issue = number allocation + row + render + SHA-256 + file write + audit, two commits each (a
throw-away SQLite database in a temporary folder). The floor is ``pisa.CreatePDF`` on the very
HTML each certificate was rendered from, under the same resource policy. Prints ms per
certificate, totals and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402

from portal import create_app  # noqa: E402
from portal.certificates import document  # noqa: E402
from portal.certificates.service import issue  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.ledger.service import credit  # noqa: E402
from portal.models import Employee, Unit  # noqa: E402
from portal.models.certificate import Certificate  # noqa: E402
from portal.reports import pdf  # noqa: E402
from portal.types import Participation  # noqa: E402
from portal.units.service import rebuild_paths  # noqa: E402


def _setup(count: int) -> list[int]:
    unit = Unit(kode="BENCH.01", nama="Direktorat Bina Teknik Jalan dan Jembatan", eselon="II")
    db.session.add(unit)
    db.session.flush()
    rebuild_paths()
    ids = []
    for index in range(count):
        birth = dt.date(1975, 1, 1) + dt.timedelta(days=index)
        employee = Employee(nip=f"{birth:%Y%m%d}200503{1 + index % 2}001", unit=unit,
                            nama=f"Pegawai Ñúñez “{index}” O’Brien", status_asn="PNS",
                            jenis_jabatan="fungsional", golongan="III/c", jabatan="Analis SDM Aparatur")
        db.session.add(employee)
        db.session.flush()
        entry = credit(Participation(employee.id, "magang", "magang", "peserta", dt.date(2026, 3, 5),
                                     "Magang di Balai Teknik Jalan", f"bench-{index}", jp_stated=8))
        ids.append(entry.id)
    db.session.commit()
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db", "SECRET_KEY": "bench",
                          "UPLOAD_FOLDER": f"{folder}/uploads", "PORTAL_PUBLIC_URL": "https://portal.example"})
        with app.app_context():
            upgrade(revision="heads")
            ids = _setup(count)
            started = time.perf_counter()
            for entry_id in ids:
                issue(entry_id, None)
            issued = time.perf_counter() - started

            # The floor: the same documents' HTML straight through xhtml2pdf.
            fonts = {k: str(v) for k, v in pdf.FONTS.items()}
            template = app.jinja_env.get_template(document.TEMPLATE)
            pages = [template.render(pdf_fonts=fonts, **document.context_for(certificate))
                     for certificate in db.session.scalars(db.select(Certificate).order_by(Certificate.id))]
            started = time.perf_counter()
            for html in pages:
                pdf.html_to_pdf(html)
            floor = time.perf_counter() - started
    print(f"certificates: {count}")
    print(f"issue():      {1000 * issued / count:7.1f} ms per certificate, {issued:7.2f} s total")
    print(f"xhtml2pdf:    {1000 * floor / count:7.1f} ms per certificate, {floor:7.2f} s total (floor)")
    print(f"ratio issue/floor: {issued / floor:.2f}")


if __name__ == "__main__":
    main()
