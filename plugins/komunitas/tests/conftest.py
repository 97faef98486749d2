"""Fixtures for the komunitas plugin's tests (the portal's own come from portal.testing)."""

from __future__ import annotations

import pytest
from komunitas_helpers import World

from portal.sdk import assessed_two_units  # noqa: F401  (two_units, G-03 holds)


@pytest.fixture
def world(two_units, people, login) -> World:
    return World(two_units, people, login)
