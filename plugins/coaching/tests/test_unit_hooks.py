"""The unit flow's hook answers: inbox tasks, menu, dashboard card, certificate context of a
meeting's ledger row, demo data."""

from __future__ import annotations

import random

from portal_coaching.unit import hooks
from portal_coaching.unit.models import UnitInventory, UnitPair
from sqlalchemy import func, select
from unit_fixtures import BASE, last, last_month, unit_world_fixture  # noqa: F401

from portal.sdk import Account, LedgerEntry, db, for_entry


def _account(employee) -> Account:
    return db.session.scalar(select(Account).where(Account.employee_id == employee.id))


def test_inbox_shows_validation_approval_and_confirmation_tasks(unit_world):
    w = unit_world
    w.list_employee()
    titles = [t.title for t in hooks.pending_tasks(_account(w.atasan))]
    assert any("Validasi kebutuhan mentoring: Staf A (CU-01)" in t for t in titles)
    assert "Validasi kebutuhan" in w.client(w.atasan).get("/kotak-masuk").get_data(as_text=True)
    w.client(w.atasan).post(f"{BASE}/inventarisasi/{last(UnitInventory).id}/validasi")
    w.client(w.staff).post(f"{BASE}/inventarisasi/{last(UnitInventory).id}/area",
                           data={"area_standard": "teknis", "area": "KAK"})
    w.request(last(UnitInventory), w.mentor)
    assert any("(CU-03)" in t.title for t in hooks.pending_tasks(_account(w.atasan)))
    assert hooks.pending_tasks(_account(w.other_atasan)) == []


def test_meeting_confirmation_waits_in_the_other_sides_inbox(unit_world):
    w = unit_world
    pair = w.running_pair()
    w.meeting(pair, last_month(3), confirm=False)
    assert any(t.kind == "Konfirmasi" for t in hooks.pending_tasks(_account(w.atasan)))
    assert not any(t.kind == "Konfirmasi" for t in hooks.pending_tasks(_account(w.staff)))


def test_menu_card_and_index(unit_world):
    w = unit_world
    assert [m.endpoint for m in hooks.menu_items(_account(w.staff))] == ["coaching_unit.index"]
    assert "coaching_unit.inventory" in [m.endpoint for m in hooks.menu_items(_account(w.admin))]
    pair = w.running_pair()
    card = w.client(w.staff).get(f"{BASE}/kartu", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert f"pasangan/{pair.id}" in card and "<html" not in card
    index = w.client(w.atasan).get(f"{BASE}/").get_data(as_text=True)
    assert "Sebagai coach/mentor" in index and "Staf A" in index


def test_certificate_context_of_a_meeting_row(unit_world):
    w = unit_world
    pair = w.running_pair()
    w.meeting(pair, last_month(3), topik="Rencana kerja")
    context = for_entry(db.session.scalar(select(LedgerEntry)))
    assert context.programme_title == "Mentoring unit kerja — pertemuan 1"  # CM-01: no topic
    assert not any("Rencana kerja" in line or pair.partner.nama in line for line in context.extra_lines)
    assert context.role_label == "Mentee" and context.jp == 2 and context.model == 20


def test_demo_data_builds_a_believable_flow(unit_world):
    summary = hooks.demo_data(random.Random(7), "small")
    db.session.commit()
    assert "pertemuan ke-3 tidak dihitung" in summary
    assert db.session.scalar(select(func.count(UnitInventory.id))) >= 3
    running = db.session.scalar(select(UnitPair).where(UnitPair.status == "berjalan"))
    assert [m.entry.counted for m in running.meetings] == [True, True, False]
