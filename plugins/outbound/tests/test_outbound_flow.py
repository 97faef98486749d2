"""The organiser's workflow: programme, participants, attendance, completion, cancellation —
with the refusals users meet (dates, duplicates, order of steps)."""

from __future__ import annotations

import datetime as dt

import pytest
from outbound_helpers import BASE, ledger, programme_data, text
from portal_outbound.models import OutboundParticipant, OutboundProgramme
from sqlalchemy import func, select

from portal.sdk import AuditLog, db, today


def test_dates_out_of_range_are_refused(world):
    cases = [
        ({"tanggal_mulai": "2026-05-10", "tanggal_selesai": "2026-05-09"}, "tidak boleh sebelum tanggal mulai"),
        ({"tanggal_mulai": "1999-05-10", "tanggal_selesai": "1999-05-11"}, "tidak boleh sebelum tahun 2000"),
        ({"tanggal_mulai": f"{today().year + 3}-01-01", "tanggal_selesai": f"{today().year + 3}-01-02"},
         f"antara tahun 2000 dan {today().year + 1}"),
        ({"tanggal_mulai": "2026-02-30", "tanggal_selesai": "2026-03-01"}, "Tanggal tidak valid"),
    ]
    for dates, message in cases:
        response = world.admin.post(f"{BASE}/program/baru", data=programme_data(world.unit, **dates))
        assert response.status_code == 422, dates
        assert message in text(response), dates
    assert db.session.scalar(select(func.count(OutboundProgramme.id))) == 0


def test_organiser_creates_and_edits_a_programme(world):
    programme = world.create()
    assert programme.unit_id == world.unit.id and programme.status == "direncanakan"
    page = text(world.admin.get(f"{BASE}/program/{programme.id}"))
    assert "Bumi Perkemahan Cibubur" in page and "Permainan, Petualangan" in page
    edit = world.admin.get(f"{BASE}/program/{programme.id}/ubah")
    assert edit.status_code == 200 and 'value="Outbound kerja sama tim"' in text(edit)
    response = world.admin.post(f"{BASE}/program/{programme.id}/ubah",
                                data=programme_data(world.unit, judul="Outbound sinergi"))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(OutboundProgramme, programme.id).judul == "Outbound sinergi"
    assert db.session.scalar(select(func.count(AuditLog.id)).where(
        AuditLog.action == "outbound.program.save")) == 2


def test_duplicate_participant_is_refused(world):
    programme = world.create()
    assert world.add(programme, world.staff).status_code == 302
    again = world.add(programme, world.staff)
    assert again.status_code == 422
    assert "sudah terdaftar sebagai peserta program ini" in text(again)
    assert db.session.scalar(select(func.count(OutboundParticipant.id))) == 1


def test_participant_comes_from_the_organiser_unit(world, two_units):
    programme = world.create()
    outsider = two_units["B"]["staff"]
    outsider.hipo = True
    db.session.commit()
    by_nip = world.add(programme, outsider)
    assert by_nip.status_code == 422 and outsider.nama not in text(by_nip).split("Tambah peserta")[0]
    forged = world.admin.post(f"{BASE}/program/{programme.id}/peserta",
                              data={"employee_id": str(outsider.id)})
    assert forged.status_code == 422 and "bukan pegawai" in text(forged)
    assert world.participant(programme, outsider) is None


def test_search_by_name_offers_a_choice(world, people):
    programme = world.create()
    people.person(world.unit, nama="Peserta Tiga", hipo=True)
    response = world.admin.post(f"{BASE}/program/{programme.id}/peserta", data={"q": "Peserta"})
    assert response.status_code == 200
    body = text(response)
    assert "2 pegawai cocok" in body and "Peserta Tiga" in body


def test_attendance_waits_for_the_first_day_and_completion_for_the_last(world):
    future = world.create(start=today() + dt.timedelta(days=5))
    world.add(future, world.staff)
    refused = world.attend(future, world.staff)
    assert refused.status_code == 302
    assert world.participant(future, world.staff).hadir is None
    early = world.admin.post(f"{BASE}/program/{future.id}/selesai", follow_redirects=True)
    assert "setelah tanggal selesainya" in text(early)

    running = world.create(start=today() - dt.timedelta(days=1), days=3)  # ends tomorrow
    world.add(running, world.staff)
    assert world.attend(running, world.staff).status_code == 302
    assert world.participant(running, world.staff).hadir is True
    world.admin.post(f"{BASE}/program/{running.id}/selesai")
    db.session.expire_all()
    assert db.session.get(OutboundProgramme, running.id).status == "direncanakan"


def test_completion_needs_every_attendance_recorded(world):
    programme = world.create()
    world.add(programme, world.staff)
    world.add(programme, world.peserta)
    world.attend(programme, world.staff)
    response = world.admin.post(f"{BASE}/program/{programme.id}/selesai", follow_redirects=True)
    assert "Catat kehadiran semua peserta" in text(response)
    assert ledger(world.staff) == []
    world.admin.post(f"{BASE}/program/{programme.id}/hadir-semua")
    assert world.participant(programme, world.peserta).hadir is True
    done = world.admin.post(f"{BASE}/program/{programme.id}/selesai", follow_redirects=True)
    assert "JP 2 peserta yang hadir masuk buku JP" in text(done)
    assert "2 sertifikat elektronik diterbitkan (G-06)" in text(done)


def test_completed_programme_is_closed_to_changes(world):
    programme = world.completed()
    person = world.participant(programme, world.staff)
    for url, data in ((f"/program/{programme.id}/peserta", {"q": world.staff.nip}),
                      (f"/program/{programme.id}/peserta/{person.id}/kehadiran", {"hadir": "0"}),
                      (f"/program/{programme.id}/peserta/{person.id}/hapus", {}),
                      (f"/program/{programme.id}/batal", {"alasan": "Cuaca"})):
        world.admin.post(BASE + url, data=data)
    db.session.expire_all()
    assert world.participant(programme, world.staff).hadir is True
    assert db.session.get(OutboundProgramme, programme.id).status == "selesai"
    assert len(ledger(world.staff)) == 1
    again = world.admin.post(f"{BASE}/program/{programme.id}/selesai", follow_redirects=True)
    assert "sudah selesai" in text(again) and len(ledger(world.staff)) == 1


def test_cancel_needs_a_reason_and_confirmation(world):
    programme = world.create()
    page = text(world.admin.get(f"{BASE}/program/{programme.id}"))
    assert 'hx-confirm="Batalkan program ini?' in page
    assert "hx-confirm=\"Hapus" not in page  # no participants yet
    missing = world.admin.post(f"{BASE}/program/{programme.id}/batal", data={"alasan": ""})
    assert missing.status_code == 422 and "Alasan pembatalan wajib diisi." in text(missing)
    world.add(programme, world.staff)
    assert 'hx-confirm="Hapus Staf A dari program ini?"' in text(world.admin.get(f"{BASE}/program/{programme.id}"))
    ok = world.admin.post(f"{BASE}/program/{programme.id}/batal", data={"alasan": "Cuaca buruk"})
    assert ok.status_code == 302
    db.session.expire_all()
    cancelled = db.session.get(OutboundProgramme, programme.id)
    assert (cancelled.status, cancelled.cancel_note) == ("dibatalkan", "Cuaca buruk")


def test_remove_participant(world):
    programme = world.create()
    world.add(programme, world.staff)
    person = world.participant(programme, world.staff)
    assert world.admin.post(f"{BASE}/program/{programme.id}/peserta/{person.id}/hapus").status_code == 302
    assert world.participant(programme, world.staff) is None


def test_list_search_filter_and_pagination(world):
    for index in range(22):
        world.create(judul=f"Outbound {index:02d}", tempat="Sentul" if index % 2 else "Anyer")
    first = text(world.admin.get(f"{BASE}/program"))
    assert "Halaman 1 dari 2" in first and "22 data" in first
    found = text(world.admin.get(f"{BASE}/program?q=Sentul"))
    assert "Outbound 01" in found and "Outbound 02" not in found
    fragment = world.admin.get(f"{BASE}/program?q=Outbound%2005", headers={"HX-Request": "true"})
    assert "Outbound 05" in text(fragment) and "<html" not in fragment.get_data(as_text=True)
    none = text(world.admin.get(f"{BASE}/program?status=selesai"))
    assert "Tidak ada program yang cocok" in none
    year = text(world.admin.get(f"{BASE}/program?tahun=2001"))
    assert "Tidak ada program yang cocok" in year


def test_dates_are_shown_in_indonesian(world):
    programme = world.create(start=dt.date(2026, 3, 9), days=2)
    page = text(world.admin.get(f"{BASE}/program/{programme.id}"))
    assert "9 Maret 2026 s.d. 10 Maret 2026 (2 hari)" in page


def test_empty_states_say_what_to_do_next(world):
    assert "Buat program pertama" in text(world.admin.get(f"{BASE}/program"))
    assert "Peserta didaftarkan oleh admin" in text(world.staff_client.get(f"{BASE}/"))


def test_a_cancel_decided_on_a_copy_read_before_the_completion_is_refused(world, two_units):
    """Two organisers at once (issue 16 item 3): one completes (JP credited), the other's
    cancel was read while the programme was still planned. The database refuses the cancel, so
    the programme stays completed with its JP — never "cancelled" with live ledger rows."""
    from portal_outbound import workflow
    from sqlalchemy.orm.attributes import set_committed_value

    from portal.sdk import Account, StaleDecision

    programme = world.completed()
    set_committed_value(programme, "status", "direncanakan")  # the second organiser's copy
    actor = db.session.scalar(select(Account).where(Account.employee_id == two_units["A"]["admin"].id))
    try:
        workflow.cancel(programme, "Cuaca buruk", actor)
    except StaleDecision as refused:
        assert "baru saja diputuskan" in str(refused)
    else:
        raise AssertionError("the stale cancel was not refused")
    db.session.rollback()
    assert db.session.get(OutboundProgramme, programme.id).status == "selesai"
    assert len(ledger(world.staff)) == 1


def test_a_new_programme_form_sent_twice_creates_one_programme(world):
    import re

    page = text(world.admin.get(f"{BASE}/program/baru"))
    key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page).group(1)
    data = {**programme_data(world.unit), "idempotency_key": key}
    first = world.admin.post(f"{BASE}/program/baru", data=data)
    second = world.admin.post(f"{BASE}/program/baru", data=data, follow_redirects=True)
    assert first.status_code == 302
    assert "sudah dikirim sebelumnya" in text(second)
    assert db.session.scalar(select(func.count(OutboundProgramme.id))) == 1


@pytest.mark.hook("portal_scheduled_participations")
def test_a_planned_programme_is_scheduled_jp_of_its_participants(world):
    start = today() + dt.timedelta(days=3)
    if (start + dt.timedelta(days=2)).year != today().year:
        pytest.skip("the programme would end next year: not scheduled for this one")
    programme = world.create(start=start)
    world.add(programme, world.staff)
    page = text(world.staff_client.get(f"/jp/saya?tahun={today().year}"))
    section = page[page.index('id="proyeksi"'):page.index("Cara menghitung")]
    assert "Pembelajaran alam terbuka: Outbound kerja sama tim" in section
    world.admin.post(f"{BASE}/program/{programme.id}/batal", data={"alasan": "Cuaca buruk"})
    page = text(world.staff_client.get(f"/jp/saya?tahun={today().year}"))
    assert "Outbound kerja sama tim" not in page[page.index('id="proyeksi"'):]


@pytest.mark.hook("portal_opportunities")
def test_offered_programmes_cost_the_same_statements_however_many(world):
    """The organiser's unit comes with each programme and the offer's JP reads the programme
    already loaded: no query per programme offered (issue 21)."""
    from portal.testing import sql_statements

    def cost() -> int:
        world.staff_client.get("/peluang/")
        with sql_statements() as statements:
            page = text(world.staff_client.get("/peluang/"))
        assert page.count("Pembelajaran alam terbuka:") >= offered
        return len(statements)

    offered = 1
    world.create(start=today() + dt.timedelta(days=5))
    one = cost()
    offered = 4
    for days in (6, 7, 8):
        world.create(start=today() + dt.timedelta(days=days))
    assert cost() <= one


@pytest.mark.hook("portal_opportunities")
def test_a_planned_programme_is_offered_and_the_request_reaches_the_organiser(world):
    from portal.sdk import Notification

    programme = world.create(start=today() + dt.timedelta(days=5))
    page = text(world.staff_client.get("/peluang/"))
    assert "Pembelajaran alam terbuka: Outbound kerja sama tim" in page
    assert "Minta diikutsertakan" in page
    import re

    key = re.search(r'name="kunci" value="([^"]+)"', page).group(1)
    once = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page).group(1)
    done = world.staff_client.post("/peluang/minta", data={"kunci": key, "idempotency_key": once},
                                   follow_redirects=True)
    assert "Permintaan Anda dikirim ke penyelenggara" in text(done)
    organiser = world.units["A"]["admin"]
    [notice] = db.session.scalars(select(Notification).where(Notification.employee_id == organiser.id))
    assert notice.title == "Permintaan ikut dari Staf A: Pembelajaran alam terbuka: Outbound kerja sama tim"
    # Added by the organiser, the programme is no longer offered (it is scheduled instead).
    world.add(programme, world.staff)
    assert "Outbound kerja sama tim" not in text(world.staff_client.get("/peluang/"))
    # Someone from another unit is not offered the programme at all.
    other = world.login(world.units["B"]["staff"])
    assert "Outbound kerja sama tim" not in text(other.get("/peluang/"))
