"""Certificate numbers: a per-year sequence taken atomically from ``certificate_counter``.

``UPDATE … SET last_seq = last_seq + 1 … RETURNING last_seq`` is one atomic statement: on
PostgreSQL it takes the counter row's lock until commit (concurrent issuers queue on it), on
SQLite it takes the database write lock. The unique constraints on ``(year, seq)`` and
``number`` are the backstop; the service retries on a clash (e.g. after a format change).
Numbers are unique, not gapless: a render that fails gives its number up.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from portal.certificates import settings
from portal.extensions import db
from portal.models.certificate import CertificateCounter


def next_seq(year: int) -> int:
    insert = pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
    db.session.execute(insert(CertificateCounter).values(year=year, last_seq=0)
                       .on_conflict_do_nothing())
    return db.session.execute(
        update(CertificateCounter).where(CertificateCounter.year == year)
        .values(last_seq=CertificateCounter.last_seq + 1)
        .returning(CertificateCounter.last_seq)
    ).scalar_one()


def format_number(seq: int, slug: str, unit: str, year: int, fmt: str | None = None) -> str:
    fmt = fmt or settings.get("certificate.number_format")
    try:
        settings.check_number_format(fmt)
    except ValueError:
        fmt = settings.BY_KEY["certificate.number_format"].default
    return fmt.format(seq=seq, slug=slug, unit=unit or "-", year=year)[:120]
