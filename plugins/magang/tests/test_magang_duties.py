"""Duties of Lamp. A the catalogue lacked (MG-14, MG-15) and the costs of a placement (A.9,
G-07), driven through the pages like users do."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from magang_helpers import BASE, HOST, flashes
from sqlalchemy import select

from portal.sdk import AuditLog, LedgerEntry, Notification, Placement, PlacementFollowup, db, today


def _fresh(placement_id: int) -> Placement:
    db.session.expire_all()
    return db.session.get(Placement, placement_id)


# --------------------------------------------------------------------------- MG-14

def test_the_host_may_send_the_participant_back_to_the_origin_unit_without_jp_mg14(world):
    """A.d.3.a.2: the host enforces its rules "hingga mengembalikan pegawai magang ke instansi asalnya"."""
    mentor = world.units["B"]["staff"]
    placement_id = world.nominate(world.need())
    world.prepare_without_schedule(placement_id)
    url = f"{BASE}/{placement_id}"
    assert world.admin.post(f"{url}/penerima", data=dict(HOST, mentor_nip=mentor.nip)).status_code == 302
    start = today() - dt.timedelta(days=20)
    end = start + dt.timedelta(weeks=12)
    assert world.admin.post(f"{url}/jadwal", data={"start_date": start.isoformat(), "end_date": end.isoformat(),
                                                  "cadence": "mingguan"}).status_code == 302
    assert world.admin.post(f"{url}/mulai").status_code == 302

    # Only the host's side (its mentor, or an admin recording the host's decision) may do it.
    outsider = world.login(world.units["B"]["admin"])
    assert outsider.post(f"{url}/kembalikan", data={"return_reason": "x"}).status_code == 404
    participant = world.participant.post(f"{url}/kembalikan", data={"return_reason": "Saya ingin pulang"})
    assert participant.status_code == 422 and "MG-14" in participant.get_data(as_text=True)

    host = world.login(mentor)
    page = host.get(url).get_data(as_text=True)
    assert "Instansi penerima mengembalikan peserta (MG-14)" in page
    empty = host.post(f"{url}/kembalikan", data={"return_reason": " ", "returned_on": today().isoformat()})
    assert empty.status_code == 422 and "alasan pengembalian" in empty.get_data(as_text=True)
    late = host.post(f"{url}/kembalikan", data={"return_reason": "Melanggar tata tertib K3 berulang",
                                                "returned_on": (today() + dt.timedelta(days=3)).isoformat()})
    body = late.get_data(as_text=True)
    assert late.status_code == 422 and "Melanggar tata tertib K3 berulang" in body  # nothing typed is lost
    assert _fresh(placement_id).status == "berjalan"

    done = host.post(f"{url}/kembalikan", data={"return_reason": "Melanggar tata tertib K3 berulang",
                                                "decided_by": "Ir. Budi, Direktur Operasi",
                                                "returned_on": today().isoformat()})
    assert done.status_code == 302, flashes(done)
    placement = _fresh(placement_id)
    assert (placement.status, placement.return_decided_by) == ("dikembalikan", "Ir. Budi, Direktur Operasi")
    assert placement.ledger_entry_id is None and placement.outcome == ""
    assert db.session.scalar(select(LedgerEntry).where(LedgerEntry.reference == f"placement:{placement_id}")) is None
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "placement.send_back"))
    assert audit is not None and audit.entity_id == str(placement_id)
    told = {n.employee_id for n in db.session.scalars(select(Notification))}
    assert {world.staff.id, world.atasan_emp.id} <= told
    page = world.participant.get(url).get_data(as_text=True)
    assert "Dikembalikan ke instansi asal (MG-14)" in page and "tanpa JP" in page
    # Ended: no final evaluation, no second return.
    assert world.finish(placement_id).status_code == 422
    assert host.post(f"{url}/kembalikan", data={"return_reason": "lagi"}).status_code == 422


def test_an_admin_records_the_hosts_decision_in_the_name_of_the_host_mg14(world):
    placement_id = world.running()
    url = f"{BASE}/{placement_id}"
    nameless = world.admin.post(f"{url}/kembalikan", data={"return_reason": "Tidak disiplin",
                                                           "returned_on": today().isoformat()})
    assert nameless.status_code == 422 and "pejabat instansi penerima" in nameless.get_data(as_text=True)
    ok = world.admin.post(f"{url}/kembalikan", data={"return_reason": "Tidak disiplin", "decided_by": "Direksi PT JN",
                                                     "returned_on": today().isoformat()})
    assert ok.status_code == 302
    assert _fresh(placement_id).status == "dikembalikan"


# --------------------------------------------------------------------------- MG-15

def test_no_start_before_the_unit_left_behind_is_checked_mg15(world):
    """A.d.6.c: selecting the participant minds the sustainability of the unit left behind."""
    placement_id = world.nominate(world.need())
    url = f"{BASE}/{placement_id}"
    assert "pemeriksaan keberlanjutan tugas di unit yang ditinggalkan (MG-15)" in world.admin.get(url).get_data(
        as_text=True)
    world.prepare(placement_id)
    placement = _fresh(placement_id)
    assert placement.continuity_note.startswith("Tugas dilimpahkan")
    # The participant may not record it about themself; an empty note is refused with the rule.
    own = world.participant.post(f"{url}/unit-ditinggalkan", data={"continuity_note": "Aman"})
    assert own.status_code == 403
    empty = world.atasan.post(f"{url}/unit-ditinggalkan", data={"continuity_note": ""})
    assert empty.status_code == 422 and "MG-15" in empty.get_data(as_text=True)
    assert world.admin.post(f"{url}/mulai").status_code == 302
    late = world.atasan.post(f"{url}/unit-ditinggalkan", data={"continuity_note": "Diubah"})
    assert late.status_code == 422 and "sebelum magang dimulai" in late.get_data(as_text=True)


def test_the_origin_unit_records_the_career_follow_up_after_the_internship_mg15(world):
    """A.d.6.b: follow-up on the career plan — promotion, transfer or assignment after the internship."""
    placement_id = world.completed()
    url = f"{BASE}/{placement_id}"
    early = world.admin.post(f"{url}/tindak-lanjut", data={"followup_kind": "promosi", "description": "x",
                                                           "followup_on": today().isoformat()})
    assert early.status_code == 422 and "setelah magang selesai" in early.get_data(as_text=True)
    assert world.finish(placement_id).status_code == 302
    page = world.admin.get(url).get_data(as_text=True)
    assert "Tindak lanjut karier (MG-15)" in page
    inbox = world.admin.get("/kotak-masuk").get_data(as_text=True)
    assert "Catat tindak lanjut karier pasca magang: Staf A (MG-15)" in inbox
    bad = world.admin.post(f"{url}/tindak-lanjut", data={"followup_kind": "pensiun", "description": "Kepala Seksi",
                                                         "followup_on": today().isoformat()})
    assert bad.status_code == 422 and "Kepala Seksi" in bad.get_data(as_text=True)
    assert world.participant.post(f"{url}/tindak-lanjut", data={}).status_code == 403
    ok = world.admin.post(f"{url}/tindak-lanjut", data={"followup_kind": "promosi",
                                                        "description": "Diangkat Kepala Seksi Audit Jembatan",
                                                        "followup_on": today().isoformat()})
    assert ok.status_code == 302, flashes(ok)
    followup = db.session.scalar(select(PlacementFollowup))
    assert (followup.kind, followup.placement_id) == ("promosi", placement_id)
    assert "Diangkat Kepala Seksi Audit Jembatan" in world.participant.get(url).get_data(as_text=True)
    assert "Catat tindak lanjut karier" not in world.admin.get("/kotak-masuk").get_data(as_text=True)
    employee_page = world.admin.get(f"/pegawai/{world.staff.id}").get_data(as_text=True)
    assert "Tindak lanjut karier pasca penempatan" in employee_page and "Diangkat Kepala Seksi" in employee_page


# --------------------------------------------------------------------------- G-07

def test_costs_and_funding_source_of_an_internship_are_recorded_g07(world):
    """A.9: funded from APBN/APBD or another lawful source; the sending unit bears the costs (A.d.5.a)."""
    placement_id = world.nominate(world.need())
    url = f"{BASE}/{placement_id}"
    bad = world.admin.post(f"{url}/biaya", data={"uang_harian": "satu juta", "sumber_dana": "lainnya",
                                                 "sumber_dana_keterangan": ""})
    body = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "Isi dengan angka" in body and "G-07" in body
    assert 'value="satu juta"' in body  # what was typed stays
    assert _fresh(placement_id).biaya_dicatat_at is None
    assert world.participant.post(f"{url}/biaya", data={"sumber_dana": "apbn"}).status_code == 403
    ok = world.admin.post(f"{url}/biaya", data={"biaya_pelatihan": "0", "uang_harian": "4500000",
                                                "transportasi": "1250000", "akomodasi": "6000000",
                                                "sumber_dana": "lainnya",
                                                "sumber_dana_keterangan": "Hibah mitra, tidak mengikat"})
    assert ok.status_code == 302, flashes(ok)
    placement = _fresh(placement_id)
    assert placement.uang_harian == Decimal("4500000") and placement.sumber_dana == "lainnya"
    page = world.atasan.get(url).get_data(as_text=True)
    assert "Rp11.750.000" in page.replace("\xa0", "") or "11.750.000" in page
    assert "Hibah mitra, tidak mengikat" in page
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "placement.costs")) is not None
