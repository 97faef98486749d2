"""``flask plugins new SLUG`` writes a complete plugin that passes its own tests and the contract
kit as it stands, and refuses a slug that is taken or not an identifier."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.scaffold import FIXED_SLUGS


def _new(runner, tmp_path, *args):
    return runner.invoke(args=["plugins", "new", *args, "--dir", str(tmp_path)])


@pytest.mark.parametrize("slug", ["Job-Shadowing", "1magang", "kelas", "a" * 31, "x__y", "import"])
def test_a_slug_that_is_no_identifier_is_refused(runner, tmp_path, slug):
    if slug == "kelas":
        (tmp_path / "kelas").mkdir()  # the folder exists already
    result = _new(runner, tmp_path, slug)
    assert result.exit_code != 0 and ("tidak sah" in result.output or "sudah ada" in result.output)


def test_a_slug_of_the_circular_or_an_installed_plugin_is_refused(runner, tmp_path):
    for slug in sorted(FIXED_SLUGS)[:2]:
        result = _new(runner, tmp_path, slug)
        assert result.exit_code != 0 and "sudah dipakai" in result.output
    assert list(tmp_path.iterdir()) == []


def _as_installed(package: Path, slug: str) -> None:
    """What ``pip install -e`` leaves for importlib.metadata: a dist-info with the entry point."""
    info = package / f"portal_{slug}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: portal-{slug}\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[portal]\n{slug} = portal_{slug}\n")


def test_the_scaffold_is_a_plugin_that_passes_its_tests_and_the_contract(runner, tmp_path):
    result = _new(runner, tmp_path, "job_shadowing", "--title", "Job shadowing", "--model", "70")
    assert result.exit_code == 0, result.output
    package = tmp_path / "job_shadowing"
    pyproject = (package / "pyproject.toml").read_text()
    assert 'job_shadowing = "portal_job_shadowing"' in pyproject
    migration = next((package / "portal_job_shadowing" / "migrations").glob("*.py")).read_text()
    assert 'branch_labels = ("job_shadowing",)' in migration and 'depends_on = "core_' in migration
    assert "JS-01" in (package / "README.md").read_text()
    _as_installed(package, "job_shadowing")
    env = {k: v for k, v in os.environ.items()
           if k not in {"PORTAL_TEST_DATABASE_URL", "PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT"}}
    env["PYTHONPATH"] = os.pathsep.join([str(package), env.get("PYTHONPATH", "")])
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                          "tests"], cwd=package, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "passed" in run.stdout and "failed" not in run.stdout
