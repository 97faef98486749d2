"""Test support for plugins whose join steps pass the core's eligibility gate.

G-03 needs an assessment gap or Hi-Po talent; without either the gate answers "cannot decide
yet". ``two_units`` of :mod:`portal.testing` records no assessment; a plugin's ``conftest.py``
that tests its workflow with those people takes this override::

    from portal.eligibility.testing import assessed_two_units  # noqa: F401  (two_units, G-03 holds)
"""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import Employee, EmployeeGap


def record_gaps(employees) -> None:
    """An assessment gap (teknis, level 2) for each employee, so that G-03 holds."""
    for employee in employees:
        db.session.add(EmployeeGap(employee_id=employee.id, standard="teknis",
                                   kompetensi="Pengelolaan sumber daya air", gap_level=2))
    db.session.commit()


@pytest.fixture(name="two_units")
def assessed_two_units(two_units):
    """``two_units`` with every employee carrying an assessment gap (G-03)."""
    record_gaps(db.session.query(Employee).all())
    return two_units
