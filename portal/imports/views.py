"""Import units, employees, assessment results and SKP ratings from CSV/XLSX in the browser:
upload, preview, then save — the checking and the saving as background jobs
(:mod:`portal.imports.pipeline`, :mod:`portal.imports.jobs`).

Works as plain HTML forms; with htmx (hx-boost on the page) the same requests are simply
swapped in.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user

from portal.access import access
from portal.exports import download
from portal.imports import importer, jobs, pipeline, storage, template_files
from portal.imports.columns import described
from portal.imports.reader import MAX_ROWS, ImportFileError, angka
from portal.web import redirect_to, render

bp = Blueprint("imports", __name__, url_prefix="/impor")

IMPORTERS = ("admin_unit", "admin_sdm", "superadmin")
# URL slug -> kind; the Indonesian slugs are the ones the pages link to.
SLUGS = {"unit": "units", "pegawai": "employees", "units": "units", "employees": "employees",
         "asesmen": "assessments", "skp": "skp"}
SLUG_OF = {"units": "unit", "employees": "pegawai", "assessments": "asesmen", "skp": "skp"}
KIND = "any(unit, pegawai, units, employees, asesmen, skp)"


def _kind(slug: str) -> str:
    kind = SLUGS.get(slug)
    if kind is None:
        abort(404)
    return kind


def _page(status: int = 200, **context):
    context.setdefault("error", None)
    context.setdefault("error_kind", None)
    page = render(
        "imports/index.html",
        columns={kind: described(kind) for kind in SLUG_OF},
        slug_of=SLUG_OF,
        limited=not current_user.is_ministry_wide,
        max_rows=angka(MAX_ROWS),
        max_mb=(request.max_content_length or 0) // (1024 * 1024),
        **context,
    )
    return page, status


@bp.route("/")
@access(*IMPORTERS)
def index():
    return _page()


@bp.route(f"/templat/<{KIND}:slug>.<any(xlsx, csv):fmt>")
@access(*IMPORTERS)
def template(slug: str, fmt: str):
    content, mimetype, name = template_files.build(_kind(slug), fmt)
    return download(content, name, mimetype=mimetype, cache="no-cache")


@bp.route(f"/<{KIND}:slug>/pratinjau", methods=["POST"])
@access(*IMPORTERS)
def preview(slug: str):
    kind = _kind(slug)
    try:
        job = pipeline.begin_preview(kind, request.files.get("berkas"))
    except ImportFileError as error:
        return _page(422, error=str(error), error_kind=kind)
    return redirect_to("tasks.show", job_id=job.id)


@bp.route("/pratinjau/<int:job_id>")
@access(*IMPORTERS)
def preview_result(job_id: int):
    job, result, token = pipeline.stored_preview(jobs.NAMES, job_id)
    return render("imports/preview.html", result=result, filename=job.arguments["filename"],
                  token=token, slug=SLUG_OF[result.kind], noun=importer.NOUNS[result.kind])


@bp.route(f"/<{KIND}:slug>/simpan", methods=["POST"])
@access(*IMPORTERS)
def commit(slug: str):
    try:
        job = pipeline.begin_commit(_kind(slug), request.form.get("token", ""))
    except storage.TokenRefused as refused:
        flash(str(refused), "error")
        return redirect_to("imports.index")
    except storage.TokenStale as stale:
        flash(str(stale), "warning")
        return redirect_to("imports.index")
    return redirect_to("tasks.show", job_id=job.id)
