"""The organiser's plan before the proposal (KB-11), speakers from outside the ministry (KB-12)
and undoing a wrongly recorded attendance through the core ledger cancel path."""

from __future__ import annotations

from decimal import Decimal

from komunitas_helpers import BASE, ledger, plan_data, proposal_data, text
from portal_komunitas.models import KomunitasPlan, MeetingPerson, Proposal
from sqlalchemy import delete, select

from portal.sdk import AuditLog, Certificate, db, today


def _flashes(client, response) -> str:
    return text(client.get(response.headers["Location"]))


def test_the_organiser_reports_plan_material_and_speakers_before_the_proposal_kb11(world):
    """F.1.a: the unit reports its plan to the HR unit; F.1.b, F.1.d: with material and speakers."""
    db.session.execute(delete(KomunitasPlan))
    db.session.commit()
    response = world.koor.post(f"{BASE}/usulan/baru", data=proposal_data(world.unit))
    assert response.status_code == 302  # a draft may be written
    proposal = db.session.scalar(select(Proposal).order_by(Proposal.id.desc()))
    refused = world.koor.post(f"{BASE}/usulan/{proposal.id}/ajukan")
    assert "KB-11" in _flashes(world.koor, refused)
    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).status == "draf"

    incomplete = world.koor.post(f"{BASE}/rencana", data=plan_data(world.unit, pemateri=""))
    assert incomplete.status_code == 422 and "Ahli Madya internal" not in text(incomplete)
    assert "Pengendalian mutu beton" in text(incomplete)  # what was typed stays
    small = world.admin.post(f"{BASE}/rencana", data=plan_data(world.small))
    assert small.status_code == 422  # an eselon III unit is no organiser (KB-02)
    assert world.koor.post(f"{BASE}/rencana", data=plan_data(world.unit)).status_code == 302
    plan = db.session.scalar(select(KomunitasPlan))
    assert (plan.unit_id, plan.tahun, plan.status) == (world.unit.id, today().year, "dilaporkan")
    page = text(world.sdm.get(f"{BASE}/rencana"))
    assert "Ahli Madya internal; pakar dari LPJK" in page and "Terima rencana" in page
    assert world.koor.post(f"{BASE}/rencana/{plan.id}/terima").status_code == 403
    assert world.sdm.post(f"{BASE}/rencana/{plan.id}/terima").status_code == 302
    db.session.expire_all()
    assert db.session.get(KomunitasPlan, plan.id).status == "diterima"
    assert world.koor.post(f"{BASE}/usulan/{proposal.id}/ajukan").status_code == 302
    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).status == "menunggu_pimpinan"
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "komunitas.plan.receive")) is not None


def test_a_pakar_from_outside_the_ministry_speaks_without_an_employee_record_kb12(world):
    """F term 8: "Pakar adalah pegawai atau pihak luar"; no employee record, so no JP."""
    a = world.units["A"]
    meeting = world.meeting("berbagi_pengalaman")
    url = f"{BASE}/pertemuan/{meeting.id}/pihak-luar"
    empty = world.koor.post(url, data={"nama_luar": "Dr. Rahmat", "instansi_luar": "", "keahlian_luar": "",
                                       "role_luar": "pakar"})
    assert "KB-12" in _flashes(world.koor, empty)
    assert world.admin.post(url, data={"nama_luar": "x", "instansi_luar": "y", "keahlian_luar": "z",
                                       "role_luar": "pakar"}).status_code == 302  # admin of the unit
    assert world.login(a["staff"]).post(url, data={}).status_code in (403, 404)
    ok = world.koor.post(url, data={"nama_luar": "Dr. Rahmat Hidayat", "instansi_luar": "Universitas Gadjah Mada",
                                    "keahlian_luar": "Geoteknik", "role_luar": "pakar"})
    assert ok.status_code == 302
    world.add(meeting, a["staff"], "peserta")
    assert world.koor.post(f"{BASE}/pertemuan/{meeting.id}/hadir-semua").status_code == 302
    external = db.session.scalar(select(MeetingPerson).where(MeetingPerson.nama_luar == "Dr. Rahmat Hidayat"))
    assert external.employee_id is None and external.hadir and external.ledger_entry_id is None
    assert [e.jp_counted for e in ledger(a["staff"])] == [Decimal(2)]
    page = text(world.koor.get(f"{BASE}/pertemuan/{meeting.id}"))
    assert "Dr. Rahmat Hidayat" in page and "Universitas Gadjah Mada" in page and "pihak luar, KB-12" in page
    # A pemateri shares what they learnt in their own development: employees only.
    knowledge = world.meeting("berbagi_pengetahuan")
    assert "Tambah pakar dari luar" not in text(world.koor.get(f"{BASE}/pertemuan/{knowledge.id}"))
    refused = world.koor.post(f"{BASE}/pertemuan/{knowledge.id}/pihak-luar", data={
        "nama_luar": "Dr. Rahmat", "instansi_luar": "UGM", "keahlian_luar": "Geoteknik", "role_luar": "pemateri"})
    assert "KB-12" in _flashes(world.koor, refused)


def test_a_wrongly_recorded_attendance_is_undone_and_the_ledger_recounted(world):
    a = world.units["A"]
    meeting = world.meeting("berbagi_pengetahuan")
    world.add(meeting, a["staff"], "peserta")
    person = world.person(meeting, a["staff"])
    assert world.koor.post(f"{BASE}/pertemuan/{meeting.id}/hadir/{person.id}").status_code == 302
    assert world.koor.post(f"{BASE}/pertemuan/{meeting.id}/sertifikat").status_code == 302
    [entry] = ledger(a["staff"])
    certificate = db.session.scalar(select(Certificate).where(Certificate.ledger_entry_id == entry.id))
    assert certificate is not None
    url = f"{BASE}/pertemuan/{meeting.id}/hadir/{person.id}/batal"
    assert world.login(a["staff"]).post(url, data={"reason": "salah"}).status_code in (403, 404)
    no_reason = world.koor.post(url, data={"reason": " "})
    assert "alasan pembatalan kehadiran" in _flashes(world.koor, no_reason)
    assert world.person(meeting, a["staff"]).hadir
    done = world.koor.post(url, data={"reason": "Pegawai tidak hadir; salah centang"})
    assert done.status_code == 302
    person = world.person(meeting, a["staff"])
    assert not person.hadir and person.ledger_entry_id is None
    [cancelled] = ledger(a["staff"])
    assert cancelled.is_cancelled and cancelled.jp_counted == 0
    assert "salah centang" in cancelled.cancel_reason
    db.session.expire_all()
    assert db.session.get(Certificate, certificate.id).revoked_at is not None
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "jp.cancel")) is not None
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "komunitas.hadir.batal")) is not None
    # Marked present again, the JP is credited once more.
    assert world.koor.post(f"{BASE}/pertemuan/{meeting.id}/hadir/{person.id}").status_code == 302
    assert [e.is_cancelled for e in ledger(a["staff"])] == [True, False]
