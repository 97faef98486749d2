"""A page view asks the database once for what it reads several times (issue 21): the rule
settings, the newest audit id, the running placements of every placement kind. Only a GET keeps
anything, only for that request; a request that changes data reads fresh."""

from __future__ import annotations

import datetime as dt

from portal.extensions import db
from portal.ledger.projection import scheduled_for
from portal.request_memo import per_request
from portal.rule_settings.versions import add_version, core_value
from portal.testing import sql_statements


def test_a_page_reads_the_targets_and_the_risk_factor_with_one_query(app):
    year_end = dt.date(2026, 12, 31)
    with app.test_request_context("/jp/saya"), sql_statements() as seen:
        for _ in range(3):
            assert core_value("target_jp_pns", year_end) == 20
            core_value("target_jp_pppk", year_end)
            core_value("projection_risk_factor", year_end)
    assert len([s for s in seen if "rule_setting_version" in s]) == 1


def test_a_request_that_changes_data_reads_the_settings_fresh(app):
    year_end = dt.date(2026, 12, 31)
    with app.test_request_context("/aturan/", method="POST"), sql_statements() as seen:
        core_value("target_jp_pns", year_end)
        core_value("target_jp_pns", year_end)
    assert len([s for s in seen if "rule_setting_version" in s]) == 2


def test_a_version_added_during_a_page_view_is_read_at_once(app):
    with app.test_request_context("/aturan/"):
        assert core_value("target_jp_pns", dt.date(2026, 12, 31)) == 20
        add_version("core.target_jp_pns", "24", dt.date(2026, 1, 1), "uji", None)
        assert core_value("target_jp_pns", dt.date(2026, 12, 31)) == 24
    db.session.rollback()


def test_nothing_is_kept_from_one_request_to_the_next(app):
    built = []
    for _ in range(2):
        with app.test_request_context("/"):
            per_request("x", lambda: built.append(1) or len(built))
            assert per_request("x", lambda: built.append(1) or len(built)) == len(built)
    assert len(built) == 2  # once per request, not once per call, not once per process
    per_request("x", lambda: built.append(1))  # outside a request: always built
    assert len(built) == 3


def test_the_three_placement_kinds_share_one_query_for_the_early_warning(app, two_units):
    staff = two_units["A"]["staff"]
    with app.test_request_context("/jp/saya"), sql_statements() as seen:
        scheduled_for([staff.id], 2026)
    assert len([s for s in seen if "FROM placement" in s]) == 1


def test_a_write_during_a_page_view_forgets_what_was_kept(app, two_units):
    """A GET that changes data (a test's request context, a command) never reads a kept answer
    from before its own change."""
    from portal.assessments.results import assessed_standards
    from portal.models import AssessmentResult

    staff = two_units["A"]["staff"]
    with app.test_request_context("/"):
        assert assessed_standards(staff.id) == {}
        db.session.add(AssessmentResult(
            employee_id=staff.id, standard="teknis", kompetensi="Audit", required_level=3,
            achieved_level=2, gap=1, assessor="Uji", source="uji", assessed_on=dt.date(2026, 2, 1)))
        db.session.flush()
        assert assessed_standards(staff.id) == {"teknis": dt.date(2026, 2, 1)}
    db.session.rollback()


def test_scheduled_items_of_some_of_a_scope_come_from_the_scopes_answer(app, two_units):
    """Tim & Unit's summary asks the plugins about the whole scope, its listed page about 25 of
    them: the second question sends no statement. A question the first did not cover asks."""
    a = two_units["A"]
    scope = [db.session.merge(a[who]).id for who in ("head", "atasan", "staff", "admin")]
    with app.test_request_context("/jp/tim"):
        fresh = scheduled_for(scope[1:3], 2026)
    with app.test_request_context("/jp/tim"):
        scheduled_for(scope, 2026)
        with sql_statements() as seen:
            assert scheduled_for(scope[1:3], 2026) == fresh
        assert seen == []
        with sql_statements() as seen:
            scheduled_for([db.session.merge(two_units["B"]["staff"]).id], 2026)
        assert seen != []  # not covered: asked
        with sql_statements() as seen:
            scheduled_for(scope, 2027)  # another year: asked
        assert seen != []
