"""Engine set-up (SQLite pragmas for a web server) and the planner's statistics after bulk loads."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from portal.extensions import db


def configure_sqlite(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):  # pragma: no branch - runs on every connect
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


BULK_ROWS = 1000
LEDGER_TABLES = ("jp_ledger_entry", "jp_ledger_month", "jp_ledger_year")


def refresh_statistics(tables: Iterable[str], rows: int = BULK_ROWS) -> None:
    """After a bulk load (demo, imports) the planner still sees the old table sizes until
    autovacuum runs — on PostgreSQL a team page then plans for 63 rows where there are 118,000
    and runs 2–10× slower. ``ANALYZE`` the tables now (committed first: ANALYZE reads committed
    rows). Small loads (``rows`` < 1,000) and SQLite are left alone."""
    if rows < BULK_ROWS or db.engine.dialect.name != "postgresql":
        return
    db.session.commit()
    for table in tables:
        db.session.execute(text(f'ANALYZE "{table}"'))  # only a warning when not the owner
    db.session.commit()


def autovacuum_off(connection) -> bool:
    """True when PostgreSQL's autovacuum is switched off (statistics then go stale after every
    bulk load and dead rows pile up)."""
    if connection.dialect.name != "postgresql":
        return False
    return str(connection.execute(text("SHOW autovacuum")).scalar()).lower() in ("off", "false")
