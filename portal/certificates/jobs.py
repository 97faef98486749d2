"""Bulk issue in the background, with its state in the database (survives reloads).

Default (``PORTAL_CERTIFICATE_JOBS = "queue"``): the job goes to the task queue
(:mod:`portal.tasks`, Huey) as ``PORTAL_CERTIFICATE_PARALLEL`` tasks (2) that share its items, so
the consumers on every worker machine issue certificates side by side and a web worker that
stops (deploy, recycle, crash) loses nothing. ``"thread"`` runs it in a thread of the web worker
that started it (no consumer needed), ``"worker"`` leaves it to ``flask certificates work`` and
``"inline"`` runs it inside the request (tiny installs).

Items are claimed one by one with a conditional UPDATE, so several tasks, threads or worker
commands never issue the same item twice; the partial unique index on live certificates is the
backstop. A task killed mid-way leaves its claimed item to ``reset_claimed`` and the retry.
"""

from __future__ import annotations

import logging
import threading

from flask import Flask, current_app
from sqlalchemy import func, select, update

from portal.audit import record
from portal.certificates.context import CertificateError
from portal.certificates.service import issue
from portal.extensions import db
from portal.models import LedgerEntry
from portal.models.account import utcnow
from portal.models.certificate import CertificateJob, CertificateJobItem
from portal.models.task_job import TaskJob
from portal.refusal import Refusal
from portal.tasks.jobs import JobFailed, Report, handler
from portal.tasks.jobs import start as start_task

log = logging.getLogger(__name__)
MAX_ITEMS = 5000
PENDING, CLAIMED, DONE, FAILED = "menunggu", "proses", "selesai", "gagal"


class JobError(Refusal):
    """A bulk job cannot be started; the message is Indonesian."""


def start_bulk(ledger_entry_ids, actor_id: int | None, base_url: str = "",
               description: str = "") -> CertificateJob:
    """Create a job for these ledger rows (duplicates dropped, order kept) and commit it.

    The caller then launches it (:func:`launch`) or leaves it to ``flask certificates work``.
    :raises JobError: no rows, too many rows, or unknown row ids.
    """
    ids = list(dict.fromkeys(i for i in ledger_entry_ids if isinstance(i, int)))
    if not ids:
        raise JobError("Tidak ada entri JP yang dipilih untuk diterbitkan sertifikatnya.")
    if len(ids) > MAX_ITEMS:
        raise JobError(f"Paling banyak {MAX_ITEMS} sertifikat sekali terbit; persempit filter.")
    found = set(db.session.scalars(select(LedgerEntry.id).where(LedgerEntry.id.in_(ids))))
    if missing := [i for i in ids if i not in found]:
        raise JobError(f"Entri JP tidak ditemukan: {', '.join(map(str, missing[:10]))}.")
    job = CertificateJob(created_by_id=actor_id, total=len(ids), base_url=base_url[:200],
                         description=description[:300])
    job.items = [CertificateJobItem(ledger_entry_id=i) for i in ids]
    db.session.add(job)
    db.session.flush()
    record("certificate.bulk_start", "certificate_job", job.id, None,
           {"total": job.total, "description": job.description},
           summary=f"Penerbitan sertifikat massal #{job.id}: {job.total} entri", actor_id=actor_id)
    db.session.commit()
    return job


def _claim(job_id: int) -> CertificateJobItem | None:
    while True:
        item_id = db.session.scalar(
            select(CertificateJobItem.id).where(CertificateJobItem.job_id == job_id,
                                                CertificateJobItem.status == PENDING)
            .order_by(CertificateJobItem.id).limit(1))
        if item_id is None:
            db.session.commit()
            return None
        claimed = db.session.execute(
            update(CertificateJobItem).where(CertificateJobItem.id == item_id,
                                             CertificateJobItem.status == PENDING)
            .values(status=CLAIMED)).rowcount
        db.session.commit()
        if claimed:
            return db.session.get(CertificateJobItem, item_id)


def _settle(item: CertificateJobItem, status: str, message: str = "",
            certificate_id: int | None = None) -> None:
    counter = CertificateJob.done if status == DONE else CertificateJob.failed
    db.session.execute(update(CertificateJobItem).where(CertificateJobItem.id == item.id)
                       .values(status=status, message=message[:300],
                               certificate_id=certificate_id))
    db.session.execute(update(CertificateJob).where(CertificateJob.id == item.job_id)
                       .values({counter: counter + 1}))
    db.session.commit()


def _process(item: CertificateJobItem, actor_id: int | None, base_url: str) -> None:
    entry_id = item.ledger_entry_id
    try:
        certificate = issue(entry_id, actor_id, base_url or None)
    except CertificateError as error:
        db.session.rollback()
        _settle(item, FAILED, f"Entri JP #{entry_id}: {error}")
        return
    except Exception as error:  # one failure must not stop the rest
        db.session.rollback()
        log.exception("bulk certificate item %s failed", item.id)
        _settle(item, FAILED, f"Entri JP #{entry_id}: kesalahan sistem ({type(error).__name__}).")
        return
    _settle(item, DONE, certificate_id=certificate.id)


def run_job(job_id: int, limit: int | None = None) -> CertificateJob | None:
    """Process the pending items of a job (at most ``limit``); mark it finished when none are
    left. Safe to run from several threads or processes at once."""
    job = db.session.get(CertificateJob, job_id)
    if job is None:
        return None
    if job.status == PENDING:
        db.session.execute(update(CertificateJob).where(CertificateJob.id == job_id,
                                                        CertificateJob.status == PENDING)
                           .values(status="berjalan", started_at=utcnow()))
        db.session.commit()
    actor_id, base_url = job.created_by_id, job.base_url
    processed = 0
    while limit is None or processed < limit:
        item = _claim(job_id)
        if item is None:
            break
        _process(item, actor_id, base_url)
        processed += 1
    _finish_if_done(job_id)
    db.session.expire_all()
    return db.session.get(CertificateJob, job_id)


def _finish_if_done(job_id: int) -> None:
    open_items = db.session.scalar(select(func.count()).where(
        CertificateJobItem.job_id == job_id, CertificateJobItem.status.in_((PENDING, CLAIMED))))
    if open_items == 0:
        db.session.execute(update(CertificateJob).where(CertificateJob.id == job_id,
                                                        CertificateJob.status != DONE)
                           .values(status=DONE, finished_at=utcnow()))
        db.session.commit()


def _run_in_thread(app: Flask, job_id: int) -> None:
    with app.app_context():
        try:
            run_job(job_id)
        except Exception:
            log.exception("bulk certificate job %s stopped", job_id)
        finally:
            db.session.remove()


QUEUE_KIND = "certificates.bulk"


@handler(QUEUE_KIND)
def bulk_task(task: TaskJob, report: Report) -> dict:
    """One of the queue tasks sharing a bulk job: issue items until none is left."""
    job_id = int(task.arguments["certificate_job"])
    report(5, "Menerbitkan sertifikat.")
    job = run_job(job_id)
    if job is None:
        raise JobFailed("Pekerjaan sertifikat massal tidak ditemukan.")
    return {"ringkasan": f"Pekerjaan sertifikat massal #{job_id}: {job.done} dari {job.total} selesai, "
                         f"{job.failed} gagal.", "tautan": f"/sertifikat/massal/{job_id}"}


def launch(job: CertificateJob) -> threading.Thread | None:
    """Start the job as configured (``PORTAL_CERTIFICATE_JOBS``: queue, thread, inline, worker)."""
    mode = current_app.config.get("PORTAL_CERTIFICATE_JOBS", "queue")
    if mode == "queue":
        for _ in range(max(1, int(current_app.config.get("PORTAL_CERTIFICATE_PARALLEL", 2)))):
            start_task(QUEUE_KIND, {"certificate_job": job.id, "judul": f"Sertifikat massal #{job.id}"},
                       job.created_by_id, message="Sertifikat massal menunggu antrean tugas.")
        return None
    if mode == "inline":
        run_job(job.id)
        return None
    if mode == "worker":
        return None
    app = current_app._get_current_object()
    thread = threading.Thread(target=_run_in_thread, args=(app, job.id),
                              name=f"certificate-job-{job.id}", daemon=True)
    thread.start()
    app.extensions.setdefault("certificate_threads", {})[job.id] = thread
    return thread


def reset_claimed() -> int:
    """Items claimed by a process that died go back to the queue (used by the worker)."""
    count = db.session.execute(update(CertificateJobItem).where(
        CertificateJobItem.status == CLAIMED).values(status=PENDING)).rowcount
    db.session.commit()
    return count


def unfinished() -> list[int]:
    return list(db.session.scalars(select(CertificateJob.id).where(CertificateJob.status != DONE)
                                   .order_by(CertificateJob.id)))


def errors(job_id: int) -> list[CertificateJobItem]:
    return list(db.session.scalars(select(CertificateJobItem).where(
        CertificateJobItem.job_id == job_id, CertificateJobItem.status == FAILED)
        .order_by(CertificateJobItem.id)))
