"""§E.7: the Unit Kerja Pengelolaan Talenta is a granted role (``manajemen_talenta``, granted by
admin SDM) that records coaching clinics (CM-04) and re-assessments (CM-03) itself, without
opening the confidential coaching records (CM-01)."""

from __future__ import annotations

import datetime as dt

from portal_coaching.programme.models import Clinic, Coach, Participant, Programme
from sqlalchemy import select

from portal.sdk import Account, AuditLog, db, today


def finished_participant(coachee, mentor) -> Participant:
    """A coachee whose programme is finished (the flow to get there has its own tests)."""
    done = today() - dt.timedelta(days=10)
    programme = Programme(nama="Coaching Teknis Jalan", tujuan="t", sasaran="s", standar="teknis", kompetensi="k",
                          moda="luring", tanggal_mulai=done - dt.timedelta(weeks=9))
    coach = Coach(nama="Coach Eksternal", instansi="Lembaga Coaching")
    participant = Participant(programme=programme, employee_id=coachee.id, coach=coach, mentor_id=mentor.id,
                              penguji="Penguji", status="selesai", selesai_pada=done,
                              reasesmen_batas=done + dt.timedelta(days=180))
    db.session.add_all([programme, coach, participant])
    db.session.commit()
    return participant


def _grant(sdm_client, employee) -> None:
    response = sdm_client.post("/admin/peran", data={"nip": employee.nip, "role": "manajemen_talenta",
                                                     "unit_kode": ""})
    assert response.status_code == 302, response.get_data(as_text=True)


def test_admin_sdm_grants_the_talent_unit_role_which_records_clinics_e7(two_units, people, login):
    a = two_units["A"]
    talent = people.person(a["sub"], nama="Analis Talenta")
    sdm, unit_admin = login(two_units["sdm"]), login(a["admin"])
    refused = unit_admin.post("/admin/peran", data={"nip": talent.nip, "role": "manajemen_talenta"})
    assert refused.status_code == 200 and "manajemen_talenta" not in {
        g.role
        for g in (db.session.scalar(select(Account).where(Account.employee_id == talent.id)) or Account()).grants}
    scoped = sdm.post("/admin/peran", data={"nip": talent.nip, "role": "manajemen_talenta", "unit_kode": "A"})
    assert "seluruh kementerian" in scoped.get_data(as_text=True)
    _grant(sdm, talent)
    client = login(talent)
    home = client.get("/")
    assert home.status_code == 200 and "Unit Kerja Pengelolaan Talenta" in home.get_data(as_text=True)
    assert "Unit Kerja Pengelolaan Talenta" in client.get("/m/coaching/program/").get_data(as_text=True)
    response = client.post("/m/coaching/program/klinik", data={"nip": a["staff"].nip, "jenis": "klinik",
                                                                 "tanggal": today().isoformat(),
                                                                 "catatan": "Umpan balik asesmen"})
    assert response.status_code == 302
    clinic = db.session.scalar(select(Clinic))
    assert clinic.employee_id == a["staff"].id
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "coaching.program.clinic"))
    assert audit.actor_id == db.session.scalar(select(Account.id).where(Account.employee_id == talent.id))
    # Other staff pages stay with admin SDM; a plain employee is refused the clinic page.
    assert client.get("/m/coaching/program/coach").status_code == 403
    assert login(a["staff"]).get("/m/coaching/program/klinik").status_code == 403


def test_the_talent_unit_records_a_re_assessment_without_seeing_the_record_cm03(make_app, two_units, people, login):
    a = two_units["A"]
    talent = people.person(a["sub"], nama="Analis Talenta")
    _grant(login(two_units["sdm"]), talent)
    participant = finished_participant(a["staff"], a["atasan"])
    client = login(talent)
    page = client.get("/m/coaching/program/reasesmen").get_data(as_text=True)
    assert a["staff"].nama in page and "Catat re-asesmen" in page
    assert f'/m/coaching/program/peserta/{participant.id}"' not in page  # no link to the record (CM-01)
    assert client.get(f"/m/coaching/program/peserta/{participant.id}").status_code == 404
    future = client.post(f"/m/coaching/program/peserta/{participant.id}/reasesmen",
                         data={"tanggal": (today() + dt.timedelta(days=1)).isoformat()})
    assert future.status_code == 302 and db.session.get(Participant, participant.id).reasesmen_pada is None
    done = client.post(f"/m/coaching/program/peserta/{participant.id}/reasesmen",
                       data={"tanggal": today().isoformat(), "catatan": "Gap teknis turun satu tingkat"})
    assert done.status_code == 302 and done.headers["Location"].endswith("/m/coaching/program/reasesmen")
    db.session.expire_all()
    assert db.session.get(Participant, participant.id).reasesmen_pada == today()


def test_the_coachee_profile_shows_the_education_from_the_employee_record_cm03(two_units, people, login):
    """H.III.1.d / CM-03: the programme profile holds the employee's education."""
    a = two_units["A"]
    a["staff"].pendidikan = "S2 Teknik Sipil"
    db.session.commit()
    participant = finished_participant(a["staff"], a["atasan"])
    page = login(a["staff"]).get(f"/m/coaching/program/peserta/{participant.id}").get_data(as_text=True)
    assert "Pendidikan (CM-03, H.III.1.d)" in page and "S2 Teknik Sipil" in page
