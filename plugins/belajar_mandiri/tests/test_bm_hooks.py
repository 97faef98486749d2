"""The plugin's hooks as the core calls them: eligibility (BM-01, BM-03), JP (G-06), import,
report rows, pending tasks, certificate context and demo data."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import portal_belajar_mandiri
from bm_helpers import BASE, gap, last, plan
from portal_belajar_mandiri.jp import compute

from portal.sdk import ActivityRow, Employee, LedgerEntry, Participation, ReportPeriod, db, registry, today
from portal.sdk import check_eligibility as check


def verdicts(employee, on=None):
    answer = check(employee, "belajar_mandiri", on or today())
    return answer, {v.rule_id: v for v in answer.verdicts}


def test_eligibility_needs_agreed_plan_naming_belajar_mandiri_bm01(world):
    gap(world.employee)
    answer, found = verdicts(world.employee)
    assert answer.eligible is False and found["BM-01"].allow is False
    assert "rencana pengembangan" in found["BM-01"].message
    plan(world.employee, status="diajukan")
    assert verdicts(world.employee)[1]["BM-01"].allow is False
    other = world.people.person(world.sub, nama="Dengan Rencana", supervisor=world.kasubdit)
    gap(other)
    plan(other)
    answer, found = verdicts(other)
    assert answer.eligible is True and found["BM-01"].allow is True and found["BM-03"].allow


def test_eligibility_cannot_decide_without_direct_supervisor_bm03(world):
    loner = world.people.person(world.sub, nama="Tanpa Atasan")
    gap(loner)
    plan(loner)
    answer, found = verdicts(loner)
    assert answer.eligible is None and found["BM-03"].allow is None
    assert "atasan langsung" in found["BM-03"].message
    assert registry().pm.hook.portal_check_eligibility(
        employee=loner, mechanism="komunitas", on_date=today(), context={}) is not None


def test_portal_compute_jp_reads_the_local_setting_g06(app):
    p = Participation(1, "belajar_mandiri", "belajar_mandiri", "peserta", today(), "Belajar", "r")
    result = compute(p, {"jp_per_penugasan": 6})
    assert (result.jp, result.rule_id) == (6, "G-06")
    assert compute(Participation(1, "formal", "teknis", "peserta", today(), "x", "r"), {}) is None
    info = registry().info("belajar_mandiri")
    spec = info.settings[0]
    assert (spec.key, spec.default, spec.open_value) == ("jp_per_penugasan", 4, True)


def test_portal_import_row_accepts_the_fixed_type_and_role(world):
    hook = registry().pm.hook.portal_import_row
    row = ActivityRow(2, world.employee.id, world.sub.id, world.employee.nip, "belajar_mandiri",
                      "belajar_mandiri", "peserta", today(), "MOOC SIG", "impor:1", None)
    verdict = hook(row=row)
    assert verdict.accepted and verdict.participation.source == "import"
    refused = hook(row=ActivityRow(**{**row.__dict__, "role": "pemateri"}))
    assert refused.accepted is False and "G-01" in refused.message


def test_portal_report_rows_rekap_and_mekanisme(world):
    a = world.reported()
    world.sdm.post(f"{BASE}/penugasan/{a.id}/laporan/terima")
    db.session.expire_all()
    period = ReportPeriod(today() - dt.timedelta(days=5), today() + dt.timedelta(days=60))
    hook = registry().pm.hook.portal_report_rows
    top = world.units["A"]["top"]
    rekap = next(r for r in hook(kind="rekap", unit=top, period=period) if r.slug == "belajar_mandiri")
    assert rekap.rows == ({"employee_id": world.employee.id, "jp_belajar_mandiri": 4},)
    mekanisme = next(r for r in hook(kind="mekanisme", unit=top, period=period)
                     if r.slug == "belajar_mandiri")
    assert mekanisme.rows[0]["nama"] == "Pegawai Mandiri" and mekanisme.rows[0]["jp"] == 4
    assert not [r for r in hook(kind="lain", unit=top, period=period) if r and r.slug == "belajar_mandiri"]


def test_portal_pending_tasks_for_pyb_employee_atasan_and_sdm(world):
    def tasks(client):
        return client.get("/kotak-masuk").get_data(as_text=True)

    a = world.proposed()
    assert "Terbitkan surat penugasan belajar mandiri" in tasks(world.pyb)
    assert "Terbitkan surat penugasan belajar mandiri" not in tasks(world.other)
    world.pyb.post(f"{BASE}/penugasan/{a.id}/tugaskan")
    assert "Terima surat penugasan belajar mandiri" in tasks(world.me)
    assert "Sediakan bahan belajar mandiri" in tasks(world.sdm)
    world.me.post(f"{BASE}/penugasan/{a.id}/terima")
    assert "Isi formulir monitoring belajar mandiri" in tasks(world.atasan)


def test_portal_certificate_context_states_the_assignment(world):
    a = world.reported()
    world.sdm.post(f"{BASE}/penugasan/{a.id}/laporan/terima")
    entry = db.session.get(LedgerEntry, last().ledger_entry_id)
    context = registry().pm.hook.portal_certificate_context(participation=entry)
    assert context.programme_title == "Belajar Mandiri: Analisis data spasial"
    assert context.model == 70 and Decimal(context.jp) == 4
    assert any(last().nomor_surat in line for line in context.extra_lines)


def test_portal_demo_data_builds_every_state(world):
    for employee in db.session.scalars(db.select(Employee).where(Employee.supervisor_id.is_not(None))):
        gap(employee)
    summary = portal_belajar_mandiri.portal_demo_data(rng=random.Random(7), scale="small")
    assert summary.endswith("penugasan belajar mandiri")
    from portal_belajar_mandiri.models import MandiriAssignment

    states = {a.status for a in db.session.scalars(db.select(MandiriAssignment))}
    assert {"diusulkan", "ditugaskan", "diterima", "dilaporkan", "selesai"} <= states
