"""Who may organise and who sees what; forged ids answer 404."""

from __future__ import annotations

from outbound_helpers import BASE, feedback_data

from portal.sdk import db

HTMX = {"HX-Request": "true"}


def test_pimpinan_unit_and_admin_sdm_organise_too(world):
    head_made = world.create(client=world.head)
    sdm_made = world.create(client=world.sdm)
    for programme in (head_made, sdm_made):
        assert world.admin.get(f"{BASE}/program/{programme.id}").status_code == 200


def test_staff_cannot_organise(world):
    for url in ("/program", "/program/baru"):
        assert world.staff_client.get(BASE + url).status_code == 403
    programme = world.create()
    assert world.staff_client.post(f"{BASE}/program/{programme.id}/peserta",
                                   data={"q": world.staff.nip}).status_code == 403
    assert world.participant(programme, world.staff) is None


def test_participants_see_their_own_programme_only(world, people):
    mine = world.create(judul="Program saya")
    other = world.create(judul="Program orang lain")
    world.add(mine, world.staff)
    page = world.staff_client.get(f"{BASE}/program/{mine.id}")
    assert page.status_code == 200 and "Keikutsertaan saya" in page.get_data(as_text=True)
    assert "Peserta Dua" not in page.get_data(as_text=True)  # not the organiser's list
    assert world.staff_client.get(f"{BASE}/program/{other.id}").status_code == 404
    listing = world.staff_client.get(f"{BASE}/").get_data(as_text=True)
    assert "Program saya" in listing and "Program orang lain" not in listing


def test_other_units_organisers_get_404(world, two_units, login):
    programme = world.completed()
    person = world.participant(programme, world.staff)
    admin_b = login(two_units["B"]["admin"])
    head_b = login(two_units["B"]["atasan"])
    for client in (admin_b, head_b):
        for url in (f"/program/{programme.id}", f"/program/{programme.id}/ubah",
                    f"/program/{programme.id}/rekap", f"/program/{programme.id}/rekap.pdf",
                    f"/program/{programme.id}/rekap.xlsx"):
            for headers in ({}, HTMX):
                assert client.get(BASE + url, headers=headers).status_code == 404, url
        for url, data in ((f"/program/{programme.id}/peserta", {"q": "Staf"}),
                          (f"/program/{programme.id}/peserta/{person.id}/kehadiran", {"hadir": "0"}),
                          (f"/program/{programme.id}/peserta/{person.id}/hapus", {}),
                          (f"/program/{programme.id}/batal", {"alasan": "x"}),
                          (f"/program/{programme.id}/sertifikat", {})):
            assert client.post(BASE + url, data=data).status_code == 404, url
    listing = admin_b.get(f"{BASE}/program").get_data(as_text=True)
    assert programme.judul not in listing


def test_forged_participant_id_of_another_programme_is_404(world):
    first = world.create()
    second = world.create()
    world.add(second, world.staff)
    person = world.participant(second, world.staff)
    response = world.admin.post(f"{BASE}/program/{first.id}/peserta/{person.id}/hapus")
    assert response.status_code == 404
    assert world.participant(second, world.staff) is not None
    assert world.admin.get(f"{BASE}/program/99999").status_code == 404


def test_feedback_only_for_own_participation(world, two_units, login):
    programme = world.completed()
    stranger = login(two_units["B"]["staff"])
    assert stranger.get(f"{BASE}/program/{programme.id}/umpan-balik").status_code == 404
    assert stranger.post(f"{BASE}/program/{programme.id}/umpan-balik",
                         data=feedback_data()).status_code == 404
    # The organiser is not a participant: no feedback in someone else's name.
    response = world.admin.post(f"{BASE}/program/{programme.id}/umpan-balik",
                                data=feedback_data(), follow_redirects=True)
    assert "Anda bukan peserta program ini." in response.get_data(as_text=True)
    db.session.expire_all()
    assert world.participant(programme, world.staff).feedback is None


def test_participant_who_is_not_organiser_cannot_run_organiser_steps(world, people, login):
    # A pimpinan of another subtree joins... only organisers of A.01 may act on its programme.
    programme = world.create()
    world.add(programme, world.staff)
    response = world.staff_client.post(f"{BASE}/program/{programme.id}/hadir-semua")
    assert response.status_code == 403
    assert world.participant(programme, world.staff).hadir is None
