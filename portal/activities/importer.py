"""The activities import as one operation for the browser and the CLI: preview, then commit.

The commit credits every row through the ledger's bulk path
(:func:`portal.ledger.bulk.bulk_credit`, ``source="import"``) in one transaction: all rows or
none, one lock per import, one audit record per import and the batch id on every row.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from portal import audit
from portal.activities.caps_forecast import forecast
from portal.activities.validation import ActivityPreview, validate
from portal.database import LEDGER_TABLES, refresh_statistics
from portal.extensions import db
from portal.imports.reader import read_sheet
from portal.imports.validation import Problem
from portal.ledger.bulk import BulkRefused, bulk_credit
from portal.ledger.numbers import jp_number
from portal.models import Account

log = logging.getLogger(__name__)


def scope_of(user: Account) -> tuple[str, ...] | None:
    """Unit paths whose employees ``user`` may import for; None means the whole ministry."""
    return None if user.is_ministry_wide else tuple(user.admin_unit_paths)


def preview(path: Path, scope: tuple[str, ...] | None, ext: str | None = None,
            caps: bool = True) -> ActivityPreview:
    """Read and check the whole file and (``caps``) forecast the caps; nothing is written.

    :raises ImportFileError: when the file as a whole cannot be read.
    """
    result = validate(read_sheet(path, ext), scope)
    if result.ok and caps:
        forecast(result)
    return result


def commit(path: Path, scope: tuple[str, ...] | None, source: str, ext: str | None = None,
           actor_id: int | None = None, batch: str | None = None,
           progress: Callable[[int, str], None] | None = None) -> ActivityPreview:
    """Check the file again and credit every row in one transaction, all or nothing.

    The file is read and checked before the ledger's lock; :func:`portal.ledger.bulk.
    bulk_credit` then takes one lock for the whole import and checks again what others could
    have changed (duplicates, employees) before it writes — so other credits wait only for the
    writes. Returns the result; when it has problems nothing was written. ``not_counted`` and
    ``counted_jp`` are then the ledger's actual figures. ``batch`` (default: a new id) is the
    import's lineage on every ledger row and in its one audit record. ``progress(percent,
    message)`` is told when the checks are done and the writes start (a background job).
    """
    batch = batch or f"impor-{uuid.uuid4().hex[:16]}"
    try:
        result = preview(path, scope, ext)
        if not result.ok:
            db.session.rollback()
            return result
        if progress is not None:
            progress(50, f"{len(result.accepted)} baris lolos pemeriksaan; menyimpan ke buku JP.")
        try:
            outcome = bulk_credit([item.participation for item in result.accepted], batch,
                                  actor_id=actor_id)
        except BulkRefused as error:
            db.session.rollback()
            result.problems.append(Problem(result.accepted[error.index].row_number, "baris",
                                           str(error)))
            return result
        result.row_warnings = [  # the ledger's actual verdicts replace the forecast
            Problem(item.row_number, "baris", f"Diimpor tetapi tidak dihitung: {reason}")
            for item, counted, reason in zip(result.accepted, outcome.counted, outcome.reasons,
                                             strict=True) if not counted]
        result.not_counted = outcome.not_counted
        result.counted_jp = outcome.counted_jp
        flagged = sum(1 for flag in outcome.flags if flag)
        audit.record(
            "import.activities", "jp_ledger_entry", source[:60], None,
            {"baris": len(outcome.ids), "tidak_dihitung": result.not_counted,
             "jp_dihitung": jp_number(result.counted_jp), "berkas": source,
             "batch": batch, "ditandai": flagged},
            summary=f"Impor riwayat kegiatan dari {source}: {len(outcome.ids)} baris, "
                    f"{result.not_counted} tidak dihitung (batas), batch {batch}",
            actor_id=actor_id,
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    refresh_statistics(LEDGER_TABLES, len(outcome.ids))
    result.committed = True
    return result


def summary(result: ActivityPreview) -> str:
    """``N kegiatan diimpor, M tidak dihitung karena batas, J JP dihitung``."""
    return (f"{len(result.accepted)} kegiatan diimpor, {result.not_counted} tidak dihitung, "
            f"{jp_number(result.counted_jp)} JP dihitung")
