"""Helpers for the formal plugin's tests (a module name unique across the test session)."""

from __future__ import annotations

import datetime as dt
import io

from portal_formal.demo import certificate_pdf
from portal_formal.models import FormalReport
from sqlalchemy import select

from portal.sdk import Account, db

PDF = certificate_pdf("Staf A", "Pelatihan Uji")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
LAST_MONTH = dt.date.today() - dt.timedelta(days=40)


def report_form(**overrides) -> dict:
    """A valid report form; ``certificate`` may be (bytes, file name) or None."""
    data = {
        "title": "Pelatihan Perencanaan Jembatan",
        "activity_type": "teknis",
        "provider": "Balai Diklat PUPR",
        "start_date": (LAST_MONTH - dt.timedelta(days=2)).isoformat(),
        "end_date": LAST_MONTH.isoformat(),
        "jp": "24",
        "certificate": (PDF, "sertifikat.pdf"),
    }
    data.update(overrides)
    content = data.pop("certificate")
    if content is not None:
        data["certificate"] = (io.BytesIO(content[0]), content[1])
    return data


def submit(client, **overrides):
    return client.post("/m/formal/baru", data=report_form(**overrides),
                       content_type="multipart/form-data")


def reports() -> list[FormalReport]:
    db.session.rollback()
    return list(db.session.scalars(select(FormalReport).order_by(FormalReport.id)))


def account_of(employee) -> Account:
    return db.session.scalar(select(Account).where(Account.employee_id == employee.id))
