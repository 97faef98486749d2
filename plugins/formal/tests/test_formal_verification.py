"""Verification by the atasan or an admin in scope; FL-01 credit to the JP ledger; IDOR."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from formal_helpers import PDF, account_of, reports, submit
from sqlalchemy import select

from portal.sdk import AuditLog, LedgerEntry, Participation, credit, db, registry, today, year_summary


def ledger_rows() -> list[LedgerEntry]:
    db.session.rollback()
    return list(db.session.scalars(select(LedgerEntry).order_by(LedgerEntry.id)))


def audit(action: str) -> list[AuditLog]:
    db.session.rollback()
    return list(db.session.scalars(select(AuditLog).where(AuditLog.action == action)))


def test_verified_training_is_credited_with_the_jp_on_its_certificate_fl_01(two_units, login, pending_report):
    atasan, staff = two_units["A"]["atasan"], two_units["A"]["staff"]
    response = login(atasan).post(f"/m/formal/{pending_report.id}/verifikasi")
    assert response.status_code == 302 and response.headers["Location"].endswith("/m/formal/verifikasi")
    [entry] = ledger_rows()
    assert (entry.employee_id, entry.mechanism, entry.model, entry.activity_type, entry.role) == (
        staff.id, "formal", 10, "teknis", "peserta")
    assert entry.reference == f"formal:{pending_report.id}"
    assert entry.jp_claimed == entry.jp_counted == Decimal("24") and entry.counted
    assert entry.rule_id == "FL-01" and entry.source == "workflow"
    assert entry.activity_date == pending_report.end_date
    assert entry.created_by_id == account_of(atasan).id
    [report] = reports()
    assert (report.status, report.ledger_entry_id, report.decided_by_id) == (
        "verified", entry.id, account_of(atasan).id)
    assert year_summary(staff.id, entry.activity_date.year)["by_mechanism"] == {"formal": 24}
    [verify_log] = audit("formal.verify")
    assert verify_log.entity_id == str(report.id) and verify_log.new_values["rule_id"] == "FL-01"
    assert verify_log.actor_id == account_of(atasan).id
    page = login(staff).get(f"/m/formal/{report.id}").get_data(as_text=True)
    assert "Terverifikasi" in page and f"Entri #{entry.id}" in page


def test_verification_message_names_fl_01(two_units, login, pending_report):
    client = login(two_units["A"]["atasan"])
    page = client.post(f"/m/formal/{pending_report.id}/verifikasi", follow_redirects=True)
    assert "24 JP dicatat (FL-01)" in page.get_data(as_text=True)


@pytest.mark.parametrize("who", ["admin", "sdm"])
def test_admin_of_the_unit_or_admin_sdm_may_verify(two_units, login, pending_report, who):
    verifier = two_units["sdm"] if who == "sdm" else two_units["A"]["admin"]
    assert login(verifier).post(f"/m/formal/{pending_report.id}/verifikasi").status_code == 302
    assert [r.status for r in reports()] == ["verified"]
    assert len(ledger_rows()) == 1


def test_reject_needs_a_reason_and_shows_it_to_the_employee(two_units, login, pending_report):
    client = login(two_units["A"]["atasan"])
    refused = client.post(f"/m/formal/{pending_report.id}/tolak", data={"reason": "   "})
    assert refused.status_code == 422
    assert "Alasan penolakan wajib diisi" in refused.get_data(as_text=True)
    assert reports()[0].status == "pending"
    response = client.post(f"/m/formal/{pending_report.id}/tolak",
                           data={"reason": "JP pada sertifikat 16, bukan 24."})
    assert response.status_code == 302
    [report] = reports()
    assert (report.status, report.reject_reason) == ("rejected", "JP pada sertifikat 16, bukan 24.")
    assert ledger_rows() == []
    [log] = audit("formal.reject")
    assert log.new_values["reason"] == "JP pada sertifikat 16, bukan 24."
    page = login(two_units["A"]["staff"]).get(f"/m/formal/{report.id}").get_data(as_text=True)
    assert "JP pada sertifikat 16, bukan 24." in page and "kirim laporan baru" in page


def test_an_employee_can_never_verify_their_own_report(two_units, login):
    admin = two_units["A"]["admin"]  # admin_unit of A, reporting their own training
    client = login(admin)
    submit(client)
    [report] = reports()
    detail = client.get(f"/m/formal/{report.id}").get_data(as_text=True)
    assert "Keputusan verifikasi" not in detail
    for action, data in (("verifikasi", {}), ("tolak", {"reason": "Sendiri"})):
        response = client.post(f"/m/formal/{report.id}/{action}", data=data)
        assert response.status_code == 403
        assert "laporan pelatihan Anda sendiri" in response.get_data(as_text=True)
    assert [r.status for r in reports()] == ["pending"]
    assert ledger_rows() == []
    assert report.id not in [r.id for r in _queue_ids(client)]


def _queue_ids(client):
    body = client.get("/m/formal/verifikasi").get_data(as_text=True)
    return [r for r in reports() if f'/m/formal/{r.id}/verifikasi"' in body]


@pytest.mark.parametrize("who", ["B.atasan", "B.admin", "B.head", "A.head", "B.staff"])
def test_others_get_404_on_detail_certificate_verify_and_reject(two_units, login, pending_report, who):
    unit, role = who.split(".")
    client = login(two_units[unit][role])
    rid = pending_report.id
    for url in (f"/m/formal/{rid}", f"/m/formal/{rid}/sertifikat"):
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(url, headers=headers)
            assert response.status_code == 404, (url, response.status_code)
            assert b"%PDF" not in response.data
    for action, data in (("verifikasi", {}), ("tolak", {"reason": "Bukan urusan saya"})):
        assert client.post(f"/m/formal/{rid}/{action}", data=data).status_code in (403, 404)
    assert [r.status for r in reports()] == ["pending"]
    assert ledger_rows() == []
    if role != "staff":
        assert f"/m/formal/{rid}" not in client.get("/m/formal/verifikasi").get_data(as_text=True)


def test_colleague_in_the_same_unit_gets_404(two_units, people, login, pending_report):
    colleague = people.person(two_units["A"]["sub"], nama="Rekan A", supervisor=two_units["A"]["atasan"])
    client = login(colleague)
    assert client.get(f"/m/formal/{pending_report.id}").status_code == 404
    assert client.get(f"/m/formal/{pending_report.id}/sertifikat").status_code == 404


@pytest.mark.parametrize("who", ["A.staff", "A.atasan", "A.admin", "sdm"])
def test_owner_atasan_and_admins_in_scope_download_the_certificate(two_units, login, pending_report, who):
    employee = two_units["sdm"] if who == "sdm" else two_units["A"][who.split(".")[1]]
    response = login(employee).get(f"/m/formal/{pending_report.id}/sertifikat")
    assert response.status_code == 200
    assert response.data == PDF
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"


def test_duplicate_credit_shows_the_ledger_message(two_units, login, pending_report):
    report = pending_report
    credit(Participation(report.employee_id, "formal", report.activity_type, "peserta", report.end_date,
                         report.title, reference=f"formal:{report.id}", jp_stated=report.jp_stated), None)
    db.session.commit()
    client = login(two_units["A"]["atasan"])
    page = client.post(f"/m/formal/{report.id}/verifikasi", follow_redirects=True).get_data(as_text=True)
    assert "sudah tercatat" in page
    assert [r.status for r in reports()] == ["pending"]
    assert len(ledger_rows()) == 1


def test_a_decided_report_is_not_decided_twice(two_units, login, pending_report):
    client = login(two_units["A"]["atasan"])
    client.post(f"/m/formal/{pending_report.id}/verifikasi")
    again = client.post(f"/m/formal/{pending_report.id}/verifikasi", follow_redirects=True)
    assert "sudah diputuskan" in again.get_data(as_text=True)
    reject = client.post(f"/m/formal/{pending_report.id}/tolak", data={"reason": "Terlambat"},
                         follow_redirects=True)
    assert "sudah diputuskan" in reject.get_data(as_text=True)
    assert len(ledger_rows()) == 1 and reports()[0].status == "verified"


def test_queue_lists_subordinates_reports_with_confirmation(two_units, login, pending_report):
    body = login(two_units["A"]["atasan"]).get("/m/formal/verifikasi").get_data(as_text=True)
    assert "Staf A" in body and "Pelatihan Perencanaan Jembatan" in body
    assert "hx-confirm=" in body and 'name="csrf_token"' in body
    fragment = login(two_units["A"]["atasan"]).get("/m/formal/verifikasi", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and 'name="csrf_token"' in fragment.get_data(as_text=True)
    empty = login(two_units["B"]["atasan"]).get("/m/formal/verifikasi").get_data(as_text=True)
    assert "Tidak ada laporan pelatihan formal yang menunggu verifikasi Anda" in empty


def test_verify_without_csrf_token_is_refused(two_units, login, pending_report):
    client = login(two_units["A"]["atasan"])
    assert client.post(f"/m/formal/{pending_report.id}/verifikasi", csrf=False).status_code == 400
    assert ledger_rows() == []


def test_portal_compute_jp_answers_fl_01_for_formal_only(app):
    hook = registry().pm.hook.portal_compute_jp
    from portal_formal import portal_compute_jp

    formal = Participation(1, "formal", "seminar", "peserta", dt.date(2026, 3, 1), "Seminar",
                           "formal:1", jp_stated=Decimal("3.5"))
    result = portal_compute_jp(participation=formal, settings=None)
    assert (result.jp, result.rule_id) == (Decimal("3.5"), "FL-01")
    other = Participation(1, "komunitas", "berbagi_bahan", "penulis", dt.date(2026, 3, 1), "Bahan", "x:1")
    assert portal_compute_jp(participation=other, settings=None) is None
    assert hook is not None


def test_dashboard_card_shows_pending_reports_and_verified_jp(two_units, login, pending_report):
    staff = login(two_units["A"]["staff"])
    first_of_month = today().replace(day=1).isoformat()
    submit(staff, title="Seminar Kedua", activity_type="seminar", jp="3,5", end_date=first_of_month,
           start_date=first_of_month)
    second = reports()[-1]
    login(two_units["A"]["atasan"]).post(f"/m/formal/{second.id}/verifikasi")
    card = staff.get("/m/formal/kartu", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "1 laporan menunggu verifikasi" in card
    assert "3,5 JP" in card
    assert "<html" not in card
    home = staff.get("/").get_data(as_text=True)
    assert 'hx-get="/m/formal/kartu"' in home
