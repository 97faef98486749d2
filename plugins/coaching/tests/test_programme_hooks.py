"""The programme flow's hook answers: eligibility (CM-04), pending tasks, menus, dashboard card,
reports for the whole mechanism, certificate context, demo data."""

from __future__ import annotations

import datetime as dt
import random

from portal_coaching import reports
from portal_coaching.programme import demo
from portal_coaching.programme.models import Participant
from programme_helpers import BASE
from sqlalchemy import func, select

from portal.sdk import LedgerEntry, Participation, ReportPeriod, credit, db, today
from portal.sdk import check_eligibility as check


def test_clinic_verdict_applies_to_the_programme_flow_only_cm04(programme_world):
    w = programme_world
    answer = check(w.colleague, "coaching", today(), {"flow": "program"})
    assert any(v.rule_id == "CM-04" and v.allow is False for v in answer.verdicts)
    answer = check(w.colleague, "coaching", today())
    assert not any(v.rule_id == "CM-04" for v in answer.verdicts)  # the unit flow has no clinic rule
    answer = check(w.coachee, "coaching", today(), {"flow": "program"})
    assert any(v.rule_id == "CM-04" and v.allow is True for v in answer.verdicts)
    # A clinic recorded after the programme start does not count.
    answer = check(w.coachee, "coaching", today() - dt.timedelta(days=200), {"flow": "program"})
    assert any(v.rule_id == "CM-04" and v.allow is False for v in answer.verdicts)


def test_clinic_date_in_future_refused(programme_world):
    w = programme_world
    response = w.sdm.post(f"{BASE}/klinik", data={"nip": w.colleague.nip, "jenis": "klinik",
                                                  "tanggal": (today() + dt.timedelta(days=3)).isoformat()})
    assert response.status_code == 422 and "masa depan (CM-04)" in response.get_data(as_text=True)
    response = w.sdm.post(f"{BASE}/klinik", data={"nip": "123", "jenis": "klinik", "tanggal": "2026-01-01"})
    assert response.status_code == 422 and "tidak ditemukan" in response.get_data(as_text=True)


def test_inbox_lists_entries_waiting_for_the_coachs_paraf(programme_world):
    w = programme_world
    participant = w.participant()
    w.log(w.login(w.coachee), participant, "coachee", today() - dt.timedelta(days=1))
    coach = w.login(w.coach_person)
    page = coach.get("/kotak-masuk").get_data(as_text=True)
    assert "Paraf catatan coachee pertemuan ke-1" in page
    assert "Paraf catatan coachee" not in w.login(w.colleague).get("/kotak-masuk").get_data(as_text=True)
    external = w.participant(coach=w.external)
    w.log(w.login(w.coachee), external, "coachee", today() - dt.timedelta(days=1))
    assert "Paraf catatan coachee" in w.sdm.get("/kotak-masuk").get_data(as_text=True)
    doc = w.document(w.login(w.coachee), participant, "pendahuluan", {"topik": "t", "alasan": "a", "cara": "c",
                                                                    "komitmen": "k"})
    w.post_ok(w.login(w.coachee), f"{BASE}/peserta/{participant.id}/formulir/pendahuluan/{doc.id}/konfirmasi",
              {"pihak": "coachee"})
    assert "Tanda tangan coach: Lembar Pendahuluan Coaching" in coach.get("/kotak-masuk").get_data(as_text=True)


def test_someone_with_no_programme_role_is_not_asked_for_coach_tasks(programme_world):
    """CM-10's paraf and signature tasks belong to a coach's coachees: one with no part in any
    programme costs the inbox no query of the programme's forms (issue 21)."""
    from portal.testing import sql_statements

    w = programme_world
    colleague = w.login(w.colleague)
    colleague.get("/kotak-masuk")
    with sql_statements() as statements:
        assert colleague.get("/kotak-masuk").status_code == 200
    assert not [s for s in statements if "coaching_program_log" in s or "coaching_program_document" in s]


def test_menu_and_card_for_programme_roles(programme_world):
    w = programme_world
    assert "Coaching dan Mentoring: program unit SDM" not in w.login(w.colleague).get("/").get_data(as_text=True)
    participant = w.participant()
    home = w.login(w.coachee).get("/").get_data(as_text=True)
    assert "Coaching dan Mentoring: program unit SDM" in home
    card = w.login(w.coachee).get(f"{BASE}/kartu").get_data(as_text=True)
    assert participant.programme.nama in card
    index = w.login(w.mentor).get(f"{BASE}/").get_data(as_text=True)
    assert "Mentor" in index and participant.programme.nama in index
    assert "Daftar coach" in w.sdm.get("/").get_data(as_text=True)


def _credit(employee_id: int, activity: str, role: str, day: dt.date, ref: str) -> None:
    credit(Participation(employee_id=employee_id, mechanism="coaching", activity_type=activity, role=role,
                         on_date=day, title="Uji", reference=ref), actor_id=None)


def test_report_rows_cover_both_flows(programme_world):
    w = programme_world
    day = today() - dt.timedelta(days=1)
    _credit(w.coachee.id, "coaching_program", "coachee", day, "r1")
    _credit(w.coachee.id, "coaching_unit", "coachee", day, "r2")
    _credit(w.colleague.id, "mentoring_unit", "mentee", day, "r3")
    db.session.commit()
    unit = w.units["A"]["top"]
    period = ReportPeriod(day - dt.timedelta(days=30), day)
    rekap = reports.report_rows("rekap", unit, period)
    rows = {r["employee_id"]: r for r in rekap.rows}
    assert rows[w.coachee.id]["coaching_program"] == 2 and rows[w.coachee.id]["coaching_unit"] == 2
    assert rows[w.colleague.id]["mentoring_unit"] == 2
    assert [c.key for c in rekap.columns] == ["coaching_program", "coaching_unit", "mentoring_unit"]
    report = reports.report_rows("mekanisme", unit, period)
    line = next(r for r in report.rows if r["nip"] == w.coachee.nip)
    assert line["jumlah"] == 4 and line["pertemuan"] == 2
    assert reports.report_rows("lain", unit, period) is None
    assert reports.report_rows("rekap", w.units["B"]["top"], period).rows == ()


def test_mechanism_report_xlsx_reads_back_the_coaching_jp(programme_world):
    import io

    from openpyxl import load_workbook

    w = programme_world
    day = today() - dt.timedelta(days=1)
    _credit(w.coachee.id, "coaching_program", "coachee", day, "r1")
    _credit(w.coachee.id, "mentoring_unit", "mentee", day, "r2")
    db.session.commit()
    query = (f"mekanisme=coaching&unit={w.units['A']['top'].id}"
             f"&dari={(day - dt.timedelta(days=5)).isoformat()}&sampai={day.isoformat()}")
    assert w.sdm.get(f"/laporan/mekanisme?{query}").status_code == 200
    response = w.sdm.get(f"/laporan/mekanisme.xlsx?{query}")
    assert response.status_code == 200
    rows = [list(r) for r in load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True)]
    header = next(r for r in rows if r and "NIP" in r)
    line = next(r for r in rows if r and w.coachee.nip in r)
    assert line[header.index("Jumlah JP")] == 4
    assert line[header.index("JP Coaching dan Mentoring program unit pengembangan SDM")] == 2


def test_certificate_context_of_a_meeting_row(programme_world):
    from portal_coaching.programme.certificates import context_for

    w = programme_world
    participant = w.participant()
    entry = w.log(w.login(w.coachee), participant, "coachee", today() - dt.timedelta(days=1), ke=3)
    w.post_ok(w.login(w.coach_person), f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf", {})
    row = db.session.scalar(select(LedgerEntry))
    context = context_for(row)
    assert context.programme_title == "Program coaching-mentoring — pertemuan 3" and context.model == 20
    assert "Pertemuan ke-3" in context.extra_lines[0]
    other = LedgerEntry(mechanism="komunitas", activity_type="berbagi_pengetahuan", reference="x")
    assert context_for(other) is None


def test_demo_data_goes_through_the_ledger(programme_world):
    summary = demo.add_demo(random.Random(7), "small")
    db.session.commit()
    assert summary and "program coaching-mentoring" in summary
    assert db.session.scalar(select(func.count(Participant.id))) >= 1
    rows = db.session.scalars(select(LedgerEntry).where(LedgerEntry.activity_type == "coaching_program")).all()
    assert rows and all(r.rule_id == "CM-13" for r in rows)


def test_search_answers_htmx_with_the_results_only(programme_world):
    w = programme_world
    programme = w.programme()
    full = w.sdm.get(f"{BASE}/{programme.id}/kandidat?q=Staf").get_data(as_text=True)
    part = w.sdm.get(f"{BASE}/{programme.id}/kandidat?q=Staf", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" in full and "<html" not in part and w.coachee.nama in part
    part = w.sdm.get(f"{BASE}/klinik?q=zzz", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in part and "untuk pencarian itu" in part
