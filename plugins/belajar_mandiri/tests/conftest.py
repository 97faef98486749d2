"""Fixtures for the belajar mandiri plugin's tests (the portal's own come from portal.testing)."""

from __future__ import annotations

import pytest
from bm_helpers import World


@pytest.fixture
def world(two_units, people, login) -> World:
    return World(two_units, people, login)
