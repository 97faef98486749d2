"""Import units and employees from CSV/XLSX in the browser: upload, preview, then save.

Works as plain HTML forms; with htmx (hx-boost on the page) the same requests are simply
swapped in.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, request
from flask_login import current_user

from portal.access import access
from portal.exports import content_disposition
from portal.imports import importer, storage, template_files
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
SHOWN_PROBLEMS = 500


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
    return Response(content, mimetype=mimetype, headers={
        "Content-Disposition": content_disposition(name), "Cache-Control": "no-cache"})


@bp.route(f"/<{KIND}:slug>/pratinjau", methods=["POST"])
@access(*IMPORTERS)
def preview(slug: str):
    kind = _kind(slug)
    upload = request.files.get("berkas")
    if upload is None or not upload.filename:
        return _page(422, error="Pilih berkas .xlsx atau .csv terlebih dahulu.", error_kind=kind)
    storage.sweep()
    try:
        pending = storage.save(upload, kind)
    except ImportFileError as error:
        return _page(422, error=str(error), error_kind=kind)
    try:
        result = importer.preview(kind, pending.path, importer.allowed_unit_kodes(current_user),
                                  pending.ext, actor=current_user)
    except ImportFileError as error:
        storage.discard(pending)
        return _page(422, error=f"{pending.filename}: {error}", error_kind=kind)
    if result.ok:
        storage.remember(pending)
    else:
        storage.discard(pending)
    return _preview_page(result, pending.filename, pending.token if result.ok else None)


def _preview_page(result, filename: str, token: str | None, stale: bool = False):
    return render(
        "imports/preview.html",
        result=result,
        filename=filename,
        token=token,
        stale=stale,
        slug=SLUG_OF[result.kind],
        noun=importer.NOUNS[result.kind],
        shown=result.problems[:SHOWN_PROBLEMS],
        hidden=max(0, len(result.problems) - SHOWN_PROBLEMS),
    )


@bp.route(f"/<{KIND}:slug>/simpan", methods=["POST"])
@access(*IMPORTERS)
def commit(slug: str):
    kind = _kind(slug)
    try:
        pending = storage.claim(request.form.get("token", ""), kind)
    except storage.TokenRefused as refused:
        flash(str(refused), "error")
        return redirect_to("imports.index")
    except storage.TokenStale as stale:
        flash(str(stale), "warning")
        return redirect_to("imports.index")
    try:
        result = importer.commit(kind, pending.path, importer.allowed_unit_kodes(current_user),
                                 source=pending.filename, ext=pending.ext, actor=current_user)
    except ImportFileError as error:
        storage.forget(pending)
        flash(str(error), "error")
        return redirect_to("imports.index")
    storage.forget(pending)
    if not result.ok:  # the data changed since the preview
        return _preview_page(result, pending.filename, None, stale=True)
    flash(f"{importer.summary(result)}.", "success")
    return redirect_to("imports.index")
