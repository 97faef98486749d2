"""The activities import on the task queue (:mod:`portal.imports.pipeline`).

The commit job is the import's batch (``tugas-<id>`` on every ledger row), so running it again
after it committed — a retry, a consumer killed after the commit — finds the batch and reports
it instead of importing twice.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from portal.activities import importer
from portal.extensions import db
from portal.imports.pipeline import Pipeline, register
from portal.ledger.models import LedgerEntry
from portal.models import Account
from portal.models.task_job import TaskJob
from portal.tasks.jobs import Report

NAME = "activities"


def _batch(job: TaskJob) -> str:
    return f"tugas-{job.id}"


def _check(path: Path, ext: str, uploader: Account):
    return importer.preview(path, importer.scope_of(uploader), ext)


def _write(path: Path, ext: str, source: str, uploader: Account, job: TaskJob, report: Report):
    return importer.commit(path, importer.scope_of(uploader), source=source, ext=ext,
                           actor_id=uploader.id, batch=_batch(job), progress=report)


def _done_before(job: TaskJob) -> str | None:
    done = db.session.scalar(select(func.count()).select_from(LedgerEntry)
                             .where(LedgerEntry.import_batch == _batch(job)))
    return f"{done} kegiatan sudah diimpor oleh tugas ini." if done else None


PIPELINE = register(Pipeline(NAME, "riwayat kegiatan", "activities.index",
                             "activities.preview_result", _check, _write, importer.summary,
                             _done_before))
