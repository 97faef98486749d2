"""Response helpers: full page or htmx fragment, security headers, error pages."""

from __future__ import annotations

import inspect
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, flash, g, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from jinja2_fragments.flask import render_block
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, SecurityError

from portal.refusal import Refusal
from portal.transitions import StaleDecision

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)


def render(template: str, block: str | None = None, **context) -> str:
    """Render the whole page, or only ``block`` for a (non-boosted) htmx request."""
    if block and request.htmx and not request.htmx.boosted:
        return render_block(template, block, **context)
    return render_template(template, **context)


def is_safe_next(target: str | None) -> bool:
    """Only same-site relative paths are accepted as a redirect target."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def redirect_to(endpoint: str, **values) -> Response:
    """Redirect that also works for htmx form posts (HX-Redirect)."""
    url = url_for(endpoint, **values)
    if request.htmx and not request.htmx.boosted:
        response = Response(status=204)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url)


def _security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request.endpoint != "static" and not (request.endpoint or "").endswith(".static"):
        headers.setdefault("Cache-Control", "no-store")
    response.vary.add("HX-Request")
    return response


ERROR_TEXT = {
    400: ("Permintaan tidak valid", "Permintaan tidak dapat diproses."),
    403: ("Akses ditolak", "Anda tidak memiliki hak untuk membuka halaman ini."),
    404: ("Halaman tidak ditemukan", "Halaman yang Anda cari tidak ada atau tidak aktif untuk unit Anda."),
    405: ("Metode tidak diizinkan", "Aksi ini tidak dapat dilakukan dengan cara tersebut."),
    413: ("Berkas terlalu besar", "Ukuran berkas melebihi batas yang diizinkan."),
    429: ("Terlalu banyak percobaan", "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi."),
    500: ("Terjadi kesalahan", "Terjadi kesalahan pada sistem. Silakan coba lagi; bila berulang, hubungi admin."),
    422: ("Permintaan ditolak", "Langkah ini tidak dapat dilakukan menurut aturan yang berlaku."),
    409: ("Data sudah berubah", "Data yang sama baru saja tersimpan — mungkin formulir terkirim dua kali atau "
          "orang lain menyimpannya lebih dulu. Tidak ada yang diubah oleh permintaan ini; buka kembali "
          "halamannya untuk melihat datanya."),
    503: ("Layanan sedang tidak tersedia", "Basis data portal sedang tidak dapat dihubungi. Coba lagi beberapa saat "
          "lagi; data yang Anda kirim belum tersimpan."),
}
RETRY_AFTER_SECONDS = 30


def _error_page(code: int, detail: str | None = None):
    """The error page; never needs the database: a failed transaction is rolled back first, and
    if the page cannot be rendered (the menu queries the database) a plain Indonesian text is
    answered instead."""
    from portal.extensions import db

    title, text = ERROR_TEXT.get(code, ERROR_TEXT[500])
    request_id = getattr(g, "request_id", "")
    try:
        db.session.rollback()
        if code == 503:  # the menu and the signed-in user need the database: no page layout
            raise RuntimeError("database unavailable")
        return render_template("errors/error.html", code=code, title=title, text=detail or text,
                               request_id=request_id), code
    except Exception:  # noqa: BLE001 - the database (or the template) is down: answer plainly
        if code != 503:
            current_app.logger.exception("error page for %s could not be rendered", code)
        reference = f" Kode permintaan: {request_id}." if request_id else ""
        response = Response(f"{title}. {detail or text}{reference}", code, mimetype="text/plain")
        if code == 503:
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


NUL_REFUSED = "Isian mengandung karakter NUL yang tidak diizinkan; periksa kembali isian Anda."


def _refuse_nul():
    """before_request: a NUL character in a query or form value is refused in one place (it
    would reach PostgreSQL, which refuses it with an error)."""
    values = list(request.args.values())
    if request.method != "GET" and request.mimetype in ("application/x-www-form-urlencoded",
                                                         "multipart/form-data"):
        values += list(request.form.values())
    if any("\x00" in value for value in values):
        return _error_page(400, NUL_REFUSED)
    return None


def register(app: Flask) -> None:
    from portal.idempotency import new_key

    app.jinja_env.globals["new_form_key"] = new_key  # {{ once() }} in forms that create records
    app.after_request(_security_headers)
    app.before_request(_refuse_nul)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _error_page(
            400, "Formulir sudah kedaluwarsa atau tidak sah (token CSRF). Muat ulang halaman lalu kirim lagi."
        )

    @app.errorhandler(SecurityError)
    def untrusted_host(error):
        # A foreign Host header (TRUSTED_HOSTS, portal.public_url): no URL can be built for it,
        # so the answer is plain text rather than the error page.
        return Response("Permintaan ditolak: alamat host tidak dikenal. Buka portal melalui "
                        "alamat resminya.", 400, mimetype="text/plain")

    @app.errorhandler(IntegrityError)
    def unique_key_race(error):
        # Two requests creating the same record at once: the loser's unique key fails. One
        # Indonesian answer for every such race (issue 16 item 3), never a 500.
        current_app.logger.warning("integrity error answered 409: %s", type(getattr(error, "orig", error)).__name__)
        return _error_page(409)

    @app.errorhandler(StaleDecision)
    def stale_decision(error):
        # A transition whose record someone else moved first (portal.transitions.claim_state)
        # and that no view answered itself: rolled back, the Indonesian refusal, never a 500.
        return _error_page(409, str(error))

    @app.errorhandler(Refusal)
    def refused(error: Refusal):
        # A refusal no view answered itself (portal.refusal): rolled back, its Indonesian message
        # and rule on the error page with 422 — never a 500.
        return _error_page(422, str(error))

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_down(error):
        # A lost or refused database connection: 503 with Retry-After, never a 500 that needs
        # the database to render (issue 16 item 4).
        current_app.logger.error("database unavailable: %s", type(getattr(error, "orig", error)).__name__)
        return _error_page(503)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code in ERROR_TEXT:
            return _error_page(error.code)
        return error


def commit_or_flash(action, success: str) -> bool:
    """:func:`run_step` for a view that goes on after the step: True when it was done
    (committed, ``success`` flashed), False when refused (rolled back, the refusal flashed)."""
    return run_step(action, success, back=lambda: True, refused=lambda _error: False)


def run_step(action, success: str, back, refused=None, flash_refusal: bool = True, field=None):
    """The one workflow step runner of every view (issue 13).

    Runs ``action()``. Done: commit, flash ``success`` (``{result}`` replaced by what the action
    returned) and answer ``back(result)`` (or ``back()``). Refused (:class:`Refusal`): roll
    back, flash the refusal (unless ``flash_refusal`` is off because the page shows it itself)
    and answer ``refused(error)`` — the page again with the user's input and 422 — or, without
    it, ``back()``. With ``field`` (a form field) the refusal is that field's error instead of a
    flash, so the page shown again holds the user's input with the reason beside it. Nothing is
    committed on a refusal."""
    from portal.extensions import db

    try:
        result = action()
    except Refusal as error:
        db.session.rollback()
        if field is not None:
            field.errors = [*field.errors, str(error)]
        elif flash_refusal:
            flash(str(error), "error")
        return refused(error) if refused is not None else _call(back, None)
    db.session.commit()
    if success:
        flash(success.replace("{result}", str(result)), "success")
    return _call(back, result)


def _call(back, result):
    """``back`` is a response, a function of the step's result, or a function of nothing."""
    if isinstance(back, Response) or not callable(back):
        return back
    return back(result) if inspect.signature(back).parameters else back()
