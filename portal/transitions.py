"""State transitions that hold when two people decide at once (issue 16 item 3).

:func:`claim_state` moves a record from one of the expected states to the new one with a
conditional ``UPDATE … WHERE id = :id AND status IN (:expected)`` *before* any side effect (a
ledger credit, a certificate, a notice). Whoever's UPDATE lands first wins; on PostgreSQL the
other transaction's UPDATE waits for the row lock, then finds the state changed and matches no
row; on SQLite writers are serialised. The loser gets :class:`StaleDecision` — an Indonesian
refusal — and its transaction rolls back, so the final state and the ledger always agree.
"""

from __future__ import annotations

from sqlalchemy import update

from portal.extensions import db
from portal.refusal import Refusal

STALE = ("Data ini baru saja diputuskan atau diubah oleh orang lain, sehingga keputusan Anda tidak "
         "dicatat. Muat ulang halaman untuk melihat keadaan terbarunya.")


class StaleDecision(Refusal):
    """The record is no longer in a state this decision applies to (someone else decided)."""

    def __init__(self, message: str = STALE) -> None:
        super().__init__(message)


def claim_state(record, expected: tuple[str, ...], new: str, refusal: str = STALE,
                attribute: str = "status") -> str:
    """Move ``record`` from one of ``expected`` to ``new`` atomically; return the old state.

    :raises StaleDecision: with ``refusal`` when the stored state is not one of ``expected``
        (checked by the database, not by the copy in memory).
    """
    model = type(record)
    column = getattr(model, attribute)
    old = getattr(record, attribute)
    result = db.session.execute(
        update(model).where(model.id == record.id, column.in_(expected)).values({attribute: new})
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        db.session.expire(record, [attribute])
        raise StaleDecision(refusal)
    db.session.expire(record, [attribute])  # re-read: the database holds the new state
    return old
