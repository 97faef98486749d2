"""Benchmark: e-mail notifications through a real SMTP server (aiosmtpd on localhost).

    .venv/bin/python bench/mail.py [--count 2000]

Creates ``count`` employees with accounts and addresses and one stored notice each (a decision),
then times the background producer (notices → outbox messages, templates rendered) and the sender
(outbox → SMTP, one connection reused, one commit per message). Prints messages per second for
each and the floor: the same number of prebuilt messages sent with smtplib alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import smtplib
import socket
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiosmtpd.controller import Controller  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from portal import create_app  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.inbox.notices import notify  # noqa: E402
from portal.mail.delivery import deliver_pending  # noqa: E402
from portal.mail.producers import produce_notices  # noqa: E402
from portal.models import Account, Employee, Unit  # noqa: E402
from portal.units.service import rebuild_paths  # noqa: E402


class Counter:
    received = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        Counter.received += 1
        return "250 OK"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _setup(count: int) -> None:
    unit = Unit(kode="BENCH.01", nama="Direktorat Bina Teknik", eselon="II")
    db.session.add(unit)
    db.session.flush()
    rebuild_paths()
    people = []
    for index in range(count):
        birth = dt.date(1975, 1, 1) + dt.timedelta(days=index)
        employee = Employee(nip=f"{birth:%Y%m%d}200503{1 + index % 2}{index % 1000:03d}", unit=unit,
                            nama=f"Pegawai {index}", status_asn="PNS", jenis_jabatan="fungsional",
                            email=f"pegawai{index}@pu.go.id")
        db.session.add(employee)
        people.append(employee)
    db.session.flush()
    db.session.add_all(Account(employee_id=e.id) for e in people)
    notify(people, "Laporan pelatihan Anda diverifikasi", "JP telah dicatat.", kind="keputusan", url="/jp/saya")
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    count = parser.parse_args().count
    port = _port()
    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db", "SECRET_KEY": "bench",
                              "UPLOAD_FOLDER": f"{folder}/uploads", "PORTAL_PUBLIC_URL": "https://portal.example/",
                              "PORTAL_SMTP_HOST": "127.0.0.1", "PORTAL_SMTP_PORT": port,
                              "PORTAL_SMTP_STARTTLS": False, "PORTAL_TASK_QUEUE": "immediate"})
            with app.app_context(), app.test_request_context("/", base_url="https://portal.example/"):
                upgrade(revision="heads")
                _setup(count)
                started = time.perf_counter()
                produce_notices(limit=count)
                produced = time.perf_counter() - started
                started = time.perf_counter()
                sent = 0
                while (batch := deliver_pending())["terkirim"]:
                    sent += batch["terkirim"]
                delivered = time.perf_counter() - started
        message = EmailMessage()
        message["Subject"], message["From"], message["To"] = "Uji", "portal@example", "x@pu.go.id"
        message.set_content("Isi surel uji.\n" * 10)
        started = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as server:
            for _ in range(count):
                server.send_message(message)
        floor = time.perf_counter() - started
    finally:
        controller.stop()
    print(f"messages: {count} (sent {sent}, received by the server {Counter.received - count})")
    print(f"produce (notices -> outbox): {count / produced:8.0f} messages/s ({produced:6.2f} s)")
    print(f"deliver (outbox -> SMTP):    {count / delivered:8.0f} messages/s ({delivered:6.2f} s)")
    print(f"smtplib alone (floor):       {count / floor:8.0f} messages/s ({floor:6.2f} s)")


if __name__ == "__main__":
    main()
