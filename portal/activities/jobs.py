"""The activities import's commit as a background job (``activities.commit``, portal.tasks).

A 100,000-row file takes longer than a web request may (gunicorn's timeout); the page starts a
job and shows its progress. The job is the import's batch (``tugas-<id>`` on every ledger row),
so running it again after it committed — a retry, a consumer killed after the commit — finds
the batch and reports it instead of importing twice.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from portal.activities import importer
from portal.extensions import db
from portal.imports import storage
from portal.imports.reader import ImportFileError
from portal.ledger.models import LedgerEntry
from portal.models.task_job import TaskJob
from portal.tasks.jobs import JobFailed, Report, handler, start

KIND = "activities.commit"
SHOWN = 500


def start_commit(pending: storage.Pending, scope: tuple[str, ...] | None,
                 actor_id: int) -> TaskJob:
    """Hand the previewed upload to a job (the job deletes the file when done)."""
    return start(KIND, {"file": pending.path.name, "ext": pending.ext,
                        "filename": pending.filename, "scope": scope,
                        "judul": f"Impor riwayat kegiatan {pending.filename}"},
                 actor_id, message="Impor menunggu antrean tugas.")


@handler(KIND)
def commit_job(job: TaskJob, report: Report) -> dict:
    args = job.arguments
    batch = f"tugas-{job.id}"
    done = db.session.scalar(select(func.count()).select_from(LedgerEntry)
                             .where(LedgerEntry.import_batch == batch))
    if done:
        return _outcome(args, f"{done} kegiatan sudah diimpor oleh tugas ini.")
    path = storage.folder() / Path(args["file"]).name
    if not path.is_file():
        raise JobFailed("Berkas impor sudah tidak tersedia; unggah dan periksa ulang berkas.")
    scope = tuple(args["scope"]) if args["scope"] is not None else None
    report(5, "Membaca dan memeriksa berkas.")
    try:
        result = importer.commit(path, scope, source=args["filename"], ext=args["ext"],
                                 actor_id=job.created_by_id, batch=batch, progress=report)
    except ImportFileError as error:
        path.unlink(missing_ok=True)
        raise JobFailed(f"{args['filename']}: {error}") from None
    path.unlink(missing_ok=True)
    if not result.ok:  # the data changed since the preview: nothing was written
        outcome = _outcome(args, "Tidak ada yang disimpan: data berubah sejak pratinjau. "
                                 "Perbaiki berkas lalu unggah ulang.")
        outcome["masalah"] = [(p.row, p.column, p.message) for p in result.problems[:SHOWN]]
        outcome["masalah_lain"] = max(0, len(result.problems) - SHOWN)
        raise JobFailed(outcome["ringkasan"], outcome)
    outcome = _outcome(args, f"{importer.summary(result)}.")
    outcome["peringatan"] = [f"Baris {p.row}: {p.message}" for p in result.row_warnings[:SHOWN]]
    return outcome


def _outcome(args: dict, summary: str) -> dict:
    return {"ringkasan": summary, "judul": args.get("judul"),
            "lanjut": ["activities.index", "Impor berkas lain"]}  # endpoint, link text
