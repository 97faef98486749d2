"""Fixtures for the formal plugin's tests (the portal's own come from portal.testing)."""

from __future__ import annotations

import pytest
from formal_helpers import reports, submit
from portal_formal.models import FormalReport

from portal.sdk import assessed_two_units  # noqa: F401  (two_units, G-03 holds)


@pytest.fixture
def pending_report(two_units, login) -> FormalReport:
    """A report of Staf A (unit A.01), waiting for Atasan A."""
    response = submit(login(two_units["A"]["staff"]))
    assert response.status_code == 302, response.get_data(as_text=True)
    return reports()[-1]
