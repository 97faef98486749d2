"""CU-03: the mentee asks the direct supervisor or someone else; someone else needs the
supervisor's approval first; the mentor accepts; 2 JP a meeting, at most 2 counted a month."""

from __future__ import annotations

import datetime as dt

from portal_coaching.unit.models import UnitPair
from sqlalchemy import select
from unit_fixtures import BASE, last, last_month, unit_world_fixture  # noqa: F401

from portal.sdk import DevelopmentBlock, LedgerEntry, db, today


def _pair(pair_id: int) -> UnitPair:
    db.session.expire_all()
    return db.session.get(UnitPair, pair_id)


def test_mentee_may_ask_the_direct_supervisor_cu03(unit_world):
    w = unit_world
    entry = w.validated_entry()
    assert w.request(entry, pilihan="atasan").status_code == 302
    pair = last(UnitPair)
    assert (pair.partner_id, pair.status) == (w.atasan.id, "menunggu_mitra")
    assert w.client(w.atasan).post(f"{BASE}/pasangan/{pair.id}/jawab/terima").status_code == 302
    assert _pair(pair.id).status == "kesepakatan"


def test_another_mentor_needs_the_direct_supervisor_approval_first_cu03(unit_world):
    w = unit_world
    entry = w.validated_entry()
    assert w.request(entry, w.mentor).status_code == 302
    pair = last(UnitPair)
    assert pair.status == "menunggu_atasan"
    response = w.client(w.mentor).post(f"{BASE}/pasangan/{pair.id}/jawab/terima", follow_redirects=True)
    assert "menunggu persetujuan atasan langsung pegawai terlebih dahulu (CU-03)" in response.get_data(as_text=True)
    assert _pair(pair.id).status == "menunggu_atasan"
    assert w.client(w.atasan).post(f"{BASE}/pasangan/{pair.id}/atasan/setujui").status_code == 302
    assert _pair(pair.id).status == "menunggu_mitra"
    assert w.client(w.mentor).post(f"{BASE}/pasangan/{pair.id}/jawab/terima").status_code == 302
    pair = _pair(pair.id)
    assert pair.status == "kesepakatan" and pair.supervisor_approved_at is not None


def test_direct_supervisor_may_refuse_another_mentor_cu03(unit_world):
    w = unit_world
    w.request(w.validated_entry(), w.mentor)
    pair = last(UnitPair)
    response = w.client(w.atasan).post(f"{BASE}/pasangan/{pair.id}/atasan/tolak", data={"catatan": ""})
    assert response.status_code == 422 and "Catatan wajib diisi." in response.get_data(as_text=True)
    assert w.client(w.atasan).post(f"{BASE}/pasangan/{pair.id}/atasan/tolak",
                                   data={"catatan": "Mentor sedang penugasan lain."}).status_code == 302
    pair = _pair(pair.id)
    assert pair.status == "ditolak" and pair.decline_note == "Mentor sedang penugasan lain."


def test_only_the_direct_supervisor_approves_cu03(unit_world):
    w = unit_world
    w.request(w.validated_entry(), w.mentor)
    pair = last(UnitPair)
    for outsider in (w.other_atasan, w.head, w.admin):
        assert w.client(outsider).post(f"{BASE}/pasangan/{pair.id}/atasan/setujui").status_code == 404
    response = w.client(w.mentor).post(f"{BASE}/pasangan/{pair.id}/atasan/setujui", follow_redirects=True)
    assert "tidak menunggu persetujuan Anda sebagai atasan langsung (CU-03)" in response.get_data(as_text=True)
    assert _pair(pair.id).status == "menunggu_atasan"


def test_mentor_may_decline_cu03(unit_world):
    w = unit_world
    w.request(w.validated_entry(), pilihan="atasan")
    pair = last(UnitPair)
    assert w.client(w.atasan).post(f"{BASE}/pasangan/{pair.id}/jawab/tolak",
                                   data={"catatan": "Belum ada waktu bulan ini."}).status_code == 302
    assert _pair(pair.id).status == "ditolak"
    # A new request is possible once the earlier one was declined.
    assert w.request(db.session.get(type(pair.inventory), pair.inventory_id), w.mentor).status_code == 302


def test_third_mentoring_meeting_of_a_month_is_not_counted_cu03(unit_world):
    w = unit_world
    pair = w.running_pair("mentoring")
    for day in (2, 9, 16):
        w.meeting(pair, last_month(day))
    w.meeting(pair, last_month(1))  # the same month: a 4th, not counted either
    rows = db.session.scalars(select(LedgerEntry).order_by(LedgerEntry.activity_date, LedgerEntry.id)).all()
    assert all(r.activity_type == "mentoring_unit" and r.role == "mentee" for r in rows)
    assert [r.jp_claimed for r in rows] == [2, 2, 2, 2]
    assert sum(r.jp_counted for r in rows) == 4
    not_counted = [r for r in rows if not r.counted]
    assert len(not_counted) == 2 and {r.cap_rule_id for r in not_counted} == {"CU-03"}
    mine = w.client(w.staff).get("/jp/saya").get_data(as_text=True)
    assert "Paling banyak 2 pertemuan mentoring per bulan yang dihitung (CU-03)" in mine
    page = w.client(w.staff).get(f"{BASE}/pasangan/{pair.id}").get_data(as_text=True)
    assert page.count("Tidak dihitung</strong>") == 2


def test_approval_follows_the_current_direct_supervisor_cu03(unit_world):
    w = unit_world
    w.request(w.validated_entry(), w.mentor)
    pair = last(UnitPair)
    staff = db.session.get(type(w.staff), w.staff.id)
    staff.supervisor_id = w.other_atasan.id  # the employee moved to another atasan
    db.session.commit()
    assert w.client(w.atasan).post(f"{BASE}/pasangan/{pair.id}/atasan/setujui").status_code == 404
    assert w.client(w.other_atasan).post(f"{BASE}/pasangan/{pair.id}/atasan/setujui").status_code == 302
    pair = _pair(pair.id)
    assert pair.status == "menunggu_mitra" and pair.supervisor_id == w.other_atasan.id


def test_an_employee_blocked_after_a_failed_internship_cannot_start_mentoring_mg10(unit_world):
    """MG-10: a failure within the participant's control bars every further programme."""
    w = unit_world
    entry = w.validated_entry()
    db.session.add(DevelopmentBlock(employee_id=w.staff.id, rule_id="MG-10",
                                    reason="Tidak lulus magang karena sebab dalam kendali peserta.",
                                    starts_on=today() - dt.timedelta(days=30),
                                    ends_on=today() + dt.timedelta(days=300)))
    db.session.commit()
    response = w.request(entry, pilihan="atasan")
    assert response.status_code == 422
    assert "tidak dapat mengikuti program pengembangan kompetensi" in response.get_data(as_text=True)
    assert "(MG-10)" in response.get_data(as_text=True)
    assert db.session.scalars(select(UnitPair).where(UnitPair.inventory_id == entry.id)).all() == []
