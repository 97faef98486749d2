"""Serialising ledger writes per (employee, month) and per (organiser unit, month).

Caps are a read-then-write ("how many are counted already?"), so two concurrent credits for
the same group must not interleave (ASVS 2.3.4, no TOCTOU).

- PostgreSQL: transaction-scoped advisory locks, ``pg_advisory_xact_lock(employee_id, yyyymm)``
  and ``pg_advisory_xact_lock(-unit_id, yyyymm)`` for an organiser. They are released at
  commit or rollback. One ledger call takes its organiser lock first, then all its employee
  locks in ascending order, so two single-credit transactions never wait on each other in a
  cycle. A transaction that credits several participations holds the locks of the earlier
  ones: credit a meeting's participants together (same organiser), and commit between
  unrelated credits; a rare cycle otherwise ends in PostgreSQL's deadlock error (retry).
- SQLite: one writer at a time for the whole database. The ledger opens its transaction
  with ``BEGIN IMMEDIATE`` (the write lock is taken before the first read), so every read
  made for a cap already sees all committed rows and no other writer can commit in between.
  When the connection is already inside a transaction, the pysqlite driver opened it at the
  first INSERT/UPDATE/DELETE, which has taken the write lock already.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text

from portal.extensions import db

ADVISORY_LOCK = text("SELECT pg_advisory_xact_lock(CAST(:a AS integer), CAST(:b AS integer))")


def _begin_immediate() -> None:
    dbapi = db.session.connection().connection.dbapi_connection
    if not dbapi.in_transaction:
        dbapi.execute("BEGIN IMMEDIATE")


def lock_groups(organisers: Iterable[tuple[int, int]] = (),
                employees: Iterable[tuple[int, int]] = ()) -> None:
    """Lock (organiser_unit_id, yyyymm) and (employee_id, yyyymm) groups until the end of
    the current transaction."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "sqlite":
        _begin_immediate()
        return
    if dialect != "postgresql":
        raise RuntimeError(f"no ledger locking for database {dialect!r}")
    keys = [(-unit_id, month) for unit_id, month in sorted(set(organisers))]
    keys += sorted(set(employees))
    for first, second in keys:
        db.session.execute(ADVISORY_LOCK, {"a": first, "b": second})


def lock_ledger() -> None:
    """Hold off every other ledger writer until the end of the transaction (bulk
    recalculation). PostgreSQL: ``SHARE ROW EXCLUSIVE`` conflicts with the row-exclusive lock
    of every INSERT/UPDATE, not with reads; SQLite: ``BEGIN IMMEDIATE`` as above."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "sqlite":
        _begin_immediate()
    else:
        db.session.execute(text("LOCK TABLE jp_ledger_entry IN SHARE ROW EXCLUSIVE MODE"))
