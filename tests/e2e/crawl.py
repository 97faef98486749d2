"""A crawler for the browser checks of issue 18: from the home page, follow every same-origin
link a role can see, open one page per page kind (URL rule), and on each measure the page's
width at the phone viewport and run axe-core.

axe-core is vendored (portal/static/vendor/axe-core-4.14.1.min.js) but no portal page loads
it: :func:`with_axe` adds it to a test's browser context as an init script (injected by the
browser's DevTools protocol, so the pages' Content-Security-Policy stays as strict as in
production — ``add_script_tag`` would need an inline script that the CSP refuses)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from playwright.sync_api import Error as PlaywrightError

AXE = Path(__file__).resolve().parents[2] / "portal" / "static" / "vendor" / "axe-core-4.14.1.min.js"
BLOCKING = ("critical", "serious", "moderate")
SKIP_SUFFIXES = (".pdf", ".xlsx", ".zip", ".csv", ".png", ".jpg", ".docx", ".pptx", ".json")
SKIP_PREFIXES = ("/static/", "/keluar", "/api/", "/verifikasi/")
SKIP_PARTS = ("/unduh", "/berkas", "/download")
# Read the links of the page (same origin, GET) without following them.
PER_ROLE = {"/"}  # the home differs per role: checked for each
LINKS = "() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


@dataclass
class Finding:
    url: str
    role: str
    problem: str


@dataclass
class Crawl:
    base: str
    rule_of: Callable[[str], str | None]
    limit: int = 200
    seen_rules: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    visited: list[tuple[str, str]] = field(default_factory=list)

    def run(self, page, role: str) -> None:
        """Breadth-first from ``/``: every page kind not yet checked (by any role) is checked."""
        queue, queued = deque([self.base + "/"]), {self.base + "/"}
        while queue and len(self.visited) < self.limit:
            url = queue.popleft()
            path = urlsplit(url).path
            rule = self.rule_of(path)
            if rule in self.seen_rules and rule not in PER_ROLE:
                continue  # another URL of a kind already checked: not worth a page load
            try:
                response = page.goto(url)
            except PlaywrightError:  # a download ("/unduh", files without a known suffix)
                continue
            if response is None or response.status >= 400 or urlsplit(page.url).path != path:
                continue  # refused or redirected: nothing of this kind to check here
            for link in page.evaluate(LINKS):
                link = urldefrag(link)[0]
                if self._follow(link) and link not in queued:
                    queued.add(link)
                    queue.append(link)
            if rule is None or (rule in self.seen_rules and rule not in PER_ROLE):
                continue
            self.seen_rules.add(rule)
            self.visited.append((role, path))
            self.check(page, role, url)

    def _follow(self, link: str) -> bool:
        parts = urlsplit(link)
        if not link.startswith(self.base) or parts.path.endswith(SKIP_SUFFIXES):
            return False
        if any(parts.path.startswith(prefix) for prefix in SKIP_PREFIXES) \
                or any(part in parts.path for part in SKIP_PARTS):
            return False
        rule = self.rule_of(parts.path)
        # A page kind already checked is still followed once from the home page of each role
        # (its links may lead to kinds this role alone can open), but not its siblings.
        return rule is not None and rule not in self.seen_rules

    def check(self, page, role: str, url: str) -> None:
        scroll, inner = page.evaluate(WIDTH)
        if scroll > inner:
            self.findings.append(Finding(url, role, f"lebar halaman {scroll} px > layar {inner} px"))
        for violation in page.evaluate(AXE_RUN):
            if violation["impact"] in BLOCKING:
                self.findings.append(Finding(url, role, f"axe {violation['impact']} {violation['id']}: "
                                                        f"{violation['help']} {violation['nodes']}"))


def with_axe(context) -> None:
    """Make axe-core available on every page of ``context`` (a Playwright browser context)."""
    context.add_init_script(path=str(AXE))


def rule_resolver(app) -> Callable[[str], str | None]:
    """Path → its URL rule (``/m/<slug>/…`` kinds per plugin), None for unknown paths."""
    adapter = app.url_map.bind("localhost")

    def rule_of(path: str) -> str | None:
        from werkzeug.exceptions import HTTPException
        from werkzeug.routing import RequestRedirect

        try:
            rule, args = adapter.match(path, method="GET", return_rule=True)
        except RequestRedirect:
            return None
        except HTTPException:
            return None
        slug = args.get("slug") or args.get("kind")
        return f"{rule.rule}#{slug}" if slug else rule.rule

    return rule_of
