"""Background jobs: the ``task_job`` row the user sees, and the one Huey task that runs it.

A module that has long work registers a handler for its kind::

    from portal.tasks.jobs import JobFailed, handler

    @handler("activities.commit")
    def commit_activities(job, report):
        report(10, "Membaca berkas")
        ...
        return {"ringkasan": "..."}          # stored as the job's outcome (JSON)

and a view starts it with :func:`start` and redirects to ``/tugas/<id>``. ``report(percent,
message)`` commits progress on its own connection, so call it between phases (on SQLite not
while the handler's own write transaction is open). :class:`JobFailed` ends the job with its
Indonesian message and no retry; any other exception is retried by Huey (``RETRIES``) and the
job fails with a generic message after the last attempt.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable

from flask import Flask
from sqlalchemy import select, update

from portal.extensions import db
from portal.models.account import utcnow
from portal.models.task_job import DONE, FAILED, RUNNING, WAITING, TaskJob

log = logging.getLogger(__name__)
Report = Callable[[int, str], None]
Handler = Callable[[TaskJob, Report], dict]
HANDLERS: dict[str, Handler] = {}
STALE_MINUTES = 60  # a running job older than this had its consumer killed


class JobFailed(Exception):
    """The job cannot succeed (a bad file, a refused row); the message is shown as is, and
    ``outcome`` (e.g. the file's problems) on the job's page."""

    def __init__(self, message: str, outcome: dict | None = None) -> None:
        super().__init__(message)
        self.outcome = outcome or {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        HANDLERS[kind] = function
        return function
    return register


def start(kind: str, params: dict, actor_id: int | None, message: str = "") -> TaskJob:
    """Record a job, commit, and put it on the queue."""
    from portal.tasks.queue import enqueue

    if kind not in HANDLERS:
        raise ValueError(f"no task handler for {kind!r}")
    job = TaskJob(kind=kind, params=json.dumps(params), created_by_id=actor_id,
                  message=message or "Menunggu antrean tugas.", result="{}")
    db.session.add(job)
    db.session.commit()
    job_id = job.id
    enqueue(job_id)
    db.session.expire_all()
    return db.session.get(TaskJob, job_id)


def _set(job_id: int, **values) -> None:
    """Write job state on its own connection (visible at once, outside the handler's
    transaction)."""
    with db.engine.begin() as connection:
        connection.execute(update(TaskJob).where(TaskJob.id == job_id).values(**values))


def _claim(job_id: int) -> bool:
    with db.engine.begin() as connection:
        claimed = connection.execute(
            update(TaskJob).where(TaskJob.id == job_id, TaskJob.status == WAITING)
            .values(status=RUNNING, started_at=utcnow(), attempts=TaskJob.attempts + 1,
                    progress=0)).rowcount
    return bool(claimed)


def run(job_id: int, retries_left: int = 0) -> None:
    """Run a waiting job once; a job already running elsewhere or finished does nothing."""
    if not _claim(job_id):
        return
    job = db.session.get(TaskJob, job_id)

    def report(percent: int, message: str) -> None:
        _set(job_id, progress=max(0, min(99, int(percent))), message=message[:500])

    try:
        outcome = HANDLERS[job.kind](job, report)
    except JobFailed as failure:
        db.session.rollback()
        _set(job_id, status=FAILED, message=str(failure)[:500], finished_at=utcnow(),
             result=json.dumps(failure.outcome, default=str))
        return
    except Exception:
        db.session.rollback()
        log.exception("task job %s (%s) failed", job_id, job.kind)
        if retries_left > 0:
            _set(job_id, status=WAITING, message="Terjadi kesalahan; tugas dicoba lagi.")
            raise  # Huey retries
        _set(job_id, status=FAILED, finished_at=utcnow(),
             message="Tugas gagal karena kesalahan sistem; tidak ada yang disimpan. "
                     "Coba lagi atau hubungi pengelola portal.")
        return
    db.session.rollback()  # the handler committed its work; nothing else is pending
    _set(job_id, status=DONE, progress=100, finished_at=utcnow(),
         message=str(outcome.get("ringkasan", "Selesai."))[:500],
         result=json.dumps(outcome, default=str))


def task_body(app: Flask) -> Callable:
    """The Huey task for this app: run a job inside the app's context."""

    def run_job(job_id: int, task=None) -> None:
        with app.app_context():
            try:
                run(job_id, retries_left=task.retries if task is not None else 0)
            finally:
                db.session.remove()

    run_job.__name__ = "run_job"
    return run_job


def requeue_unfinished(stale_minutes: int = STALE_MINUTES) -> int:
    """Jobs waiting, or running longer than ``stale_minutes`` (their consumer was killed),
    go back on the queue; run at consumer start. Each job is one transaction, so one cut off
    left nothing behind; a job still really running is not claimed twice (:func:`_claim`)."""
    from portal.tasks.queue import enqueue

    stale_before = utcnow() - dt.timedelta(minutes=stale_minutes)
    with db.engine.begin() as connection:
        connection.execute(update(TaskJob).where(TaskJob.status == RUNNING,
                                                 TaskJob.started_at < stale_before)
                           .values(status=WAITING))
    ids = list(db.session.scalars(select(TaskJob.id).where(TaskJob.status == WAITING)
                                  .order_by(TaskJob.id)))
    db.session.rollback()
    for job_id in ids:
        enqueue(job_id)
    return len(ids)
