"""The early warning (issue 19): a report awaiting verification is *scheduled* JP — shown on
Pengembangan Saya apart from the counted JP — and leaves the schedule once decided."""

from __future__ import annotations

import pytest
from formal_helpers import LAST_MONTH

from portal.sdk import today


def _projection(client) -> str:
    page = client.get(f"/jp/saya?tahun={LAST_MONTH.year}").get_data(as_text=True)
    return page[page.index('id="proyeksi"'):page.index("Cara menghitung")]


@pytest.mark.hook("portal_scheduled_participations")
def test_a_report_awaiting_verification_is_scheduled_not_counted(pending_report, two_units, login):
    if LAST_MONTH.year != today().year:
        pytest.skip("the report's month is in last year: no projection for a settled year")
    staff = login(two_units["A"]["staff"])
    section = _projection(staff)
    assert "Pelatihan Perencanaan Jembatan" in section
    assert "<dt>JP terjadwal (belum terhitung)</dt><dd>24 JP</dd>" in section
    assert "<dt>JP terhitung</dt><dd>0 JP</dd>" in section
    atasan = login(two_units["A"]["atasan"])
    assert atasan.post(f"/m/formal/{pending_report.id}/verifikasi").status_code == 302
    section = _projection(staff)
    assert "Pelatihan Perencanaan Jembatan" not in section  # credited now: counted, not scheduled
    assert "<dt>JP terhitung</dt><dd>24 JP</dd>" in section
