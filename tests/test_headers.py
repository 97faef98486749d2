"""Security headers, CSP-clean HTML, Indonesian error pages and escaped stored payloads."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from flask import Blueprint

from portal.access import ROLES, access
from portal.hookspecs import hookimpl
from portal.types import PluginInfo
from tests.plugin_double import plugin
from tests.test_access import HTMX, RealIds, signed_in, targets

PAYLOADS = ('<img src=x onerror=alert(1)>', '<div hx-get="/admin/peran" hx-trigger="load">')


# --------------------------------------------------------------------------- helpers


class InlineCodeFinder(HTMLParser):
    """Collects everything a strict CSP (no 'unsafe-inline') would block or that runs code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        for name, value in values.items():
            if name == "style":
                self.problems.append(f"<{tag} style=…>")
            if re.fullmatch(r"on[a-z]+", name) or re.match(r"(data-)?hx-on", name):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and \
                    value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:…>")
        if tag == "script":
            self._in_script = True
            if not values.get("src"):
                self.problems.append("<script> without src")
        if tag == "style":
            self.problems.append("<style> element")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append(f"inline script body {data.strip()[:40]!r}")


def parse(html: str) -> InlineCodeFinder:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder


def header_problems(response, page: bool = True) -> list[str]:
    headers = response.headers
    found = []
    csp = headers.get("Content-Security-Policy", "")
    if not csp:
        found.append("no CSP")
    if "unsafe-inline" in csp or "unsafe-eval" in csp:
        found.append(f"weak CSP {csp}")
    if "object-src 'none'" not in csp:
        found.append("CSP without object-src 'none'")
    if "frame-ancestors 'none'" not in csp and headers.get("X-Frame-Options") != "DENY":
        found.append("framing allowed")
    if headers.get("X-Content-Type-Options") != "nosniff":
        found.append("no nosniff")
    if headers.get("Referrer-Policy") != "same-origin":
        found.append(f"Referrer-Policy {headers.get('Referrer-Policy')!r}")
    if page:
        if "no-store" not in headers.get("Cache-Control", ""):
            found.append(f"Cache-Control {headers.get('Cache-Control')!r}")
        if "hx-request" not in {v.strip().lower() for v in headers.get("Vary", "").split(",")}:
            found.append(f"Vary {headers.get('Vary')!r}")
    if "Access-Control-Allow-Origin" in headers:
        found.append("CORS header")
    return found


@pytest.fixture
def portal(make_app):
    return make_app(plugins=[plugin()], PROPAGATE_EXCEPTIONS=False)


def get_pages(app, client, ids: RealIds):
    """(label, response) for every GET of the sweep, with and without HX-Request."""
    for target in targets(app):
        if target.method != "GET":
            continue
        for headers in ({}, HTMX):
            url = ids.url(app, target)
            yield f"{target} {'htmx' if headers else ''}", target, client.get(url, headers=headers)


# --------------------------------------------------------------------------- headers + HTML


def test_every_page_of_the_sweep_has_headers_and_no_inline_code(portal, two_units, people):
    ids = RealIds(two_units, people)
    client = signed_in(portal, two_units["sdm"])
    failures, html_pages = [], 0
    for label, target, response in get_pages(portal, client, ids):
        static = target.endpoint == "static" or target.endpoint.endswith(".static")
        page = not static and response.mimetype == "text/html"
        failures += [f"{label}: {p}" for p in header_problems(response, page=page)]
        if response.mimetype == "text/html":
            html_pages += 1
            if "charset=utf-8" not in response.content_type.lower():
                failures.append(f"{label}: content type {response.content_type}")
            failures += [f"{label}: {p}" for p in parse(response.get_data(as_text=True)).problems]
    assert html_pages > 20
    assert not failures, "\n".join(failures)


def test_anonymous_responses_have_headers(client):
    for response in (client.get("/masuk"), client.get("/"), client.get("/", headers=HTMX),
                     client.get("/tidak-ada"), client.post("/masuk", csrf=False)):
        assert header_problems(response) == [], response.status_code
    login = client.get("/masuk").get_data(as_text=True)
    assert parse(login).problems == []


def test_employee_export_is_not_cached(client, two_units):
    client.login(two_units["sdm"].nip)
    response = client.get("/pegawai/ekspor.xlsx")
    assert response.status_code == 200
    assert header_problems(response) == []
    assert response.headers["Content-Disposition"].startswith("attachment")


def test_static_files_are_nosniff_and_cacheable(client):
    response = client.get("/static/app.css")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_login_page_is_csp_clean_and_indonesian(client):
    response = client.get("/masuk")
    html = response.get_data(as_text=True)
    assert '<html lang="id"' in html
    scripts = [t for t in parse(html).tags if t[0] == "script"]
    assert scripts and all(attrs["src"].startswith("/static/") for _, attrs in scripts)


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/masuk").headers
    secure = client.get("/masuk", base_url="https://localhost")
    assert "max-age=31536000" in secure.headers["Strict-Transport-Security"]


# --------------------------------------------------------------------------- error pages


class _Broken:
    """A throw-away mechanism plugin whose only page raises."""

    def __init__(self) -> None:
        self.bp = Blueprint("rusak", __name__)

        @access(*ROLES)
        def index():
            raise RuntimeError("rahasia-internal: stack trace must not leak")

        self.bp.add_url_rule("/", "index", index)

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug="rusak", title="Rusak", model=10, description="Uji.")

    @hookimpl
    def portal_register_blueprints(self):
        return [self.bp]


def _assert_indonesian_error(response, code: int, title: str) -> None:
    html = response.get_data(as_text=True)
    assert response.status_code == code
    assert '<html lang="id"' in html
    assert title in html and f"Kode galat {code}" in html
    for english in ("Internal Server Error", "Not Found", "Forbidden", "Traceback",
                    "Method Not Allowed", "The requested URL"):
        assert english not in html
    assert header_problems(response) == []


def test_403_404_405_pages_are_indonesian(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    _assert_indonesian_error(client.get("/pegawai/"), 403, "Akses ditolak")
    _assert_indonesian_error(client.get("/pegawai/", headers=HTMX), 403, "Akses ditolak")
    _assert_indonesian_error(client.get("/tidak-ada"), 404, "Halaman tidak ditemukan")
    _assert_indonesian_error(client.get("/keluar"), 405, "Metode tidak diizinkan")


def test_404_for_anonymous_is_indonesian(client):
    _assert_indonesian_error(client.get("/tidak-ada"), 404, "Halaman tidak ditemukan")


def test_500_page_is_indonesian_and_hides_the_error(make_app, two_units):
    app = make_app(plugins=[("rusak", _Broken())], PROPAGATE_EXCEPTIONS=False)
    client = signed_in(app, two_units["A"]["staff"])
    for headers in ({}, HTMX):
        response = client.get("/m/rusak/", headers=headers)
        _assert_indonesian_error(response, 500, "Terjadi kesalahan")
        assert "rahasia-internal" not in response.get_data(as_text=True)


def test_csrf_error_page_is_indonesian(client):
    response = client.post("/masuk", csrf=False, data={"nip": "1", "password": "x"})
    _assert_indonesian_error(response, 400, "Formulir sudah kedaluwarsa")


# --------------------------------------------------------------------------- stored XSS


@pytest.mark.parametrize("payload", PAYLOADS)
def test_stored_payload_in_a_name_renders_escaped(portal, two_units, people, payload):
    victim = people.person(two_units["A"]["sub"], nama=payload, supervisor=two_units["A"]["atasan"])
    client = signed_in(portal, two_units["sdm"])
    pages = {
        "list": client.get("/pegawai/"),
        "search": client.get("/pegawai/", query_string={"q": payload[:12]}),
        "search htmx": client.get("/pegawai/", query_string={"q": payload[:12]}, headers=HTMX),
        "detail": client.get(f"/pegawai/{victim.id}"),
        "supervisor": client.get(f"/pegawai/{two_units['A']['atasan'].id}"),
        "edit": client.get(f"/pegawai/{victim.id}/ubah"),
    }
    own = signed_in(portal, victim)
    pages["own home"] = own.get("/")
    for label, response in pages.items():
        html = response.get_data(as_text=True)
        assert response.status_code == 200, label
        assert payload not in html, label
        assert "&lt;" in html and ("&lt;img" in html or "&lt;div" in html), label
        finder = parse(html)
        assert finder.problems == [], (label, finder.problems)
        for tag, attrs in finder.tags:
            assert attrs.get("hx-get") != "/admin/peran", label
            assert not (tag == "img" and "onerror" in attrs), label
