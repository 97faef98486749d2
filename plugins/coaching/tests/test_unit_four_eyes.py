"""Approvals resting on a derived role refuse self-approval (issue 15 item 1, portal.authority):
the CU-01 validator is neither the listed employee nor the proposer, the CU-03 approving
supervisor is not the requested mentor, and programme staff do not appoint themselves (CM-12)."""

from __future__ import annotations

import pytest
from portal_coaching.unit.models import UnitInventory, UnitPair
from unit_fixtures import BASE, last, unit_world_fixture  # noqa: F401

from portal.sdk import Employee, db


def test_cu01_a_head_who_proposed_the_entry_cannot_validate_it_the_next_head_does(unit_world, people):
    w = unit_world
    # The unit admin is also recorded as head of A.01 (e.g. before the guard existed).
    people.head_of(w.a["sub"], w.admin)
    assert w.list_employee(w.staff, by=w.admin).status_code == 302
    entry = last(UnitInventory)
    response = w.client(w.admin).post(f"{BASE}/inventarisasi/{entry.id}/validasi", follow_redirects=True)
    assert "CU-01" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(UnitInventory, entry.id).status == "diusulkan"
    # The head one level up validates instead.
    assert w.client(w.head).post(f"{BASE}/inventarisasi/{entry.id}/validasi").status_code == 302
    db.session.expire_all()
    assert db.session.get(UnitInventory, entry.id).status == "divalidasi"


def test_cu01_a_head_listed_for_coaching_does_not_validate_their_own_entry(unit_world):
    w = unit_world
    assert w.list_employee(w.atasan, by=w.admin).status_code == 302  # atasan heads A.01
    entry = last(UnitInventory)
    w.client(w.atasan).post(f"{BASE}/inventarisasi/{entry.id}/validasi")
    db.session.expire_all()
    assert db.session.get(UnitInventory, entry.id).status == "diusulkan"
    assert w.client(w.head).post(f"{BASE}/inventarisasi/{entry.id}/validasi").status_code == 302
    db.session.expire_all()
    assert db.session.get(UnitInventory, entry.id).status == "divalidasi"


def test_cu03_the_requested_mentor_who_became_the_supervisor_cannot_approve_themselves(unit_world):
    w = unit_world
    entry = w.validated_entry(jenis="mentoring")
    assert w.request(entry, w.mentor, pilihan="lain").status_code == 302
    pair = last(UnitPair)
    assert pair.status == "menunggu_atasan"
    staff = db.session.get(Employee, w.staff.id)
    staff.supervisor_id = w.mentor.id  # the requested mentor is now recorded as supervisor
    db.session.commit()
    response = w.client(w.mentor).post(f"{BASE}/pasangan/{pair.id}/atasan/setujui", follow_redirects=True)
    assert "CU-03" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(UnitPair, pair.id).status == "menunggu_atasan"


def test_the_core_helper_names_the_rule_and_refuses_subject_and_proposer(unit_world):
    from sqlalchemy import select

    from portal.sdk import Account, self_approval_refusal

    w = unit_world
    admin = db.session.scalar(select(Account).where(Account.employee_id == w.admin.id))
    assert "CU-01" in self_approval_refusal(admin, subject_id=w.admin.id, rule="CU-01")
    assert "KB-03" in self_approval_refusal(admin, subject_id=w.staff.id, rule="KB-03",
                                            proposer_account_id=admin.id)
    assert self_approval_refusal(admin, subject_id=w.staff.id, rule="CU-01",
                                 proposer_account_id=admin.id + 1000) is None


@pytest.mark.hook("portal_confidential_parts")
def test_admin_unit_cannot_take_over_a_coach_account_by_temporary_password_cm01(unit_world):
    """A coach opens the coachee's confidential record (CM-01): the part is declared through
    portal_confidential_parts and protected like a granted role — only admin SDM may reset."""
    w = unit_world
    w.running_pair("coaching", partner=w.mentor)
    page = w.client(w.admin).post(f"/admin/pegawai/{w.mentor.id}/kata-sandi-sementara",
                                  follow_redirects=True).get_data(as_text=True)
    assert "Hanya Admin SDM" in page and "coach di unit kerja" in page
    assert w.client(w.sdm).post(f"/admin/pegawai/{w.mentor.id}/kata-sandi-sementara").status_code == 200
