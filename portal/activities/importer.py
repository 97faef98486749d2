"""The activities import as one operation for the browser and the CLI: preview, then commit.

The commit checks the file again under the ledger's lock (nothing can slip in between the
checks and the writes) and credits every row through :func:`portal.ledger.service.credit`
(``source="import"``) in one transaction: all rows or none.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

from portal import audit
from portal.activities.caps_forecast import forecast
from portal.activities.validation import ActivityPreview, validate
from portal.extensions import db
from portal.imports.reader import read_sheet
from portal.imports.validation import Problem
from portal.ledger.locks import lock_ledger
from portal.ledger.numbers import jp_number
from portal.ledger.service import LedgerError, credit
from portal.models import Account

log = logging.getLogger(__name__)


def scope_of(user: Account) -> tuple[str, ...] | None:
    """Unit paths whose employees ``user`` may import for; None means the whole ministry."""
    return None if user.is_ministry_wide else tuple(user.admin_unit_paths)


def preview(path: Path, scope: tuple[str, ...] | None, ext: str | None = None) -> ActivityPreview:
    """Read and check the whole file and forecast the caps; nothing is written.

    :raises ImportFileError: when the file as a whole cannot be read.
    """
    result = validate(read_sheet(path, ext), scope)
    if result.ok:
        forecast(result)
    return result


def commit(path: Path, scope: tuple[str, ...] | None, source: str, ext: str | None = None,
           actor_id: int | None = None) -> ActivityPreview:
    """Check the file again and credit every row in one transaction, all or nothing.

    Returns the result; when it has problems nothing was written. ``not_counted`` and
    ``counted_jp`` are then the ledger's actual figures.
    """
    try:
        lock_ledger()
        result = preview(path, scope, ext)
        if not result.ok:
            db.session.rollback()
            return result
        entries = []
        for item in result.accepted:
            try:
                entries.append(credit(item.participation, actor_id=actor_id))
            except LedgerError as error:
                db.session.rollback()
                result.problems.append(Problem(item.row_number, "baris", str(error)))
                return result
        result.row_warnings = [  # the ledger's actual verdicts replace the forecast
            Problem(item.row_number, "baris", f"Diimpor tetapi tidak dihitung: {entry.reason}")
            for item, entry in zip(result.accepted, entries, strict=True) if not entry.counted]
        result.not_counted = len(result.row_warnings)
        result.counted_jp = sum((entry.jp_counted for entry in entries), Decimal(0))
        audit.record(
            "import.activities", "jp_ledger_entry", source[:60], None,
            {"baris": len(entries), "tidak_dihitung": result.not_counted,
             "jp_dihitung": jp_number(result.counted_jp), "berkas": source},
            summary=f"Impor riwayat kegiatan dari {source}: {len(entries)} baris, "
                    f"{result.not_counted} tidak dihitung (batas)",
            actor_id=actor_id,
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    result.committed = True
    return result


def summary(result: ActivityPreview) -> str:
    """``N kegiatan diimpor, M tidak dihitung karena batas, J JP dihitung``."""
    return (f"{len(result.accepted)} kegiatan diimpor, {result.not_counted} tidak dihitung, "
            f"{jp_number(result.counted_jp)} JP dihitung")
