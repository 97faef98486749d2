"""Eligibility (SE 07/SE/KM/2023 §L.III, G-03), mechanism switches, plugin verdicts through
``portal_check_eligibility``, and the page /kelayakan."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import render_template

from portal.clock import today
from portal.eligibility.answer import EligibilityAnswer, combine
from portal.eligibility.service import check
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.i18n import tanggal
from portal.mechanisms.switches import set_switch
from portal.models import Employee, EmployeeGap, Unit
from portal.types import PluginInfo, Verdict
from tests.plugin_double import plugin

ON = dt.date(2026, 11, 2)
HTMX = {"HX-Request": "true"}


class RulesPlugin:
    """A throw-away mechanism plugin answering ``portal_check_eligibility`` with fixed verdicts.

    ``for_all`` makes it a cross-plugin rule (like the MG-10 block) that answers for every
    mechanism; otherwise it answers only for its own slug.
    """

    def __init__(self, slug: str, verdicts, for_all: bool = False):
        self.slug, self.verdicts, self.for_all = slug, verdicts, for_all
        self.calls: list[tuple] = []

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title=f"Aturan {self.slug}", model=70)

    @hookimpl
    def portal_check_eligibility(self, employee, mechanism, on_date, context):
        self.calls.append((employee.nip, mechanism, on_date, dict(context)))
        if mechanism != self.slug and not self.for_all:
            return []
        if isinstance(self.verdicts, Exception):
            raise self.verdicts
        return self.verdicts


@pytest.fixture
def world(two_units):
    return two_units


def fresh(employee: Employee) -> Employee:
    """The employee in the current app context's session."""
    return db.session.get(Employee, employee.id)


def with_app(make_app, *plugins):
    app = make_app(plugins=[plugin(), *plugins])
    context = app.app_context()
    context.push()
    return app, context


def add_gap(employee: Employee, level: int = 2) -> None:
    db.session.add(EmployeeGap(employee_id=employee.id, standard="teknis",
                               kompetensi="Perencanaan irigasi", gap_level=level))
    db.session.commit()


def rules(answer: EligibilityAnswer) -> list[tuple]:
    return [(v.rule_id, v.allow) for v in answer.verdicts]


# --------------------------------------------------------------------------- G-03 and switches


def test_asn_without_an_assessment_gap_recorded_and_not_hipo_cannot_be_decided_yet_g03(make_app, world):
    # No gap rows cannot be told from "not assessed": the approver decides, recording why.
    app, ctx = with_app(make_app)
    try:
        answer = check(fresh(world["A"]["staff"]), "contoh", ON)
        assert answer.eligible is None
        assert ("G-03", None) in rules(answer)
        missing = next(v for v in answer.verdicts if v.allow is None)
        assert "G-03" in missing.message and "Hi-Po" in missing.message
        assert answer.summary.startswith("Belum dapat diputuskan")
    finally:
        ctx.pop()


def test_asn_with_a_competency_gap_from_assessment_may_take_part_g03(make_app, world):
    app, ctx = with_app(make_app)
    try:
        staff = fresh(world["A"]["staff"])
        add_gap(staff)
        answer = check(staff, "contoh", ON)
        assert answer.eligible is True
        assert rules(answer)[:3] == [("UNIT", True), ("G-03", True), ("G-03", True)]
        assert "Perencanaan irigasi" in answer.verdicts[2].message
    finally:
        ctx.pop()


def test_a_gap_of_level_zero_is_no_gap_g03(make_app, world):
    app, ctx = with_app(make_app)
    try:
        staff = fresh(world["A"]["staff"])
        add_gap(staff, level=0)
        assert check(staff, "contoh", ON).eligible is None
    finally:
        ctx.pop()


def test_hipo_talent_for_career_development_may_take_part_g03(make_app, world):
    app, ctx = with_app(make_app)
    try:
        staff = fresh(world["A"]["staff"])
        staff.hipo = True
        db.session.commit()
        answer = check(staff, "contoh", ON)
        assert answer.eligible is True
        assert "Hi-Po" in answer.verdicts[2].message
    finally:
        ctx.pop()


def test_pppk_whose_contract_ended_is_no_longer_an_asn_of_the_ministry_g03(make_app, world, people):
    app, ctx = with_app(make_app)
    try:
        pppk = people.employee(db.session.get(Unit, world["A"]["sub"].id), status="PPPK", hipo=True,
                               pppk_kontrak_selesai=dt.date(2026, 6, 30))
        before = check(pppk, "contoh", dt.date(2026, 6, 30))
        after = check(pppk, "contoh", dt.date(2026, 7, 1))
        assert before.eligible is True
        assert after.eligible is False
        assert ("G-03", False) in rules(after)
        assert tanggal(dt.date(2026, 6, 30)) in after.summary
    finally:
        ctx.pop()


def test_mechanism_switched_off_for_the_unit_is_denied(make_app, world):
    app, ctx = with_app(make_app)
    try:
        staff = fresh(world["A"]["staff"])
        staff.hipo = True
        set_switch(db.session.get(Unit, world["A"]["top"].id), "contoh", "off", None)
        db.session.commit()
        answer = check(staff, "contoh", ON)
        assert answer.eligible is False
        switch = answer.verdicts[0]
        assert (switch.rule_id, switch.allow) == ("UNIT", False)
        assert switch.message.startswith("Mekanisme Mekanisme Contoh tidak aktif untuk unit Anda")
        # Unit B is not affected.
        other = fresh(world["B"]["staff"])
        other.hipo = True
        assert check(other, "contoh", ON).eligible is True
    finally:
        ctx.pop()


def test_mechanism_not_installed_is_denied(make_app, world):
    app, ctx = with_app(make_app)
    try:
        answer = check(fresh(world["A"]["staff"]), "pertukaran_tidak_ada", ON)
        assert answer.eligible is False
        assert "belum terpasang" in answer.verdicts[0].message
    finally:
        ctx.pop()


# --------------------------------------------------------------------------- plugin verdicts


@pytest.mark.hook("portal_check_eligibility")
def test_a_deny_from_any_plugin_wins_and_every_reason_is_listed(make_app, world):
    verdicts = [Verdict(True, "PT-01", "Pegawai berstatus PNS (PT-01)."),
                Verdict(None, "PT-04", "Durasi belum diisi (PT-04)."),
                Verdict(False, "PT-03", "Pertukaran hanya untuk pegawai Hi-Po (PT-03).")]
    rules_plugin = RulesPlugin("tukar", verdicts)
    app, ctx = with_app(make_app, ("tukar", rules_plugin))
    try:
        staff = fresh(world["A"]["staff"])
        add_gap(staff)
        answer = check(staff, "tukar", ON, context={"role": "peserta"})
        assert answer.eligible is False
        assert answer.verdicts[-3:] == tuple(verdicts)
        assert answer.summary == "Tidak memenuhi syarat: Pertukaran hanya untuk pegawai Hi-Po (PT-03)."
        assert rules_plugin.calls == [(staff.nip, "tukar", ON, {"role": "peserta"})]
        # Another mechanism is not this plugin's business.
        assert check(staff, "contoh", ON).eligible is True
    finally:
        ctx.pop()


def test_cannot_decide_when_a_rule_lacks_data_and_nothing_denies(make_app, world):
    missing = Verdict(None, "MG-01", "Data kontrak PPPK belum diisi (MG-01).")
    app, ctx = with_app(make_app, ("magang_uji", RulesPlugin("magang_uji", [missing])))
    try:
        staff = fresh(world["A"]["staff"])
        add_gap(staff)
        answer = check(staff, "magang_uji", ON)
        assert answer.eligible is None
        assert answer.status == "undecided"
        assert answer.summary == "Belum dapat diputuskan: Data kontrak PPPK belum diisi (MG-01)."
    finally:
        ctx.pop()


def test_a_cross_plugin_block_applies_to_every_mechanism_while_its_plugin_is_on(make_app, world):
    block = Verdict(False, "MG-10", "Tidak lulus magang karena kesalahan sendiri: belum boleh "
                                    "mengikuti pengembangan lain (MG-10).")
    app, ctx = with_app(make_app, ("magang_uji", RulesPlugin("magang_uji", [block], for_all=True)))
    try:
        staff = fresh(world["A"]["staff"])
        add_gap(staff)
        assert check(staff, "contoh", ON).eligible is False
        set_switch(db.session.get(Unit, world["A"]["top"].id), "magang_uji", "off", None)
        db.session.commit()
        answer = check(staff, "contoh", ON)
        assert answer.eligible is True  # a switched-off plugin is not asked
        assert all(v.rule_id != "MG-10" for v in answer.verdicts)
    finally:
        ctx.pop()


@pytest.mark.parametrize("bad", [RuntimeError("rusak"), ["bukan verdict"], 42])
def test_a_broken_plugin_rule_is_cannot_decide_never_eligible(make_app, world, bad):
    app, ctx = with_app(make_app, ("rusak", RulesPlugin("rusak", bad, for_all=True)))
    try:
        staff = fresh(world["A"]["staff"])
        add_gap(staff)
        answer = check(staff, "contoh", ON)
        assert answer.eligible is None
        assert "kesalahan sistem" in answer.verdicts[-1].message
    finally:
        ctx.pop()


def test_combine_deny_wins_then_cannot_decide_then_allow():
    yes, no, unknown = Verdict(True, "A", "a"), Verdict(False, "B", "b"), Verdict(None, "C", "c")
    assert combine([yes, unknown, no]) is False
    assert combine([yes, unknown]) is None
    assert combine([yes, yes]) is True
    with pytest.raises(ValueError):
        Verdict(1, "G-03", "angka bukan jawaban")


def test_the_answer_partial_renders_on_any_page(make_app, world):
    app, ctx = with_app(make_app)
    try:
        staff = fresh(world["A"]["staff"])
        with app.test_request_context("/"):
            html = render_template("eligibility/_answer.html", answer=check(staff, "contoh", ON))
        assert "Belum dapat diputuskan" in html and "G-03" in html and "pengaturan unit" in html
        assert "<script" not in html and "style=" not in html
    finally:
        ctx.pop()


# --------------------------------------------------------------------------- the page /kelayakan


def test_a_pegawai_checks_themselves_for_each_installed_mechanism_today(make_app, world):
    app = make_app(plugins=[plugin()])
    client = app.test_client()
    client.login(world["A"]["staff"].nip)
    response = client.get("/kelayakan")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Mekanisme Contoh" in body and "Tidak memenuhi syarat" in body and "G-03" in body
    assert tanggal(today()) in body
    assert 'name="nip"' not in body  # a pegawai checks only themselves
    other = client.get(f"/kelayakan?nip={world['A']['atasan'].nip}").get_data(as_text=True)
    assert "hanya dapat memeriksa kelayakan Anda sendiri" in other
    assert world["A"]["atasan"].nama not in other.split('id="hasil-kelayakan"')[1]


@pytest.mark.parametrize("value", ["1999-12-31", "2026-02-30", "kemarin", "3000-01-01"])
def test_a_date_out_of_range_gets_a_message_not_an_error(make_app, world, value):
    app = make_app(plugins=[plugin()])
    client = app.test_client()
    client.login(world["A"]["staff"].nip)
    response = client.get(f"/kelayakan?tanggal={value}")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Tanggal" in body and 'role="alert"' in body
    assert "Memenuhi syarat" not in body and "Tidak memenuhi syarat" not in body


def test_an_atasan_checks_a_direct_report_by_nip_on_a_date(make_app, world):
    app = make_app(plugins=[plugin()])
    with app.app_context():
        add_gap(fresh(world["A"]["staff"]))
    client = app.test_client()
    client.login(world["A"]["atasan"].nip)
    staff = world["A"]["staff"]
    response = client.get(f"/kelayakan?nip={staff.nip}&tanggal=2026-11-02", headers=HTMX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in body  # htmx gets only the results block
    assert staff.nama in body and "2 November 2026" in body and "Memenuhi syarat" in body


def test_an_admin_cannot_check_an_employee_of_another_unit(make_app, world):
    app = make_app(plugins=[plugin()])
    client = app.test_client()
    client.login(world["A"]["admin"].nip)
    victim = world["B"]["staff"]
    body = client.get(f"/kelayakan?nip={victim.nip}").get_data(as_text=True)
    assert "tidak ditemukan atau di luar kewenangan Anda" in body
    assert victim.nama not in body
    unknown = client.get("/kelayakan?nip=196804111993031009").get_data(as_text=True)
    assert "tidak ditemukan atau di luar kewenangan Anda" in unknown


def test_the_page_needs_a_sign_in(make_app):
    app = make_app()
    response = app.test_client().get("/kelayakan")
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]


def test_kelayakan_opens_with_a_grid_of_every_mechanism_and_its_next_step(make_app, world):
    """Issue 18: a ✓/✗/? summary of every mechanism first, each with a next step, then the reasons."""
    app = make_app(plugins=[plugin()])
    client = app.test_client()
    client.login(world["A"]["staff"].nip)
    body = client.get("/kelayakan").get_data(as_text=True)
    grid = body[body.index('class="eligibility-grid"'):body.index("</table>", body.index('class="eligibility-grid"'))]
    assert "Ringkasan kelayakan per mekanisme" in grid and "Mekanisme Contoh" in grid
    assert "Tidak memenuhi" in grid and "Semua alasan" in grid  # a refusal names its reason
    assert 'href="#mekanisme-contoh"' in grid and 'id="mekanisme-contoh"' in body
    with app.app_context():
        add_gap(fresh(world["A"]["staff"]))
    atasan = app.test_client()
    atasan.login(world["A"]["atasan"].nip)
    query = f"/kelayakan?nip={world['A']['staff'].nip}&tanggal=2026-11-02"
    body = atasan.get(query, headers=HTMX).get_data(as_text=True)
    grid = body[body.index('class="eligibility-grid"'):]
    assert "Memenuhi" in grid and "Dapat diikuti" in grid
