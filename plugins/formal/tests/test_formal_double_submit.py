"""A formal report sent twice (double click, resent form) is one report (issue 16: 30 of 30
double submits made two)."""

from __future__ import annotations

import re

from formal_helpers import reports, submit


def test_a_report_form_sent_twice_is_one_report(two_units, login):
    staff = login(two_units["A"]["staff"])
    key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"',
                    staff.get("/m/formal/baru").get_data(as_text=True)).group(1)
    first = submit(staff, idempotency_key=key)
    second = submit(staff, idempotency_key=key)
    assert first.status_code == 302 and second.status_code == 302
    assert len(reports()) == 1
    assert second.headers["Location"] == first.headers["Location"]  # the first report's page
