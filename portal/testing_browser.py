"""Browser-journey fixtures shared by the core's and the plugins' tests (part of portal.testing).

Chromium is Debian's ``/usr/bin/chromium`` (Playwright never downloads a browser here). Without
it the journeys are skipped, unless ``PORTAL_E2E=1`` demands them (then they fail).
Fixtures: ``browser`` (session), ``serve`` (start a live server for an app), ``console``
(fails the test on console errors or CSP violations), ``new_page`` and ``artifacts``.
Helpers: ``sign_in`` (the login form, then the home page), ``fill_sign_in`` (the form's values,
set rather than typed) and ``wait_for_home`` (fails with the page's messages, not a bare timeout).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
ARTIFACTS = Path.cwd() / "test-artifacts"
# Console messages Chromium writes on its own when a page we open on purpose answers 4xx.
EXPECTED_STATUS_MESSAGE = "Failed to load resource: the server responded with a status of {code}"
# Surfaces CSP violations as console errors even where Chromium would only report them.
CSP_REPORTER = (
    "document.addEventListener('securitypolicyviolation', e => "
    "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
)


def browser_required() -> bool:
    return os.environ.get("PORTAL_E2E") == "1"


def sign_in(page, base: str, nip: str, password: str | None = None) -> None:
    """Sign in through the login form and wait for the home page."""
    from portal.testing import TEST_PASSWORD

    page.goto(f"{base}/masuk")
    fill_sign_in(page, nip, password or TEST_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    wait_for_home(page, base)


def fill_sign_in(page, nip: str, password: str) -> None:
    """Fill the login form. The values are set on the fields, not typed: Chromium sometimes gave
    the focus back to the NIP field (its autofocus) while a password was being typed into the
    next one, and the password landed in the NIP (seen in CI: "Kata sandi wajib diisi")."""
    from playwright.sync_api import expect

    for label, value in (("NIP / NI PPPK", nip), ("Kata sandi", password)):
        field = page.get_by_label(label)
        field.evaluate("(element, value) => { element.value = value; }", value)
        expect(field).to_have_value(value)


def wait_for_home(page, base: str) -> None:
    """Wait for the home page after a sign-in; when it does not come, fail with what the page
    says instead (the form's messages), not only with a timeout."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_url(f"{base}/")
    except PlaywrightTimeout:
        said = " ".join(page.locator("main").inner_text().split())[:600]
        raise AssertionError(f"sign-in stayed on {page.url}; the page says: {said}") from None


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if browser_required():
            pytest.fail(f"PORTAL_E2E=1 but {CHROMIUM} is missing", pytrace=False)
        pytest.skip(f"{CHROMIUM} not installed (set PORTAL_E2E=1 to require it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


class _Stoppable:
    """The live server's app, stoppable between tests: once stopped it answers 503 without
    touching the app, and :meth:`stop` waits for the requests already running. A page left open
    by a finished test (an htmx poll on a kept-alive connection) was still writing to SQLite while
    the next test restored the database file: "disk I/O error" in that test's set-up."""

    def __init__(self, app) -> None:
        self.app, self.running, self.stopped = app, 0, False
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            if self.stopped:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"stopped"]
            self.running += 1
        return self._answer(environ, start_response)

    def _answer(self, environ, start_response):
        try:
            answer = self.app(environ, start_response)
            try:
                yield from answer
            finally:
                getattr(answer, "close", lambda: None)()
        finally:
            with self.changed:
                self.running -= 1
                self.changed.notify_all()

    def stop(self, timeout: float = 10) -> None:
        with self.changed:
            self.stopped = True
            self.changed.wait_for(lambda: self.running == 0, timeout)


@pytest.fixture
def serve() -> Iterator:
    """``serve(app) -> base URL``: the app on 127.0.0.1:<free port>, stopped after the test
    (and every request it was still answering finished)."""
    servers = []

    def start(app) -> str:
        stoppable = _Stoppable(app)
        server = make_server("127.0.0.1", 0, stoppable, threaded=True)
        thread = threading.Thread(target=server.serve_forever, name="portal-live-server", daemon=True)
        thread.start()
        servers.append((server, thread, stoppable))
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server, thread, stoppable in servers:
        stoppable.stop()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class Console:
    """Console errors, uncaught page errors and CSP violations seen by the pages of a test."""

    messages: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        page.on("console", lambda m: m.type == "error" and self.messages.append(
            f"{m.text} @ {page.url}"))
        page.on("pageerror", lambda e: self.messages.append(f"page error {e} @ {page.url}"))

    def allow_status(self, code: int) -> None:
        self.allowed.append(EXPECTED_STATUS_MESSAGE.format(code=code))

    def problems(self) -> list[str]:
        return [m for m in self.messages if not any(m.startswith(a) for a in self.allowed)]


@pytest.fixture
def console() -> Iterator[Console]:
    watcher = Console()
    yield watcher
    assert watcher.problems() == [], "console errors / CSP violations:\n" + "\n".join(
        watcher.problems())


@pytest.fixture
def new_page(browser, console):
    """Open a page in a fresh browser context (own cookies); console output is watched."""
    contexts = []

    def factory(javascript: bool = True):
        context = browser.new_context(java_script_enabled=javascript, locale="id-ID",
                                      accept_downloads=True)
        context.set_default_timeout(10_000)
        if javascript:
            context.add_init_script(CSP_REPORTER)
        contexts.append(context)
        page = context.new_page()
        console.watch(page)
        return page

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
