"""Fixtures for the patok banding plugin's tests (the portal's own come from portal.testing)."""

from __future__ import annotations

import pytest
from patok_banding_helpers import World


@pytest.fixture
def world(two_units, people, login) -> World:
    return World(two_units, people, login)
