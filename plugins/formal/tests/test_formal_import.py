"""``portal_import_row``: historical formal trainings in the activities import (G-01, FL-01)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from portal.sdk import ActivityRow, registry

ROW = ActivityRow(row_number=2, employee_id=1, unit_id=1, nip="198001012005011001", mechanism="formal",
                  activity_type="bimtek", role="peserta", on_date=dt.date(2025, 5, 20),
                  title="Bimtek SMKK", reference="impor:2", jp=Decimal("16"))


def answer(row: ActivityRow):
    return registry().pm.hook.portal_import_row(row=row)


def test_formal_row_is_credited_with_the_jp_on_its_certificate_fl_01(app):
    verdict = answer(ROW)
    assert verdict.accepted
    p = verdict.participation
    assert (p.mechanism, p.activity_type, p.role, p.jp_stated, p.source) == (
        "formal", "bimtek", "peserta", Decimal("16"), "import")


@pytest.mark.parametrize("changes, message", [
    ({"activity_type": "kursus"}, "(FL-01)"),
    ({"role": "pemateri"}, "(FL-01)"),
    ({"jp": None}, "(FL-01)"),
    ({"jp": Decimal("0")}, "(FL-01)"),
    ({"jp": Decimal("2.3")}, "(FL-01)"),
    ({"jp": Decimal("800")}, "(FL-01)"),
])
def test_formal_row_outside_g_01_types_or_fl_01_jp_is_refused(app, changes, message):
    verdict = answer(replace(ROW, **changes))
    assert verdict.accepted is False and message in verdict.message
    assert verdict.participation is None


def test_rows_of_other_mechanisms_are_left_to_their_plugins(app):
    from portal_formal import portal_import_row

    assert portal_import_row(row=replace(ROW, mechanism="magang", activity_type="magang")) is None
