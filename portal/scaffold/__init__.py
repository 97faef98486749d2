"""``flask plugins new SLUG``: write a complete, installable mechanism plugin to start from.

The package written is the reference plugin of docs/plugins.md: an activity reported by the
employee and accepted by the direct supervisor, credited to the JP ledger under a setting and a
monthly cap, with its pages, migration branch, demo data, README and tests (its own and the
core's contract kit). The files come from ``template/`` (``$name`` placeholders,
``__slug__`` in paths).
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

TEMPLATE_DIR = Path(__file__).parent / "template"
SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
MAX_SLUG = 30
# The circular's mechanisms (ARCHITECTURE): never a new plugin's slug, installed or not.
FIXED_SLUGS = frozenset({"magang", "pertukaran", "patok_banding", "detasering", "outbound", "komunitas",
                         "belajar_mandiri", "coaching", "formal"})


class ScaffoldError(ValueError):
    """The plugin cannot be written; the message (Indonesian) says why."""


@dataclass(frozen=True)
class PluginSpec:
    slug: str
    title: str
    model: int
    core_revision: str

    @property
    def camel(self) -> str:
        return "".join(part.capitalize() for part in self.slug.split("_"))

    @property
    def rule_prefix(self) -> str:
        parts = self.slug.split("_")
        return ("".join(p[0] for p in parts) if len(parts) > 1 else self.slug[:2]).upper()

    def values(self) -> dict[str, str]:
        prefix = self.rule_prefix
        return {"slug": self.slug, "dist": self.slug.replace("_", "-"), "Camel": self.camel,
                "title": self.title, "model": str(self.model), "core_revision": self.core_revision,
                "rule_jp": f"{prefix}-01", "rule_cap": f"{prefix}-02", "rule_accept": f"{prefix}-03"}


def check_slug(slug: str, taken: set[str], target: Path) -> None:
    """:raises ScaffoldError: the slug is no identifier, is taken, or its folder exists."""
    if not SLUG_PATTERN.match(slug) or len(slug) > MAX_SLUG or keyword.iskeyword(slug):
        raise ScaffoldError(f"Slug {slug!r} tidak sah: huruf kecil, angka dan garis bawah, diawali huruf, "
                            f"paling panjang {MAX_SLUG} karakter (mis. job_shadowing).")
    if slug in FIXED_SLUGS or slug in taken:
        raise ScaffoldError(f"Slug {slug!r} sudah dipakai mekanisme lain.")
    if target.exists():
        raise ScaffoldError(f"Folder {target} sudah ada.")


def write_plugin(spec: PluginSpec, target: Path) -> list[Path]:
    """Render the template into ``target`` (which must not exist); return the files written."""
    values = spec.values()
    written = []
    for source in sorted(TEMPLATE_DIR.rglob("*.tmpl")):
        relative = source.relative_to(TEMPLATE_DIR).with_suffix("")
        path = target / str(relative).replace("__slug__", spec.slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template(source.read_text(encoding="utf-8")).substitute(values), encoding="utf-8")
        written.append(path)
    return written
