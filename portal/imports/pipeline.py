"""One way to import a file in the browser, for every importer: upload → preview job → preview
page → commit job.

Reading and checking a file of 100,000 rows takes longer than a web request may, so both the
preview and the commit run on the task queue (:mod:`portal.tasks`). An importer declares a
:class:`Pipeline` — how to check a file and how to write it for the account that uploaded it —
and its views call :func:`begin_preview`, :func:`stored_preview` and :func:`begin_commit`.

The upload's token is remembered in the uploader's session before the preview job starts
(:mod:`portal.imports.storage`), so only that account can commit it; the preview page is the
job's, so only that account can see it (:func:`portal.tasks.views.own_job`). Both jobs run
under the uploader's current authority (scope read again from the account, not from the
request that started them).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from flask import abort
from flask_login import current_user
from werkzeug.datastructures import FileStorage

from portal.extensions import db
from portal.imports import storage
from portal.imports.reader import ImportFileError
from portal.imports.snapshot import SHOWN, StoredPreview
from portal.models import Account
from portal.models.task_job import DONE, TaskJob
from portal.tasks.jobs import JobFailed, Report, handler, start

PREVIEW, COMMIT = "imports.preview", "imports.commit"


@dataclass(frozen=True)
class Pipeline:
    name: str  # the storage kind: "units", "employees", "activities", …
    noun: str  # "pegawai", "riwayat kegiatan": the jobs' titles
    index: str  # endpoint of the upload page
    page: str  # endpoint of the preview page (takes ``job_id``)
    check: Callable[[Path, str, Account], object]  # (file, ext, uploader) -> result
    # (file, ext, original name, uploader, job, report) -> result; writes all rows or none
    write: Callable[[Path, str, str, Account, TaskJob, Report], object]
    summary: Callable[[object], str]  # what a committed result says
    # a commit already written by this job (a retry after the commit), else None
    done_before: Callable[[TaskJob], str | None] = lambda job: None


PIPELINES: dict[str, Pipeline] = {}


def register(pipeline: Pipeline) -> Pipeline:
    PIPELINES[pipeline.name] = pipeline
    return pipeline


# ------------------------------------------------------------------ in the request


def begin_preview(name: str, upload: FileStorage | None) -> TaskJob:
    """Store the upload, remember it for this account and start its preview job.

    :raises ImportFileError: no file, or a file of a kind the importers do not read.
    """
    if upload is None or not upload.filename:
        raise ImportFileError("Pilih berkas .xlsx atau .csv terlebih dahulu.")
    storage.sweep()
    pending = storage.save(upload, name)
    storage.remember(pending)
    return start(PREVIEW, _params(name, pending), current_user.id,
                 message="Pemeriksaan berkas menunggu antrean tugas.")


def stored_preview(names: Collection[str], job_id: int) -> tuple[TaskJob, StoredPreview, str | None]:
    """The finished preview job ``job_id`` of this account and one of the importers ``names``,
    its stored result and the token to commit with (None when the file had problems). 404 for
    anyone else's job."""
    from portal.tasks.views import own_job

    job = own_job(job_id)
    if job.kind != PREVIEW or job.arguments.get("pipeline") not in names or job.status != DONE:
        abort(404)
    preview = StoredPreview.from_dict(job.outcome["pratinjau"])
    return job, preview, job.arguments["token"] if preview.ok else None


def begin_commit(name: str, token: str) -> TaskJob:
    """Hand the previewed upload behind ``token`` to a commit job (the job deletes the file).

    :raises storage.TokenRefused, storage.TokenStale: as :func:`storage.claim`.
    """
    pending = storage.claim(token, name)
    job = start(COMMIT, _params(name, pending), current_user.id,
                message="Penyimpanan menunggu antrean tugas.")
    storage.release(pending)
    return job


def _params(name: str, pending: storage.Pending) -> dict:
    return {"pipeline": name, "file": pending.path.name, "ext": pending.ext,
            "filename": pending.filename, "token": pending.token,
            "judul": f"Impor {PIPELINES[name].noun} {pending.filename}"}


# ------------------------------------------------------------------ on the queue


def _job_file(job: TaskJob) -> tuple[Pipeline, Path, dict, Account]:
    args = job.arguments
    pipeline = PIPELINES[args["pipeline"]]
    uploader = db.session.get(Account, job.created_by_id) if job.created_by_id else None
    if uploader is None or not uploader.is_active:
        raise JobFailed("Akun pengunggah tidak aktif lagi; tidak ada yang disimpan.")
    path = storage.folder() / Path(args["file"]).name
    return pipeline, path, args, uploader


def _again(pipeline: Pipeline) -> dict:
    return {"lanjut": [pipeline.index, "Unggah berkas lain"]}


def _missing(pipeline: Pipeline) -> JobFailed:
    return JobFailed("Berkas impor sudah tidak tersedia; unggah dan periksa ulang berkas.",
                     _again(pipeline))


@handler(PREVIEW)
def preview_job(job: TaskJob, report: Report) -> dict:
    """Read and check the file; nothing is written. A file with problems is deleted."""
    pipeline, path, args, uploader = _job_file(job)
    if not path.is_file():
        raise _missing(pipeline)
    report(5, "Membaca dan memeriksa berkas.")
    try:
        result = pipeline.check(path, args["ext"], uploader)
    except ImportFileError as error:
        path.unlink(missing_ok=True)
        raise JobFailed(f"{args['filename']}: {error}", _again(pipeline)) from None
    finally:
        db.session.rollback()
    if not result.ok:
        path.unlink(missing_ok=True)
    stored = StoredPreview.of(result, getattr(result, "kind", pipeline.name))
    verdict = ("tidak ada masalah" if stored.ok
               else f"{stored.count('problems')} masalah, tidak bisa disimpan")
    return {"ringkasan": f"Pemeriksaan selesai: {stored.rows} baris, {verdict}.",
            "judul": args["judul"], "pratinjau": stored.as_dict(),
            "buka": [pipeline.page, {"job_id": job.id}]}


@handler(COMMIT)
def commit_job(job: TaskJob, report: Report) -> dict:
    """Check the file again and write it, all or nothing; the file is deleted afterwards."""
    pipeline, path, args, uploader = _job_file(job)
    outcome = {"judul": args["judul"], **_again(pipeline)}
    if done := pipeline.done_before(job):
        return {"ringkasan": done, **outcome}
    if not path.is_file():
        raise _missing(pipeline)
    report(5, "Membaca dan memeriksa berkas.")
    try:
        result = pipeline.write(path, args["ext"], args["filename"], uploader, job, report)
    except ImportFileError as error:
        path.unlink(missing_ok=True)
        raise JobFailed(f"{args['filename']}: {error}", outcome) from None
    path.unlink(missing_ok=True)  # kept until here: a system error is retried with it
    if not result.ok:  # the data changed since the preview: nothing was written
        outcome["ringkasan"] = ("Tidak ada yang disimpan: data berubah sejak pratinjau. "
                                "Perbaiki berkas lalu unggah ulang.")
        outcome["masalah"] = [(p.row, p.column, p.message) for p in result.problems[:SHOWN]]
        outcome["masalah_lain"] = max(0, len(result.problems) - SHOWN)
        raise JobFailed(outcome["ringkasan"], outcome)
    outcome["ringkasan"] = f"{pipeline.summary(result)}."
    warnings = getattr(result, "row_warnings", [])
    outcome["peringatan"] = [f"Baris {p.row}: {p.message}" for p in warnings[:SHOWN]]
    return outcome
