"""Detasering on the core's generic /penempatan/detasering pages (DT-01): PNS only, a set period
with start and end, the competency match and knowledge-transfer goals, monitoring reports, the
closing report, then JP (setting) and certificate."""

from __future__ import annotations

import datetime as dt

from detasering_helpers import BASE, assignment_data, fresh, host_data, last_id
from sqlalchemy import select

from portal.sdk import DevelopmentBlock, LedgerEntry, Placement, db, today
from portal.sdk import check_eligibility as check


def body(response) -> str:
    return response.get_data(as_text=True)


def test_pns_with_a_gap_is_eligible_and_pppk_is_refused_dt01(world):
    assert check(world.pns, "detasering", today()).eligible is True
    answer = check(world.pppk, "detasering", today())
    assert answer.eligible is False
    assert {v.rule_id for v in answer.verdicts if v.allow is False} == {"DT-01"}


def test_nominating_a_pppk_is_refused_with_dt01(world):
    need = world.need()
    response = world.nominate(need, world.pppk)
    assert f"/kebutuhan/{need.id}" in response.headers["Location"]
    page = body(world.admin.get(response.headers["Location"]))
    assert "DT-01" in page and "PPPK" in page
    assert db.session.query(Placement).filter_by(employee_id=world.pppk.id).count() == 0


def test_start_and_end_dates_are_both_required_dt01(world):
    placement = world.candidate()
    response = world.schedule(placement, today().isoformat(), "")
    assert response.status_code == 422 and "DT-01" in body(response)
    response = world.schedule(placement, today().isoformat(), (today() - dt.timedelta(days=1)).isoformat())
    assert response.status_code == 422 and "DT-01" in body(response)
    # no maximum in the circular: three years is accepted without a justification
    assert world.schedule(placement, today().isoformat(), (today() + dt.timedelta(days=3 * 365)).isoformat()
                          ).status_code == 302
    assert fresh(Placement, placement.id).justification_status == ""


def test_competency_match_and_knowledge_transfer_goals_before_start_dt01(world):
    placement = world.candidate()
    start = today() - dt.timedelta(days=5)
    assert world.post(placement, "penerima", host_data(extra_kesesuaian_kompetensi="")).status_code == 302
    assert world.post(placement, "perjanjian", assignment_data(element_tujuan_alih="")).status_code == 302
    assert world.schedule(placement, start.isoformat(), (start + dt.timedelta(days=60)).isoformat()).status_code == 302
    refused = world.post(placement, "mulai", {})
    assert refused.status_code == 422
    text = body(refused)
    assert "Kesesuaian potensi dan kompetensi" in text and "Tujuan alih pengetahuan" in text and "DT-01" in text
    assert world.post(placement, "penerima", host_data()).status_code == 302
    assert world.post(placement, "perjanjian", assignment_data()).status_code == 302
    assert world.post(placement, "mulai", {}).status_code == 302
    assert fresh(Placement, placement.id).status == "berjalan"


def test_monitoring_reports_during_the_period_dt01(world):
    placement = world.running()
    participant = world.login(world.pns)
    assert world.post(placement, "laporan", {"period_no": "1", "content": "Bulan pertama: SOP disusun."},
                      client=participant).status_code == 302
    assert world.post(placement, "catatan", {"role": "mentor", "author_name": "Maria Ulfa",
                                             "observation": "Aktif membimbing staf.", "corrective": ""}
                      ).status_code == 302
    done = fresh(Placement, placement.id)
    assert [r.period_no for r in done.reports] == [1] and done.notes[0].author_name == "Maria Ulfa"


def closing(world, placement, report: str):
    return world.post(placement, "evaluasi-akhir", {
        "method": "laporan_penutup", "final_on": today().isoformat(), "outcome": "lulus", "score": "88",
        "notes": "Laporan penutup diterima.", "extra_laporan_alih_pengetahuan": report})


def test_closing_report_on_the_knowledge_transferred_is_required_dt01(world):
    placement = world.running()
    refused = closing(world, placement, "")
    assert refused.status_code == 422 and "DT-01" in body(refused)
    assert fresh(Placement, placement.id).status == "berjalan"


def test_completion_credits_the_jp_setting_and_issues_a_certificate_dt01(world):
    placement = world.completed()
    assert closing(world, placement, "SOP inventarisasi disusun; dua staf kini mandiri.").status_code == 302
    done = fresh(Placement, placement.id)
    assert done.extras["laporan_alih_pengetahuan"].startswith("SOP inventarisasi")
    entry = db.session.get(LedgerEntry, done.ledger_entry_id)
    assert (entry.mechanism, entry.jp_counted, entry.rule_id) == ("detasering", 40, "G-06")
    assert done.certificate_id is not None
    assert "SOP inventarisasi disusun" in body(world.admin.get(f"{BASE}/{placement.id}"))


def test_another_units_admin_gets_404(world):
    placement = world.candidate()
    other = world.login(world.units["B"]["admin"])
    assert other.get(f"{BASE}/{placement.id}").status_code == 404
    assert world.post(placement, "penerima", host_data(), client=other).status_code == 404
    assert last_id(Placement) == placement.id


def test_a_failed_detasering_records_the_cause_but_blocks_nothing_dt01(world):
    """Lamp. D names no block after a detasering (unlike MG-10 and PT-08)."""
    placement = world.completed()
    response = world.post(placement, "evaluasi-akhir", {
        "method": "laporan_penutup", "final_on": today().isoformat(), "outcome": "tidak_lulus",
        "cause": "dalam_kendali", "cause_note": "Tidak melaksanakan rencana alih pengetahuan.",
        "notes": "", "extra_laporan_alih_pengetahuan": "Belum ada yang dialihkan."})
    assert response.status_code == 302
    done = fresh(Placement, placement.id)
    assert (done.outcome, done.cause) == ("tidak_lulus", "dalam_kendali")
    assert db.session.scalars(select(DevelopmentBlock).where(
        DevelopmentBlock.employee_id == done.employee_id)).all() == []
