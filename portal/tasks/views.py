"""``/tugas/<id>``: a background job's progress, then its outcome or file; ``/tugas/``: the
account's jobs.

Only the account that started the job sees it (another account gets 404). Until the job has
finished the page polls its status fragment with htmx every 2 s; without JavaScript a
``<meta http-equiv="refresh">`` reloads the whole page (a meta refresh is not a script: the
CSP does not govern it). A finished job whose outcome names a page of its own (``"buka":
[endpoint, arguments]``, e.g. an import's preview) sends the user there: the page redirects,
the polled fragment answers with ``HX-Redirect``.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, redirect, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from portal.access import ROLES, access
from portal.exports import attach
from portal.extensions import db
from portal.models.task_job import DONE, TaskJob
from portal.pagination import page_number
from portal.web import render

bp = Blueprint("tasks", __name__, url_prefix="/tugas")
REFRESH_SECONDS = 3


def own_job(job_id: int) -> TaskJob:
    """The job ``job_id`` if the signed-in account started it; 404 otherwise."""
    job = db.session.get(TaskJob, job_id)
    if job is None or job.created_by_id != current_user.id:
        abort(404)
    return job


def _result_page(job: TaskJob) -> str | None:
    target = job.outcome.get("buka") if job.status == DONE else None
    return url_for(target[0], **target[1]) if target else None


@bp.route("/")
@access(*ROLES)
def index():
    query = (select(TaskJob).where(TaskJob.created_by_id == current_user.id)
             .order_by(TaskJob.id.desc()))
    page = db.paginate(query, page=page_number(), per_page=current_app.config["PORTAL_PAGE_SIZE"],
                       error_out=False)
    return render("tasks/index.html", page=page)


@bp.route("/<int:job_id>")
@access(*ROLES)
def show(job_id: int):
    job = own_job(job_id)
    if target := _result_page(job):
        return redirect(target, 303)
    return render("tasks/job.html", job=job, outcome=job.outcome, refresh=REFRESH_SECONDS)


@bp.route("/<int:job_id>/status")
@access(*ROLES)
def status(job_id: int):
    job = own_job(job_id)
    target = _result_page(job)
    response = current_app.make_response(
        render("tasks/_status.html", job=job, outcome=job.outcome, target=target))
    if target:
        response.headers["HX-Redirect"] = target
    return response


@bp.route("/<int:job_id>/berkas")
@access(*ROLES)
def download(job_id: int):
    """The file a finished job produced (kept under UPLOAD_FOLDER/tasks)."""
    job = own_job(job_id)
    stored = job.outcome.get("berkas")
    if not job.finished or not stored:
        abort(404)
    path = result_folder() / Path(stored["path"]).name
    if not path.is_file():
        abort(404)
    return attach(send_file(path, mimetype=stored["mimetype"]), stored["nama"])


def result_folder() -> Path:
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / "tasks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
