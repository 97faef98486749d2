"""The core placement lifecycle (portal/placements, docs/placements.md) with a test kind: the
``portal_placement_kinds`` hook, dates (durations, stages, report periods) and the development
block of MG-10 / PT-08 that the core enforces for every mechanism."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.clock import today
from portal.eligibility.service import check
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.mechanisms.switches import set_switch
from portal.models import Account, AuditLog, EmployeeGap
from portal.placements import block, schedule
from portal.placements.errors import PlacementError
from portal.placements.hooks import opportunities_hook, scheduled_hook
from portal.placements.kinds import kinds
from portal.placements.models import DevelopmentBlock, EmployeeCompetency, Placement, PlacementNeed
from portal.types import (
    AgreementElement,
    Choice,
    JPResult,
    PlacementKind,
    PlacementRules,
    PluginInfo,
    Span,
    StageSpec,
)
from tests.plugin_double import plugin

KIND = PlacementKind(
    rules=PlacementRules(agreement="UJ-07", duration="UJ-04", stage="UJ-08", host="UJ-05", outcome="PT-08",
                         block="PT-08"),
    slug="uji", title="Penempatan Uji", noun="penempatan uji",
    agreement_elements=(AgreementElement("target", "Target"), AgreementElement("kahar", "Keadaan kahar")),
    min_duration=Span(1, "months"), max_duration=Span(1, "years"), extended_max=Span(2, "years"),
    stages=(StageSpec("pembekalan", "Pembekalan", 3), StageSpec("orientasi", "Orientasi", 3),
            StageSpec("praktik", "Praktik", None)),
    host_types=(Choice("swasta", "Perusahaan swasta"),))


class PlacementPlugin:
    """A placement mechanism declared only through hooks (like pertukaran or detasering)."""

    def __init__(self, kind: PlacementKind = KIND, slug: str = "uji") -> None:
        self.kind, self.slug = kind, slug

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title="Penempatan Uji", model=70)

    @hookimpl
    def portal_placement_kinds(self):
        return [self.kind]

    @hookimpl
    def portal_compute_jp(self, participation, settings):
        return JPResult(10, "G-06", "uji") if participation.mechanism == self.slug else None

    @hookimpl
    def portal_scheduled_participations(self, employee_ids, start, end):
        return scheduled_hook(self.slug)(employee_ids, start, end)

    @hookimpl
    def portal_opportunities(self, employee, on_date):
        return opportunities_hook(self.slug)(employee, on_date)


@pytest.fixture
def placement_app(make_app):
    return make_app(plugins=[("uji", PlacementPlugin()), plugin()])


def _need_and_placement(world, employee) -> Placement:
    need = PlacementNeed(kind="uji", unit_id=employee.unit_id, kompetensi="Audit", basis="kesenjangan",
                         target="Mampu audit", status="disetujui")
    placement = Placement(kind="uji", need=need, employee_id=employee.id, unit_id=employee.unit_id, extras={},
                          host_name="PT Uji", cause_note="Tidak disiplin")
    db.session.add_all([need, placement])
    db.session.commit()
    return placement


def sign_in(app, employee):
    client = app.test_client()
    client.login(employee.nip)
    return client


def _sdm_account(world) -> Account:
    return db.session.scalar(select(Account).where(Account.employee_id == world["sdm"].id))


# --------------------------------------------------------------------------- the hook


@pytest.mark.hook("portal_placement_kinds")
def test_portal_placement_kinds_gives_each_kind_the_generic_pages(placement_app, two_units):
    with placement_app.test_request_context():
        assert kinds()["uji"].title == "Penempatan Uji"
    staff = sign_in(placement_app, two_units["A"]["staff"])
    assert staff.get("/penempatan/uji/").status_code == 200
    assert "Belum ada penempatan uji" in staff.get("/penempatan/uji/").get_data(as_text=True)
    assert staff.get("/penempatan/tidak-ada/").status_code == 404
    set_switch(two_units["A"]["top"], "uji", "off", None)
    db.session.commit()
    assert staff.get("/penempatan/uji/").status_code == 404  # switched off for the unit


def test_a_kind_must_carry_its_plugins_slug(make_app, two_units):
    app = make_app(plugins=[("lain", PlacementPlugin(slug="lain"))])
    with app.test_request_context():
        assert "uji" not in kinds() and "lain" not in kinds()


def test_kind_needs_exactly_one_open_ended_last_stage():
    with pytest.raises(ValueError):
        PlacementKind(rules=PlacementRules(agreement="", duration="", stage="", host="", outcome=""),
                      slug="x", title="X", noun="x", agreement_elements=(),
                      min_duration=Span(1, "days"), max_duration=None,
                      stages=(StageSpec("a", "A", None), StageSpec("b", "B", 3)), host_types=())
    with pytest.raises(ValueError):
        Span(2, "fortnights")


# --------------------------------------------------------------------------- dates


def test_spans_clamp_month_ends():
    assert schedule.add_span(dt.date(2026, 1, 31), Span(1, "months")) == dt.date(2026, 2, 28)
    assert schedule.add_span(dt.date(2024, 2, 29), Span(1, "years")) == dt.date(2025, 2, 28)
    assert schedule.last_day(dt.date(2026, 3, 2), Span(2, "weeks")) == dt.date(2026, 3, 15)
    assert Span(2, "weeks").label == "2 minggu"


def test_duration_limits_name_the_rule():
    start = dt.date(2026, 1, 5)
    assert "UJ-04" in schedule.duration_problem(KIND, start, dt.date(2026, 2, 3))  # < 1 month
    assert schedule.duration_problem(KIND, start, dt.date(2026, 2, 4)) is None
    assert not schedule.needs_justification(KIND, start, dt.date(2027, 1, 4))
    assert schedule.needs_justification(KIND, start, dt.date(2027, 1, 5))
    assert schedule.duration_problem(KIND, start, dt.date(2028, 1, 4)) is None
    assert "2 tahun" in schedule.duration_problem(KIND, start, dt.date(2028, 1, 5))
    assert "sebelum" in schedule.duration_problem(KIND, start, dt.date(2026, 1, 1))


def test_stage_plan_runs_fixed_stages_then_the_rest():
    plan = schedule.stage_plan(KIND, dt.date(2026, 1, 5), dt.date(2026, 3, 1))
    assert [(s.spec.key, s.start, s.end) for s in plan] == [
        ("pembekalan", dt.date(2026, 1, 5), dt.date(2026, 1, 7)),
        ("orientasi", dt.date(2026, 1, 8), dt.date(2026, 1, 10)),
        ("praktik", dt.date(2026, 1, 11), dt.date(2026, 3, 1))]


def test_report_periods_follow_the_cadence_and_flag_overdue():
    periods = schedule.report_periods(dt.date(2026, 1, 5), dt.date(2026, 2, 1), "mingguan", {1},
                                      dt.date(2026, 1, 20))
    assert [(p.number, p.start, p.end) for p in periods] == [
        (1, dt.date(2026, 1, 5), dt.date(2026, 1, 11)), (2, dt.date(2026, 1, 12), dt.date(2026, 1, 18)),
        (3, dt.date(2026, 1, 19), dt.date(2026, 1, 25)), (4, dt.date(2026, 1, 26), dt.date(2026, 2, 1))]
    assert [p.overdue for p in periods] == [False, True, False, False]
    assert [p.submitted for p in periods] == [True, False, False, False]
    monthly = schedule.report_periods(dt.date(2026, 1, 31), dt.date(2026, 4, 15), "bulanan", set(), dt.date(2026, 1, 1))
    assert [p.end for p in monthly] == [dt.date(2026, 2, 27), dt.date(2026, 3, 30), dt.date(2026, 4, 15)]


# --------------------------------------------------------------------------- the block (MG-10 / PT-08)


def test_block_denies_every_mechanism_and_cites_the_placements_rule(placement_app, two_units):
    staff = two_units["A"]["staff"]
    db.session.add(EmployeeGap(employee_id=staff.id, standard="teknis", kompetensi="Audit", gap_level=2))
    db.session.commit()
    with placement_app.test_request_context():
        assert check(staff, "contoh", today()).eligible is True
        placement = _need_and_placement(two_units, staff)
        found = block.create(placement, "PT-08", "pertukaran", today(), _sdm_account(two_units))
        db.session.commit()
        assert found.ends_on == today()  # core.mg10_block_months: no waiting period by default
        for slug in ("contoh", "uji"):
            answer = check(staff, slug, today())
            assert answer.eligible is False
            assert [v.rule_id for v in answer.verdicts if v.allow is False] == ["PT-08"]
            assert "PT-08" in answer.summary and "evaluasi kinerja" in answer.summary
        assert check(staff, "contoh", today() - dt.timedelta(days=1)).eligible is True  # not before it started
    page = sign_in(placement_app, two_units["A"]["admin"]).get(f"/pegawai/{staff.id}").get_data(as_text=True)
    assert "Blokir program pengembangan" in page and "Tidak lulus pertukaran" in page


def test_without_a_waiting_period_the_block_lasts_until_the_clearing_evaluation_mg10(placement_app, two_units):
    """MG-10 names no period: by default the block holds until a performance evaluation clears it."""
    staff = two_units["A"]["staff"]
    with placement_app.test_request_context():
        placement = _need_and_placement(two_units, staff)
        found = block.create(placement, "MG-10", "magang", today() - dt.timedelta(days=400), _sdm_account(two_units))
        db.session.commit()
        assert found.active_on(today()) and found.active_on(today() + dt.timedelta(days=4000))
        assert "masa tunggu" not in block.describe(found)
        block.clear(found, _sdm_account(two_units), today(), "Evaluasi kinerja tahunan: baik", today())
        db.session.commit()
        assert not found.active_on(today())


def test_block_is_cleared_only_by_a_performance_evaluation_after_the_period(placement_app, two_units):
    staff = two_units["A"]["staff"]
    with placement_app.test_request_context():
        from portal.rule_settings.versions import add_version

        add_version("core.mg10_block_months", "12", today() - dt.timedelta(days=30), "Kebijakan unit SDM", None)
        db.session.commit()
        placement = _need_and_placement(two_units, staff)
        found = block.create(placement, "MG-10", "magang", today(), _sdm_account(two_units))
        db.session.commit()
        block_id, ends_on = found.id, found.ends_on
    sdm = sign_in(placement_app, two_units["sdm"])
    early = sdm.post(f"/penempatan/blokir/{block_id}/pulihkan", data={"on_date": today().isoformat(),
                                                                      "note": "Kinerja baik"})
    assert early.status_code == 302
    assert db.session.get(DevelopmentBlock, block_id).cleared_on is None
    assert "setelah masa blokir berakhir" in sdm.get("/penempatan/blokir").get_data(as_text=True)
    # An admin of the unit sees the list but may not clear (admin SDM only).
    admin = sign_in(placement_app, two_units["A"]["admin"])
    assert admin.get("/penempatan/blokir").status_code == 200
    assert admin.post(f"/penempatan/blokir/{block_id}/pulihkan", data={"note": "x"}).status_code == 403
    with placement_app.test_request_context():
        found = db.session.get(DevelopmentBlock, block_id)
        with pytest.raises(PlacementError, match="hasil evaluasi kinerja"):
            block.clear(found, _sdm_account(two_units), ends_on, "", ends_on)
        block.clear(found, _sdm_account(two_units), ends_on, "Evaluasi kinerja: baik", ends_on)
        db.session.commit()
        assert not found.active_on(ends_on) and found.active_on(ends_on - dt.timedelta(days=1))
        assert block.verdicts(staff, ends_on) == []
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "development_block.clear")) is not None


def test_employee_page_lists_competencies_gained(placement_app, two_units):
    staff = two_units["A"]["staff"]
    db.session.add(EmployeeCompetency(employee_id=staff.id, kompetensi="Audit struktur jembatan", mechanism="uji",
                                      reference="placement:1", gained_on=today()))
    db.session.commit()
    page = sign_in(placement_app, two_units["A"]["admin"]).get(f"/pegawai/{staff.id}").get_data(as_text=True)
    assert "Kompetensi yang diperoleh" in page and "Audit struktur jembatan" in page


def test_other_units_placements_answer_404(placement_app, two_units):
    placement = _need_and_placement(two_units, two_units["B"]["staff"])
    for who in ("admin", "staff", "atasan"):
        client = sign_in(placement_app, two_units["A"][who])
        assert client.get(f"/penempatan/uji/{placement.id}").status_code == 404
        assert client.post(f"/penempatan/uji/{placement.id}/jadwal", data={}).status_code in (403, 404)
        assert client.get(f"/penempatan/uji/kebutuhan/{placement.need_id}").status_code in (403, 404)
    assert sign_in(placement_app, two_units["B"]["admin"]).get(f"/penempatan/uji/{placement.id}").status_code == 200
    assert sign_in(placement_app, two_units["B"]["staff"]).get(f"/penempatan/uji/{placement.id}").status_code == 200



@pytest.mark.hook("portal_scheduled_participations")
def test_a_running_placement_is_scheduled_on_its_end_date_within_the_year(placement_app, two_units):
    from portal.ledger.projection import scheduled_for

    with placement_app.app_context():
        staff, atasan = db.session.merge(two_units["A"]["staff"]), db.session.merge(two_units["A"]["atasan"])
        ending = _need_and_placement(two_units, staff)
        spanning = _need_and_placement(two_units, atasan)
        ending.status, ending.start_date, ending.end_date = "berjalan", dt.date(2026, 6, 1), dt.date(2026, 12, 20)
        spanning.status, spanning.start_date, spanning.end_date = "berjalan", dt.date(2026, 9, 1), dt.date(2027, 2, 28)
        db.session.commit()
        found = scheduled_for(None, 2026)
        assert [(item.on_date, item.jp) for item in found[staff.id]] == [(dt.date(2026, 12, 20), 10)]
        assert atasan.id not in found  # it ends next year: credited then, not scheduled for 2026
        assert [item.on_date for item in scheduled_for([atasan.id], 2027)[atasan.id]] == [dt.date(2027, 2, 28)]



@pytest.mark.hook("portal_opportunities")
def test_an_approved_need_is_offered_to_the_units_people_as_a_request_to_the_admin(placement_app, two_units):
    with placement_app.app_context():
        admin = db.session.scalar(select(Account).where(Account.employee_id == two_units["A"]["admin"].id))
        need = PlacementNeed(kind="uji", unit_id=two_units["A"]["sub"].id, kompetensi="Audit jembatan",
                             basis="kebutuhan", target="Mampu mengaudit", status="disetujui",
                             created_by_id=admin.id)
        db.session.add(need)
        db.session.commit()
        page = sign_in(placement_app, two_units["A"]["staff"]).get("/peluang/").get_data(as_text=True)
        assert "Penempatan Uji: Audit jembatan" in page and "Minta diikutsertakan" in page
        assert "10 JP" in page  # the kind's JP, computed by the core
        other = sign_in(placement_app, two_units["B"]["staff"]).get("/peluang/").get_data(as_text=True)
        assert "Audit jembatan" not in other
