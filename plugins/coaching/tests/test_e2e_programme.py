"""Browser journey (Chromium) of the HR unit's programme (Lamp. H): admin SDM records the coaching
clinic, a coach and the programme profile, picks the coachee; the coachee fills and signs the
lembar pendahuluan, the coach signs; the coachee logs a meeting, the coach initials it; admin SDM
sees what still stops completion (CM-05, CM-06); once the schedule is met, admin SDM records the
week-8 final review with the examiner's pass/fail evaluation (Lamp. H.e) and completes → JP on
Pengembangan Saya under a neutral title (CM-01) and the e-certificate."""

from __future__ import annotations

import datetime as dt

import pytest
from portal_coaching.neutral import completion_title
from portal_coaching.programme import workflow
from portal_coaching.programme.models import Participant
from programme_helpers import PRE_PHASE_DATA
from sqlalchemy import select

from portal.sdk import Account, EmployeeGap, db, today
from portal.testing_browser import sign_in

pytestmark = pytest.mark.e2e
P = "/m/coaching/program"


@pytest.fixture
def live(make_app, two_units, serve):
    return serve(make_app())


def open_as(new_page, base, employee):
    page = new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm
    sign_in(page, base, employee.nip)
    return page


def test_programme_journey(live, new_page, two_units, people):
    from playwright.sync_api import expect

    a = two_units["A"]
    coachee, mentor = a["staff"], a["atasan"]
    coach_person = people.person(a["sub"], nama="Coach Internal", supervisor=a["head"])
    db.session.add(EmployeeGap(employee_id=coachee.id, standard="teknis", kompetensi="Evaluasi NSPK", gap_level=2))
    db.session.commit()
    start = today() - dt.timedelta(days=60)

    sdm = open_as(new_page, live, two_units["sdm"])
    sdm.goto(f"{live}{P}/klinik")
    sdm.fill("#nip", coachee.nip)
    sdm.check("input[name=jenis][value=klinik]")
    sdm.fill("#tanggal", (start - dt.timedelta(days=7)).isoformat())
    sdm.get_by_role("button", name="Catat", exact=True).click()
    expect(sdm.locator("table")).to_contain_text("Staf A")

    sdm.goto(f"{live}{P}/coach")
    sdm.fill("#nip", coach_person.nip)
    for box in ("pengalaman", "dipercaya", "menjaga_rahasia", "integritas"):
        sdm.check(f"#{box}")
    sdm.get_by_role("button", name="Daftarkan coach").click()
    expect(sdm.locator("table")).to_contain_text("Coach Internal")

    sdm.goto(f"{live}{P}/baru")
    sdm.fill("#nama", "Coaching Teknis Pengawas Jalan")
    sdm.fill("#tujuan", "Meningkatkan kompetensi teknis.")
    sdm.fill("#sasaran", "Kemampuan memecahkan masalah.")
    sdm.select_option("#standar", "teknis")
    sdm.fill("#kompetensi", "Evaluasi NSPK pelaksanaan konstruksi")
    sdm.fill("#tanggal_mulai", start.isoformat())
    sdm.get_by_role("button", name="Simpan profil").click()
    expect(sdm.locator("h1")).to_contain_text("Coaching Teknis Pengawas Jalan")
    sdm.get_by_role("link", name="Pilih peserta").first.click()
    expect(sdm.locator("h1")).to_have_text("Pilih peserta")
    card = sdm.locator("article", has_text="Staf A")
    expect(card).to_contain_text("Memenuhi syarat")
    card.locator("select[name=coach_id]").select_option(index=1)
    card.locator("input[name=penguji]").fill("Ir. Penguji Teknis")
    card.get_by_role("button", name="Tetapkan sebagai coachee").click()
    expect(sdm.locator("table").first).to_contain_text("Atasan A")  # mentor = direct supervisor (CM-12)

    me = open_as(new_page, live, coachee)
    me.goto(f"{live}{P}/")
    me.get_by_role("link", name="Coaching Teknis Pengawas Jalan").click()
    expect(me.locator("h1")).to_contain_text("Staf A")
    record_url = me.url
    me.get_by_role("link", name="Lembar Pendahuluan Coaching").click()
    expect(me.locator("h1")).to_have_text("Lembar Pendahuluan Coaching")
    me.fill("#topik", "Pengendalian mutu beton")
    me.fill("#alasan", "Temuan audit berulang")
    me.fill("#cara", "Menyusun rencana mutu")
    me.fill("#komitmen", "Selesai dalam 8 minggu")
    me.get_by_role("button", name="Simpan lembar pendahuluan coaching").click()
    me.get_by_role("button", name="Tandatangani sebagai coachee").click()
    expect(me.locator("#pendahuluan")).to_contain_text("Coachee")
    me.select_option("#author", "coachee")
    me.fill("#pertemuan_ke", "1")
    me.fill("#tanggal", (start + dt.timedelta(days=1)).isoformat())
    me.fill("#topik", "Dialog kekuatan dan kelemahan")
    me.fill("#hasil", "Menyusun rencana kegiatan")
    me.get_by_role("button", name="Simpan catatan pertemuan").click()
    expect(me.locator("main")).to_contain_text("Menunggu paraf coach")

    coach = open_as(new_page, live, coach_person)
    coach.goto(record_url)
    coach.get_by_role("button", name="Tandatangani sebagai coach").click()
    coach.get_by_role("button", name="Paraf", exact=True).click()
    expect(coach.locator("main")).to_contain_text("Diparaf")
    expect(coach.locator("#jp-total")).to_contain_text("2 JP")

    sdm.goto(record_url)  # the refusal before anyone clicks: what is still missing, with the rules
    missing = sdm.locator("#belum-lengkap")
    expect(missing).to_contain_text("Self assessment")
    expect(missing).to_contain_text("CM-05")
    expect(missing).to_contain_text("Pertemuan ke-2, 3, 4")
    _meet_the_rest_of_the_schedule(coachee, two_units["sdm"], start)

    sdm.goto(record_url)
    sdm.get_by_role("button", name="Catat pembahasan hasil akhir").click()
    expect(sdm.locator("h1")).to_contain_text("Pembahasan Hasil Akhir")
    sdm.fill("#tanggal", (today() - dt.timedelta(days=1)).isoformat())
    for name, value in (("pembawa_acara", "Pembawa"), ("moderator", "Moderator"), ("penyaji", "Staf A"),
                        ("penguji", "Ir. Penguji Teknis"), ("masalah", "Retak dini"), ("akar_masalah", "Mutu"),
                        ("upaya", "Rencana mutu"), ("tindakan", "Uji ulang"), ("rekomendasi", "QC harian"),
                        ("referensi", "SE Mutu"), ("penilaian", "Analisis akar masalah tajam.")):
        sdm.fill(f"#{name}", value)
    sdm.check("input[name=kelulusan][value=lulus]")
    sdm.get_by_role("button", name="Simpan pembahasan hasil akhir").click()
    sdm.goto(record_url)
    sdm.get_by_role("button", name="Tutup program dengan evaluasi kelulusan").click()
    expect(sdm.locator("main")).to_contain_text("Sertifikat elektronik telah diterbitkan")

    me.goto(f"{live}/jp/saya")
    expect(me.locator("main")).to_contain_text("Program coaching-mentoring — pertemuan 1")  # CM-01: neutral
    me.goto(f"{live}/sertifikat/saya")
    expect(me.locator("main")).to_contain_text(completion_title("program"))  # CM-01: neutral
    # Confidentiality (CM-01): the unit admin, signed in, gets 404 for the coachee's record.
    other = open_as(new_page, live, a["admin"])
    assert other.request.get(record_url).status == 404
    # The mentor (the direct supervisor) reads it.
    assert open_as(new_page, live, mentor).request.get(record_url).status == 200


def _meet_the_rest_of_the_schedule(coachee, sdm_employee, start: dt.date) -> None:
    """The pre-phase forms and pertemuan 2–4 (the first went through the pages above), recorded
    through the plugin's workflow as admin SDM on behalf of the parties."""
    db.session.expire_all()
    participant = db.session.scalar(select(Participant).where(Participant.employee_id == coachee.id))
    sdm = db.session.scalar(select(Account).where(Account.employee_id == sdm_employee.id))
    for kind, data in PRE_PHASE_DATA.items():
        if kind != "pendahuluan":
            workflow.save_document(participant, kind, data, None, sdm)
    for number, offset in ((2, 15), (3, 22), (4, 30)):
        entry = workflow.add_log(participant, "coachee", {
            "pertemuan_ke": number, "tanggal": start + dt.timedelta(days=offset), "topik": f"Topik {number}",
            "hasil": "Lanjut"}, True, sdm)
        workflow.initial(entry, True, sdm)
    db.session.commit()
