"""Fixtures for the coaching plugin's tests (the portal's own come from portal.testing).

The programme flow's (Lamp. H) world is ``programme_world``; the unit flow's fixtures live in
``unit_fixtures.py`` and are imported by its test modules.
"""

from __future__ import annotations

import pytest
from programme_helpers import ProgrammeWorld

from portal.sdk import assessed_two_units  # noqa: F401  (two_units, G-03 holds)


@pytest.fixture
def programme_world(two_units, people, login) -> ProgrammeWorld:
    return ProgrammeWorld(two_units, people, login)
