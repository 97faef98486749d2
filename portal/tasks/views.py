"""``/tugas/<id>``: a background job's progress, then its outcome or file.

Only the account that started the job sees it (another account gets 404). Until the job has
finished the page polls its status fragment with htmx every 2 s; without JavaScript a
``<meta http-equiv="refresh">`` reloads the whole page (a meta refresh is not a script: the
CSP does not govern it).
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, send_file
from flask_login import current_user

from portal.access import ROLES, access
from portal.exports import content_disposition
from portal.extensions import db
from portal.models.task_job import TaskJob
from portal.web import render

bp = Blueprint("tasks", __name__, url_prefix="/tugas")
REFRESH_SECONDS = 3


def _own(job_id: int) -> TaskJob:
    job = db.session.get(TaskJob, job_id)
    if job is None or job.created_by_id != current_user.id:
        abort(404)
    return job


@bp.route("/<int:job_id>")
@access(*ROLES)
def show(job_id: int):
    job = _own(job_id)
    return render("tasks/job.html", job=job, outcome=job.outcome, refresh=REFRESH_SECONDS)


@bp.route("/<int:job_id>/status")
@access(*ROLES)
def status(job_id: int):
    job = _own(job_id)
    return render("tasks/_status.html", job=job, outcome=job.outcome)


@bp.route("/<int:job_id>/berkas")
@access(*ROLES)
def download(job_id: int):
    """The file a finished job produced (kept under UPLOAD_FOLDER/tasks)."""
    job = _own(job_id)
    stored = job.outcome.get("berkas")
    if not job.finished or not stored:
        abort(404)
    path = result_folder() / Path(stored["path"]).name
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=stored["mimetype"])
    response.headers["Content-Disposition"] = content_disposition(stored["nama"])
    response.headers["Cache-Control"] = "private, no-store"
    return response


def result_folder() -> Path:
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / "tasks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
