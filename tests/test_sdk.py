"""The plugin SDK is the one door: every name of ``portal.sdk`` is documented in docs/plugins.md,
and code under ``plugins/`` imports nothing else from the core (tests: also the test support
modules ``portal.testing``, ``portal.testing_contract``, ``portal.testing_browser``,
``portal.testing_pdf``, ``portal.testing_mail``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import portal.sdk as sdk

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = ("portal.sdk", "portal.testing", "portal.testing_contract")
TEST_SUPPORT = ("portal.testing", "portal.testing_contract", "portal.testing_browser", "portal.testing_pdf",
                "portal.testing_mail")


def test_every_sdk_name_is_documented_in_the_plugin_guide():
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", guide, flags=re.MULTILINE))
    missing = sorted(set(sdk.__all__) - documented)
    assert missing == [], f"names of portal.sdk missing from docs/plugins.md: {missing}"
    for name in sdk.__all__:
        assert hasattr(sdk, name), name


def _core_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "portal":
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] == "portal"]
    return found


def test_plugins_import_only_the_sdk_from_the_core():
    offending = []
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        in_tests = "tests" in path.relative_to(ROOT).parts
        for module in _core_imports(path):
            if module != "portal.sdk" and not (in_tests and module in TEST_SUPPORT):
                offending.append(f"{path.relative_to(ROOT)}: {module}")
    assert offending == [], "plugins import core modules other than portal.sdk:\n" + "\n".join(offending)


def test_the_scaffold_imports_only_the_sdk():
    template = ROOT / "portal" / "scaffold" / "template"
    for path in template.rglob("*.py.tmpl"):
        text = path.read_text(encoding="utf-8").replace("$slug", "slug").replace("${slug}", "slug")
        text = re.sub(r"\$\{?\w+\}?", "x", text)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "portal":
                assert node.module in ALLOWED, f"{path.name}: {node.module}"
