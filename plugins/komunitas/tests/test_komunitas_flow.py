"""Organiser, koordinator, proposal sign-off and verification (KB-01…KB-04)."""

from __future__ import annotations

from komunitas_helpers import BASE, last_id, proposal_data, text
from portal_komunitas.models import Coordinator, Proposal

from portal.sdk import db


def test_kb02_admin_names_koordinator(world):
    coordinator = db.session.query(Coordinator).filter_by(unit_id=world.unit.id).one()
    assert coordinator.employee_id == world.koordinator.id


def test_kb02_lower_unit_cannot_organise(world):
    response = world.admin.post(f"{BASE}/koordinator", data={
        "unit_id": str(world.small.id), "nip": world.koordinator.nip})
    assert response.status_code == 422
    body = text(response)
    assert "minimal unit eselon II (Lamp. F, KB-02)" in body
    response = world.admin.post(f"{BASE}/usulan/baru", data=proposal_data(world.small))
    assert response.status_code == 422
    assert "KB-02" in text(response)
    assert 'value="Penerapan BIM"' in text(response)  # what was typed is kept
    assert db.session.query(Proposal).count() == 0


def test_kb01_form_must_be_one_of_four(world):
    response = world.koor.post(f"{BASE}/usulan/baru", data=proposal_data(world.unit, "seminar"))
    assert response.status_code == 422
    assert "empat bentuk komunitas belajar (KB-01)" in text(response)


def test_kb03_kb04_proposal_signed_then_verified(world):
    proposal = world.propose()
    assert proposal.status == "draf"
    # Nothing to sign before it is submitted; the head signs, then admin SDM approves.
    assert world.head.post(f"{BASE}/usulan/{proposal.id}/tandatangani").status_code == 302
    db.session.refresh(proposal)
    assert proposal.status == "draf"
    world.koor.post(f"{BASE}/usulan/{proposal.id}/ajukan")
    inbox = text(world.head.get("/kotak-masuk"))
    assert "Tanda tangani usulan komunitas belajar: Penerapan BIM" in inbox
    # Admin SDM cannot approve before the head signed (KB-04).
    world.sdm.post(f"{BASE}/usulan/{proposal.id}/setujui")
    db.session.refresh(proposal)
    assert proposal.status == "menunggu_pimpinan"
    world.head.post(f"{BASE}/usulan/{proposal.id}/tandatangani")
    assert "Verifikasi usulan komunitas belajar: Penerapan BIM" in text(world.sdm.get("/kotak-masuk"))
    world.sdm.post(f"{BASE}/usulan/{proposal.id}/setujui")
    db.session.refresh(proposal)
    assert proposal.status == "disetujui"
    assert proposal.signed_by_id == world.units["A"]["atasan"].id


def test_kb04_only_approved_proposal_holds_meetings(world):
    proposal = world.propose()
    response = world.schedule(proposal)
    assert response.status_code == 422
    assert "sudah disetujui admin SDM (KB-04)" in text(response)


def test_kb04_returned_with_note(world):
    proposal = world.propose()
    world.koor.post(f"{BASE}/usulan/{proposal.id}/ajukan")
    world.head.post(f"{BASE}/usulan/{proposal.id}/tandatangani")
    response = world.sdm.post(f"{BASE}/usulan/{proposal.id}/kembalikan", data={"catatan": ""})
    assert response.status_code == 422
    world.sdm.post(f"{BASE}/usulan/{proposal.id}/kembalikan", data={"catatan": "Lengkapi target."})
    db.session.refresh(proposal)
    assert proposal.status == "dikembalikan" and proposal.return_note == "Lengkapi target."


def test_proposal_cannot_be_edited_after_approval_except_by_returning(world):
    proposal = world.approved()
    changed = proposal_data(world.unit, topik="Topik diubah")
    response = world.koor.post(f"{BASE}/usulan/{proposal.id}/ubah", data=changed)
    assert response.status_code == 302
    db.session.refresh(proposal)
    assert proposal.topik == "Penerapan BIM"
    world.sdm.post(f"{BASE}/usulan/{proposal.id}/kembalikan", data={"catatan": "Ubah topik."})
    response = world.koor.post(f"{BASE}/usulan/{proposal.id}/ubah", data=changed)
    assert response.status_code == 302
    db.session.refresh(proposal)
    assert proposal.topik == "Topik diubah" and proposal.status == "dikembalikan"


def test_proposal_of_other_unit_is_404(world):
    proposal = world.propose()
    other = world.login(world.units["B"]["admin"])
    assert other.get(f"{BASE}/usulan/{proposal.id}").status_code == 404
    staff = world.login(world.units["A"]["staff"])
    assert staff.get(f"{BASE}/usulan/{proposal.id}").status_code == 404


def test_kb03_a_head_does_not_sign_a_proposal_they_wrote_themselves(world):
    """Four eyes on a derived role (portal.authority): the head who wrote the proposal as
    koordinator cannot also sign it as pimpinan unit (KB-03)."""
    head = world.units["A"]["atasan"]
    assert world.admin.post(f"{BASE}/koordinator", data={
        "unit_id": str(world.unit.id), "nip": head.nip}).status_code == 302
    response = world.head.post(f"{BASE}/usulan/baru", data=proposal_data(world.unit))
    assert response.status_code == 302, response.get_data(as_text=True)
    proposal = db.session.get(Proposal, last_id(Proposal))
    assert world.head.post(f"{BASE}/usulan/{proposal.id}/ajukan").status_code == 302
    page = world.head.post(f"{BASE}/usulan/{proposal.id}/tandatangani", follow_redirects=True)
    assert "KB-03" in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).status == "menunggu_pimpinan"


def test_a_balai_besar_upt_at_eselon_ii_level_may_organise_but_a_balai_may_not_kb02(world, people):
    """KB-02 "paling rendah eselon II": a Balai Besar (UPT at eselon II level) organises; the
    levels are a setting of admin SDM."""
    from portal_komunitas import rules

    from portal.sdk import add_version, today

    top = world.units["A"]["top"]
    besar = people.unit("A.B01", "Balai Besar Wilayah Sungai Citarum", eselon="UPT", parent=top)
    balai = people.unit("A.B02", "Balai Wilayah Sungai Papua", eselon="UPT", parent=top)
    assert rules.organiser_refusal(besar) is None
    assert "KB-02" in rules.organiser_refusal(balai)
    add_version("komunitas.kb02_tingkat_penyelenggara", "I, II, UPT eselon II, UPT", today(),
                "Keputusan unit SDM", None)
    db.session.commit()
    assert rules.organiser_refusal(balai) is None
