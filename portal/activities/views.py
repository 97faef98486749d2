"""Import historical activities in the browser: upload, preview (problems and cap warnings),
then save. Plain HTML forms; htmx (hx-boost) only swaps the same pages in. Checking and saving
run as background jobs (portal.imports.pipeline): the job page shows their progress, then the
preview or the outcome."""

from __future__ import annotations

import codecs
import csv
import io

from flask import Blueprint, flash, request
from flask_login import current_user

from portal.access import ADMINS, access
from portal.activities.columns import COLUMNS, HELP
from portal.activities.jobs import NAME
from portal.exports import download
from portal.imports import pipeline, storage
from portal.imports.reader import MAX_ROWS, ImportFileError, angka
from portal.web import redirect_to, render

bp = Blueprint("activities", __name__, url_prefix="/impor/kegiatan")


def _page(status: int = 200, error: str | None = None):
    return render("activities/index.html", columns=HELP, error=error, max_rows=angka(MAX_ROWS),
                  max_mb=(request.max_content_length or 0) // (1024 * 1024),
                  limited=not current_user.is_ministry_wide), status


@bp.route("/")
@access(*ADMINS)
def index():
    return _page()


@bp.route("/templat.csv")
@access(*ADMINS)
def template():
    """The header row, ``;``-separated as Excel expects in Indonesia, UTF-8 with BOM."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow(COLUMNS)
    content = codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")
    return download(content, "templat-impor-kegiatan.csv", cache="no-cache")


@bp.route("/pratinjau", methods=["POST"])
@access(*ADMINS)
def preview():
    try:
        job = pipeline.begin_preview(NAME, request.files.get("berkas"))
    except ImportFileError as error:
        return _page(422, str(error))
    return redirect_to("tasks.show", job_id=job.id)


@bp.route("/pratinjau/<int:job_id>")
@access(*ADMINS)
def preview_result(job_id: int):
    job, result, token = pipeline.stored_preview((NAME,), job_id)
    return render("activities/preview.html", result=result, filename=job.arguments["filename"],
                  token=token)


@bp.route("/simpan", methods=["POST"])
@access(*ADMINS)
def commit():
    try:
        job = pipeline.begin_commit(NAME, request.form.get("token", ""))
    except storage.TokenRefused as refused:
        flash(str(refused), "error")
        return redirect_to("activities.index")
    except storage.TokenStale as stale:
        flash(str(stale), "warning")
        return redirect_to("activities.index")
    return redirect_to("tasks.show", job_id=job.id)
