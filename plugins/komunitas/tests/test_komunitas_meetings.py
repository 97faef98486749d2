"""Meetings, speakers, attendance and JP (KB-04…KB-08)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from komunitas_helpers import BASE, ledger, text
from portal_komunitas.models import Meeting

from portal.sdk import UnitMechanism, add_version, db, today


def _present_all(world, meeting):
    response = world.koor.post(f"{BASE}/pertemuan/{meeting.id}/hadir-semua")
    assert response.status_code == 302


def test_kb05_berbagi_pengetahuan_peserta_2_pemateri_4(world):
    a = world.units["A"]
    meeting = world.meeting("berbagi_pengetahuan")
    assert world.add(meeting, a["staff"], "pemateri").status_code == 302
    assert world.add(meeting, a["admin"], "peserta").status_code == 302
    _present_all(world, meeting)
    [speaker] = ledger(a["staff"])
    [participant] = ledger(a["admin"])
    assert (speaker.role, speaker.jp_counted, speaker.rule_id) == ("pemateri", Decimal(4), "KB-05")
    assert (participant.jp_counted, participant.rule_id) == (Decimal(2), "KB-05")
    assert participant.reference == f"komunitas:meeting:{meeting.id}"
    assert participant.organiser_unit_id == world.unit.id
    assert participant.activity_date == meeting.tanggal
    # The participant sees the JP on their own page.
    page = text(world.login(a["admin"]).get("/jp/saya"))
    assert "Sesi BIM" in page


def test_kb06_berbagi_pengalaman_pakar_4(world):
    a = world.units["A"]
    meeting = world.meeting("berbagi_pengalaman")
    world.add(meeting, a["staff"], "pakar")
    response = world.add(meeting, a["admin"], "pemateri")  # not a role of this form
    assert response.status_code == 422 and "KB-01" in text(response)
    world.add(meeting, a["admin"], "peserta")
    _present_all(world, meeting)
    assert [e.jp_counted for e in ledger(a["staff"])] == [Decimal(4)]
    assert [e.rule_id for e in ledger(a["admin"])] == ["KB-06"]


def test_organiser_cannot_schedule_third_berbagi_pengalaman_in_a_month(world):
    proposal = world.approved("berbagi_pengalaman")
    day = today().replace(day=1)
    for offset in (0, 1):
        assert world.schedule(proposal, day + dt.timedelta(days=offset)).status_code == 302
    response = world.schedule(proposal, day + dt.timedelta(days=2))
    assert response.status_code == 422
    body = text(response)
    assert "paling banyak 2 kali dalam 1 bulan (Lamp. F.4, KB-06)" in body
    assert 'value="Sesi BIM"' in body
    assert db.session.query(Meeting).count() == 2
    # Another form in the same month is not limited.
    other = world.approved("berbagi_pengetahuan")
    assert world.schedule(other, day + dt.timedelta(days=2)).status_code == 302


def test_kb06_ledger_backstop_counts_two_meetings_a_month(world):
    """The CapSpec is the ledger's backstop: a third meeting's rows are kept, not counted."""
    from portal.sdk import Participation, credit

    a = world.units["A"]
    day = today().replace(day=1)
    entries = [credit(Participation(a["staff"].id, "komunitas", "berbagi_pengalaman", "peserta",
                                    day, f"Sesi {n}", f"komunitas:meeting:{900 + n}",
                                    organiser_unit_id=world.unit.id)) for n in range(3)]
    db.session.commit()
    assert [e.counted for e in entries] == [True, True, False]
    assert entries[2].cap_rule_id == "KB-06"


def test_kb08_diskusi_permasalahan_jp_from_settings(world):
    a = world.units["A"]
    meeting = world.meeting("diskusi_permasalahan")
    world.add(meeting, a["staff"], "pakar")
    world.add(meeting, a["atasan"], "moderator")
    world.add(meeting, a["admin"], "peserta")
    _present_all(world, meeting)
    assert [e.jp_counted for e in ledger(a["staff"])] == [Decimal(4)]
    assert [e.jp_counted for e in ledger(a["admin"])] == [Decimal(2)]
    assert ledger(a["admin"])[0].setting_version_id is not None
    assert ledger(a["atasan"]) == []  # the moderator earns no JP
    assert world.person(meeting, a["atasan"]).hadir
    # An HR admin changes the open value: later meetings use it.
    add_version("komunitas.jp_diskusi_peserta", "3", today(), "Keputusan SDM", None)
    db.session.commit()
    second = world.meeting("diskusi_permasalahan")
    world.add(second, a["admin"], "peserta")
    _present_all(world, second)
    assert [e.jp_counted for e in ledger(a["admin"])] == [Decimal(2), Decimal(3)]


def test_non_member_cannot_record_attendance(world):
    a = world.units["A"]
    meeting = world.meeting()
    world.add(meeting, a["staff"], "peserta")
    person = world.person(meeting, a["staff"])
    staff = world.login(a["staff"])
    assert staff.post(f"{BASE}/pertemuan/{meeting.id}/hadir/{person.id}").status_code == 403
    assert staff.post(f"{BASE}/pertemuan/{meeting.id}/hadir-semua").status_code == 403
    outsider = world.login(world.units["B"]["admin"])
    assert outsider.post(f"{BASE}/pertemuan/{meeting.id}/hadir/{person.id}").status_code == 404
    assert ledger(a["staff"]) == [] and not world.person(meeting, a["staff"]).hadir
    # The koordinator can, one click per person.
    assert world.koor.post(f"{BASE}/pertemuan/{meeting.id}/hadir/{person.id}").status_code == 302
    assert world.person(meeting, a["staff"]).hadir and len(ledger(a["staff"])) == 1


def test_attendance_not_before_meeting_date(world):
    a = world.units["A"]
    meeting = world.meeting(day=today() + dt.timedelta(days=3))
    world.add(meeting, a["staff"])
    _present_all(world, meeting)
    assert ledger(a["staff"]) == []


def test_participant_of_another_unit_sees_only_what_is_theirs(world):
    a, b = world.units["A"], world.units["B"]
    meeting = world.meeting()
    # A single-unit proposal refuses participants of another unit (KB-03).
    response = world.add(meeting, b["staff"])
    assert response.status_code == 422 and "KB-03" in text(response)
    cross = world.approved(lingkup="lintas")
    world.schedule(cross)
    cross_meeting = db.session.query(Meeting).filter_by(proposal_id=cross.id).one()
    assert world.add(cross_meeting, b["staff"]).status_code == 302
    assert world.add(cross_meeting, a["staff"]).status_code == 302
    client = world.login(b["staff"])
    page = text(client.get(f"{BASE}/pertemuan/{cross_meeting.id}"))
    assert b["staff"].nip in page and a["staff"].nip not in page
    assert client.get(f"{BASE}/pertemuan/{meeting.id}").status_code == 404
    assert client.get(f"{BASE}/usulan/{cross.id}").status_code == 404
    assert "Sesi BIM" in text(client.get(f"{BASE}/"))


def test_search_by_name_lists_matches(world):
    meeting = world.meeting()
    response = world.koor.post(f"{BASE}/pertemuan/{meeting.id}/orang",
                               data={"q": "Staf", "role": "peserta"})
    body = text(response)
    assert response.status_code == 200 and "Staf A" in body and "Staf B" in body
    staff = world.units["A"]["staff"]
    response = world.koor.post(f"{BASE}/pertemuan/{meeting.id}/orang",
                               data={"employee_id": str(staff.id), "role": "peserta"})
    assert response.status_code == 302 and world.person(meeting, staff) is not None


def test_open_registration(world, people):
    a = world.units["A"]
    proposal = world.approved()
    world.schedule(proposal, pendaftaran_terbuka="y")
    meeting = db.session.query(Meeting).one()
    client = world.login(a["staff"])
    assert "Sesi BIM" in text(client.get(f"{BASE}/"))
    assert client.post(f"{BASE}/pertemuan/{meeting.id}/daftar").status_code == 302
    assert world.person(meeting, a["staff"]).role == "peserta"
    # An employee whose unit has komunitas switched off does not see the pages at all.
    db.session.add(UnitMechanism(unit_id=world.units["B"]["top"].id, slug="komunitas",
                                 enabled=False))
    db.session.commit()
    assert world.login(world.units["B"]["staff"]).get(f"{BASE}/").status_code == 404


def test_daring_needs_link(world):
    proposal = world.approved()
    response = world.schedule(proposal, moda="daring", tempat="", tautan="")
    assert response.status_code == 422 and "Tautan rapat wajib diisi" in text(response)
    response = world.schedule(proposal, tanggal="2026-13-40")
    assert response.status_code == 422 and "Tanggal tidak valid" in text(response)


@pytest.mark.hook("portal_scheduled_participations")
def test_a_registration_for_a_coming_meeting_is_scheduled_jp(world):
    """The early warning (issue 19): registering adds the meeting's JP as *scheduled*, apart
    from the counted JP; a meeting already past that was not attended does not."""
    day = today() + dt.timedelta(days=2)
    if day.year != today().year:
        pytest.skip("the meeting would be next year")
    a = world.units["A"]
    world.schedule(world.approved(), day, pendaftaran_terbuka="y")
    meeting = db.session.query(Meeting).one()
    client = world.login(a["staff"])
    before = text(client.get(f"/jp/saya?tahun={day.year}"))
    assert "Sesi BIM" not in before[before.index('id="proyeksi"'):before.index("Cara menghitung")]
    assert client.post(f"{BASE}/pertemuan/{meeting.id}/daftar").status_code == 302
    after = text(client.get(f"/jp/saya?tahun={day.year}"))
    section = after[after.index('id="proyeksi"'):after.index("Cara menghitung")]
    assert "Sesi BIM" in section and "<dt>JP terjadwal (belum terhitung)</dt><dd>2 JP</dd>" in section


@pytest.mark.hook("portal_opportunities")
def test_an_open_meeting_is_offered_until_the_employee_registers(world):
    day = today() + dt.timedelta(days=2)
    a = world.units["A"]
    closed = world.approved()
    world.schedule(closed, day, judul="Sesi tertutup")
    world.schedule(world.approved(), day, pendaftaran_terbuka="y")
    meeting = db.session.query(Meeting).filter_by(judul="Sesi BIM").one()
    client = world.login(a["staff"])
    page = text(client.get("/peluang/"))
    assert "Berbagi Pengetahuan: Sesi BIM" in page and "Sesi tertutup" not in page
    assert f'action="{BASE}/pertemuan/{meeting.id}/daftar"' in page and ">Daftar</button>" in page
    assert client.post(f"{BASE}/pertemuan/{meeting.id}/daftar").status_code == 302
    assert "Sesi BIM" not in text(client.get("/peluang/"))
