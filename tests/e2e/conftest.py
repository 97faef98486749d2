"""Browser journeys of the core (fixtures ``browser``, ``serve``, ``new_page``, ``console`` and
``artifacts`` come from portal.testing); every test here is marked ``e2e``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from portal.testing_browser import CHROMIUM, browser_required  # noqa: F401 - used by the modules here
from tests.plugin_double import plugin


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def live_server(make_app, two_units, serve) -> Iterator[str]:
    """The portal with the example plugin on 127.0.0.1:<free port>, on this test's database."""
    yield serve(make_app(plugins=[plugin()]))
