"""Import historical activities in the browser: upload, preview (problems and cap warnings),
then save. Plain HTML forms; htmx (hx-boost) only swaps the same pages in. Saving runs as a
background job (portal.activities.jobs): the page then shows its progress and outcome."""

from __future__ import annotations

import codecs
import csv
import io

from flask import Blueprint, Response, flash, request
from flask_login import current_user

from portal.access import ADMINS, access
from portal.activities import importer
from portal.activities.columns import COLUMNS, HELP
from portal.activities.jobs import start_commit
from portal.exports import content_disposition
from portal.imports import storage
from portal.imports.reader import MAX_ROWS, ImportFileError, angka
from portal.web import redirect_to, render

bp = Blueprint("activities", __name__, url_prefix="/impor/kegiatan")

KIND = "activities"
SHOWN = 500


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
    return Response(content, mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": content_disposition("templat-impor-kegiatan.csv"),
        "Cache-Control": "no-cache"})


@bp.route("/pratinjau", methods=["POST"])
@access(*ADMINS)
def preview():
    upload = request.files.get("berkas")
    if upload is None or not upload.filename:
        return _page(422, "Pilih berkas .xlsx atau .csv terlebih dahulu.")
    storage.sweep()
    try:
        pending = storage.save(upload, KIND)
    except ImportFileError as error:
        return _page(422, str(error))
    try:
        result = importer.preview(pending.path, importer.scope_of(current_user), pending.ext)
    except ImportFileError as error:
        storage.discard(pending)
        return _page(422, f"{pending.filename}: {error}")
    if result.ok:
        storage.remember(pending)
    else:
        storage.discard(pending)
    return _result_page(result, pending.filename, pending.token if result.ok else None)


def _result_page(result, filename: str, token: str | None, stale: bool = False):
    return render("activities/preview.html", result=result, filename=filename, token=token,
                  stale=stale, shown=result.problems[:SHOWN],
                  hidden=max(0, len(result.problems) - SHOWN),
                  shown_warnings=result.row_warnings[:SHOWN],
                  hidden_warnings=max(0, len(result.row_warnings) - SHOWN))


@bp.route("/simpan", methods=["POST"])
@access(*ADMINS)
def commit():
    try:
        pending = storage.claim(request.form.get("token", ""), KIND)
    except storage.TokenRefused as refused:
        flash(str(refused), "error")
        return redirect_to("activities.index")
    except storage.TokenStale as stale:
        flash(str(stale), "warning")
        return redirect_to("activities.index")
    job = start_commit(pending, importer.scope_of(current_user), current_user.id)
    storage.release(pending)
    return redirect_to("tasks.show", job_id=job.id)
