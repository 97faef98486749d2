"""Eligibility is the core's job at every entry point (issue 14): every installed plugin declares
its join steps (``portal_join_steps``), each passes ``require_eligible``, and an employee under
an MG-10 development block gets in through none of them."""

from __future__ import annotations

import datetime as dt

import pytest
from flask_login import login_user

from portal.clock import today
from portal.eligibility.gate import EligibilityRefusal, JoinStep, require_eligible
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.models import Account, AuditLog, EmployeeGap
from portal.placements.models import DevelopmentBlock
from portal.plugins import registry
from portal.types import PluginInfo, Verdict


def _gap(employee) -> None:
    db.session.add(EmployeeGap(employee_id=employee.id, standard="teknis",
                               kompetensi="Perencanaan irigasi", gap_level=2))
    db.session.commit()


def _block(employee, on_date: dt.date) -> None:
    """Blocked from 30 days before ``on_date`` (the set period ends a year later, uncleared)."""
    db.session.add(DevelopmentBlock(employee_id=employee.id, rule_id="MG-10",
                                    reason="Tidak lulus magang karena sebab dalam kendali peserta",
                                    starts_on=on_date - dt.timedelta(days=30),
                                    ends_on=on_date + dt.timedelta(days=365)))
    db.session.commit()


def _account(employee) -> Account:
    return db.session.scalars(db.select(Account).where(Account.employee_id == employee.id)).one()


def _steps() -> list[tuple[str, JoinStep]]:
    return [(slug, step) for slug, steps in registry().per_plugin("portal_join_steps")
            for step in steps or ()]


def _attempt(app, step: JoinStep, employee, actor, on_date) -> Exception | None:
    """Run one join step as ``actor``; the exception it raised, or None when it let them in."""
    with app.test_request_context():
        login_user(actor)
        try:
            step.attempt(employee, actor, on_date)
            db.session.flush()
        except Exception as error:  # noqa: BLE001 - any refusal counts; the message is checked
            return error
        finally:
            db.session.rollback()
    return None


@pytest.fixture
def walk(app, two_units, people):
    unit = two_units["A"]["sub"]
    sdm = _account(two_units["sdm"])
    # Hi-Po, structural, with an assessment gap: eligible for every mechanism but for the block.
    free = people.person(unit, nama="Pegawai Layak", supervisor=two_units["A"]["atasan"],
                         hipo=True, jenis_jabatan="struktural", jabatan="Kepala Subbagian")
    blocked = people.person(unit, nama="Pegawai Diblokir", supervisor=two_units["A"]["atasan"],
                            hipo=True, jenis_jabatan="struktural", jabatan="Kepala Seksi")
    for employee in (free, blocked):
        _gap(employee)
    on_date = today() + dt.timedelta(days=14)
    _block(blocked, on_date)
    return {"sdm": sdm, "free": free, "blocked": blocked, "on_date": on_date, "world": two_units}


@pytest.mark.hook("portal_join_steps")
def test_every_installed_mechanism_plugin_declares_its_join_steps(app):
    with app.app_context():
        declaring = {slug for slug, _ in registry().per_plugin("portal_join_steps")}
        assert set(registry().slugs()) <= declaring, (
            "plugins without portal_join_steps: " + ", ".join(sorted(set(registry().slugs()) - declaring)))


def test_no_join_step_of_any_plugin_lets_an_employee_under_the_mg10_block_in(app, walk):
    steps = _steps()
    assert steps, "no plugin declares a join step"
    leaks, broken = [], []
    for slug, step in steps:
        error = _attempt(app, step, walk["blocked"], walk["sdm"], walk["on_date"])
        if error is None:
            leaks.append(f"{slug}.{step.key}")
        elif "MG-10" not in str(error):
            broken.append(f"{slug}.{step.key}: {error}")
    assert not leaks, "these join steps let a blocked employee in: " + ", ".join(leaks)
    assert not broken, "these join steps refused for another reason than the block: " + "; ".join(broken)


def test_every_join_step_lets_an_eligible_employee_in(app, walk):
    # The control of the walk above: a step that refuses everyone would pass it vacuously.
    refused = []
    for slug, step in _steps():
        error = _attempt(app, step, walk["free"], walk["sdm"], walk["on_date"])
        if error is not None:
            refused.append(f"{slug}.{step.key}: {error}")
    assert not refused, "these join steps refuse an eligible employee: " + "; ".join(refused)


# --------------------------------------------------------------------------- require_eligible


class UndecidedPlugin:
    """A mechanism whose rule cannot decide yet (its data is missing)."""

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug="uji_gerbang", title="Mekanisme Uji Gerbang", model=70)

    @hookimpl
    def portal_check_eligibility(self, employee, mechanism, on_date, context):
        if mechanism != "uji_gerbang":
            return []
        return [Verdict(None, "X-09", "Data penilaian mekanisme uji belum tercatat (X-09).")]

    @hookimpl
    def portal_join_steps(self):
        return [JoinStep("daftar", "Mendaftar", "uji_gerbang",
                         lambda employee, actor, on_date: require_eligible(employee, "uji_gerbang", on_date))]


@pytest.fixture
def gate_app(make_app, two_units):
    app = make_app(plugins=[("uji_gerbang", UndecidedPlugin())])
    with app.app_context():
        yield app


def _fresh(employee):
    return db.session.get(type(employee), employee.id)


def test_a_hard_not_eligible_cannot_be_overridden_even_with_a_reason(gate_app, two_units):
    staff = _fresh(two_units["A"]["staff"])
    _gap(staff)
    _block(staff, today())
    with pytest.raises(EligibilityRefusal) as refused:
        require_eligible(staff, "uji_gerbang", today(), override_reason="Sudah saya periksa")
    assert not refused.value.overridable and refused.value.rule_ids == ["MG-10"]
    assert "MG-10" in str(refused.value) and "tidak memenuhi syarat" in str(refused.value)


def test_cannot_decide_yet_is_refused_without_a_reason_and_lists_the_reasons(gate_app, two_units):
    staff = _fresh(two_units["A"]["staff"])
    _gap(staff)
    with pytest.raises(EligibilityRefusal) as refused:
        require_eligible(staff, "uji_gerbang", today())
    assert refused.value.overridable and refused.value.rule_ids == ["X-09"]
    assert "belum dapat diputuskan" in str(refused.value) and "X-09" in str(refused.value)


def test_the_approver_proceeds_on_cannot_decide_only_by_recording_why_and_it_is_audited(gate_app, two_units):
    staff = _fresh(two_units["A"]["staff"])
    _gap(staff)
    sdm = _account(two_units["sdm"])
    answer = require_eligible(staff, "uji_gerbang", today(), override_reason="Asesmen 2026 sedang diunggah",
                              actor=sdm)
    assert answer.eligible is None
    audit = db.session.scalars(db.select(AuditLog).where(AuditLog.action == "eligibility.override")).one()
    assert audit.actor_id == sdm.id and "Asesmen 2026 sedang diunggah" in str(audit.new_values)
    assert "X-09" in str(audit.new_values)


def test_no_assessment_gap_recorded_is_cannot_decide_yet_not_a_hard_refusal_g03(gate_app, two_units):
    staff = _fresh(two_units["A"]["staff"])  # no gap rows, not Hi-Po
    with pytest.raises(EligibilityRefusal) as refused:
        require_eligible(staff, "uji_gerbang", today())
    assert refused.value.overridable and "G-03" in refused.value.rule_ids
