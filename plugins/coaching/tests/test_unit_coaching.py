"""CU-02: coaching — consensus to start, aligned goals confirmed by both, meetings confirmed by
the other side (1 meeting = 2 JP, at most 2 counted a month), evaluation, documentation."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook
from portal_coaching.unit.models import UnitMeeting, UnitPair
from pypdf import PdfReader
from sqlalchemy import select
from unit_fixtures import BASE, last, last_month, unit_world_fixture  # noqa: F401

from portal.sdk import Certificate, LedgerEntry, db, today


def _pair(pair_id: int) -> UnitPair:
    db.session.expire_all()
    return db.session.get(UnitPair, pair_id)


def test_coaching_starts_with_consensus_and_aligned_goals_confirmed_by_both_cu02(unit_world):
    w = unit_world
    entry = w.validated_entry(jenis="coaching")
    assert w.request(entry, w.mentor).status_code == 302
    pair = last(UnitPair)
    assert pair.status == "menunggu_mitra"  # coaching needs no supervisor approval
    assert w.client(w.mentor).post(f"{BASE}/pasangan/{pair.id}/jawab/terima").status_code == 302
    c = w.client(w.staff)
    assert c.post(f"{BASE}/pasangan/{pair.id}/kesepakatan/konfirmasi", follow_redirects=True) \
        .get_data(as_text=True).count("Tuliskan dahulu tujuan dan sasaran yang disepakati (CU-02)") == 1
    assert c.post(f"{BASE}/pasangan/{pair.id}/kesepakatan", data={
        "tujuan": "Menyusun KAK", "sasaran": "Draf KAK"}).status_code == 302
    response = c.post(f"{BASE}/pasangan/{pair.id}/pertemuan", data={
        "tanggal": last_month(3).isoformat(), "topik": "Awal", "hasil": "-"})
    assert response.status_code == 422
    assert "setelah kesepakatan dikonfirmasi kedua pihak" in response.get_data(as_text=True)
    # The coach changes the goals: the coachee must confirm again.
    assert w.client(w.mentor).post(f"{BASE}/pasangan/{pair.id}/kesepakatan", data={
        "tujuan": "Menyusun KAK paket jalan", "sasaran": "Draf KAK"}).status_code == 302
    pair = _pair(pair.id)
    assert pair.status == "kesepakatan" and pair.employee_confirmed_at is None
    assert c.post(f"{BASE}/pasangan/{pair.id}/kesepakatan/konfirmasi").status_code == 302
    pair = _pair(pair.id)
    assert pair.status == "berjalan" and pair.started_at is not None


def test_coaching_meeting_is_2_jp_and_at_most_2_counted_a_month_cu02(unit_world):
    w = unit_world
    pair = w.running_pair("coaching", partner=w.mentor)
    for day in (5, 12, 19):
        w.meeting(pair, last_month(day))
    w.meeting(pair, last_month(1) - dt.timedelta(days=3))  # the month before: counted
    rows = db.session.scalars(select(LedgerEntry).order_by(LedgerEntry.activity_date, LedgerEntry.id)).all()
    assert [(r.activity_type, r.role, r.rule_id) for r in rows][0] == ("coaching_unit", "coachee", "CU-02")
    assert [r.counted for r in rows] == [True, True, True, False]
    assert rows[-1].jp_counted == 0
    assert rows[-1].reason == "Paling banyak 2 pertemuan coaching per bulan yang dihitung (CU-02)"


def test_meeting_is_confirmed_by_the_other_side_cu02(unit_world):
    w = unit_world
    pair = w.running_pair("coaching", partner=w.mentor)
    meeting = w.meeting(pair, last_month(4), by=w.mentor, confirm=False)
    response = w.client(w.mentor).post(f"{BASE}/pertemuan/{meeting.id}/konfirmasi", follow_redirects=True)
    assert "dikonfirmasi oleh pihak lain, bukan oleh yang mencatatnya (CU-02)" in response.get_data(as_text=True)
    assert db.session.scalar(select(LedgerEntry.id)) is None
    assert w.client(w.staff).post(f"{BASE}/pertemuan/{meeting.id}/konfirmasi").status_code == 302
    entry = db.session.scalar(select(LedgerEntry))
    assert entry.employee_id == w.staff.id and entry.jp_counted == 2  # the coachee earns JP
    rejected = w.meeting(pair, last_month(6), by=w.staff, confirm=False)
    assert w.client(w.mentor).post(f"{BASE}/pertemuan/{rejected.id}/tolak").status_code == 302
    db.session.expire_all()
    assert db.session.get(UnitMeeting, rejected.id).status == "ditolak"
    assert len(db.session.scalars(select(LedgerEntry)).all()) == 1


def test_meeting_in_the_future_or_malformed_is_refused(unit_world):
    w = unit_world
    pair = w.running_pair()
    c = w.client(w.staff)
    for day, message in (((today() + dt.timedelta(days=2)).isoformat(), "tidak boleh di masa depan"),
                         ("2026-02-30", "Tanggal tidak valid")):
        response = c.post(f"{BASE}/pasangan/{pair.id}/pertemuan",
                          data={"tanggal": day, "topik": "Topik saya", "hasil": "Hasil saya"})
        assert response.status_code == 422
        body = response.get_data(as_text=True)
        assert message in body and "Topik saya" in body
    assert db.session.scalar(select(UnitMeeting.id)) is None


def test_evaluation_completes_and_the_core_issues_the_certificate_g06(unit_world):
    w = unit_world
    pair = w.running_pair()
    response = w.client(w.staff).post(f"{BASE}/pasangan/{pair.id}/evaluasi", data={"evaluasi": "Baik"})
    assert response.status_code == 422
    assert "paling sedikit satu pertemuan dikonfirmasi (CU-03)" in response.get_data(as_text=True)
    for day in (2, 9, 16):
        w.meeting(pair, last_month(day))
    assert w.client(w.staff).post(f"{BASE}/pasangan/{pair.id}/evaluasi",
                                  data={"evaluasi": "Sangat membantu."}).status_code == 302
    assert _pair(pair.id).status == "berjalan"
    assert db.session.scalar(select(Certificate.id)) is None
    assert w.client(w.atasan).post(f"{BASE}/pasangan/{pair.id}/evaluasi",
                                   data={"evaluasi": "Mentee berkomitmen."}).status_code == 302
    pair = _pair(pair.id)
    certificate = db.session.get(Certificate, pair.certificate_id)
    assert pair.status == "selesai"
    assert certificate.employee_id == w.staff.id and certificate.jp == 4  # 3rd not counted
    assert certificate.mechanism == "coaching" and certificate.source_key == f"coaching:coaching_unit:pair:{pair.id}"
    assert "Sertifikat" in w.client(w.staff).get("/sertifikat/saya").get_data(as_text=True)
    assert w.client(w.staff).post(f"{BASE}/pasangan/{pair.id}/sertifikat", follow_redirects=True) \
        .get_data(as_text=True).count("sudah diterbitkan") >= 1


def test_documentation_pdf_and_xlsx_read_back_cu02(unit_world):
    w = unit_world
    pair = w.running_pair("coaching", partner=w.mentor)
    for day in (5, 12, 19):
        w.meeting(pair, last_month(day), topik=f"Topik hari {day}")
    c = w.client(w.mentor)
    response = c.get(f"{BASE}/pasangan/{pair.id}/dokumentasi.xlsx")
    assert response.status_code == 200
    rows = [list(r) for r in load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True)]
    flat = [str(v) for r in rows for v in r if v is not None]
    assert "Dokumentasi Coaching di Unit Kerja (Lamp. I)" in flat and "Mentor Lain" in flat
    meetings = [r for r in rows if r and isinstance(r[0], int)]
    assert [r[2] for r in meetings] == ["Topik hari 5", "Topik hari 12", "Topik hari 19"]
    assert [r[6] for r in meetings] == [2, 2, 0]
    assert meetings[2][7].startswith("Tidak dihitung: Paling banyak 2 pertemuan coaching")
    response = c.get(f"{BASE}/pasangan/{pair.id}/dokumentasi.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    text = " ".join(text.split())
    assert "Staf A" in text and "Topik hari 19" in text and "(CU-02)" in text


def test_coach_must_be_someone_else_with_an_account_cu02(unit_world):
    w = unit_world
    entry = w.validated_entry(jenis="coaching")
    response = w.request(entry, w.staff)
    assert response.status_code == 422
    assert "bukan pegawai itu sendiri (CU-02)" in response.get_data(as_text=True)
    no_account = w.people.employee(w.a["sub"], nama="Tanpa Akun")
    response = w.request(entry, no_account)
    assert "belum mempunyai akun portal yang aktif" in response.get_data(as_text=True)
    assert db.session.scalar(select(UnitPair.id)) is None
