"""The programme's main flow (Lamp. H): profile, participants, the eight weeks, logs → JP,
completion → certificate and re-assessment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from portal_coaching.programme.models import Participant, Programme
from portal_coaching.programme.rules import eight_weeks, month_warnings
from programme_helpers import BASE, final_review_data, first_of_previous_month, last, meet_the_schedule, programme_data
from sqlalchemy import select

from portal.sdk import AuditLog, Certificate, LedgerEntry, db, today


def test_programme_profile_needs_two_meetings_a_month_cm03(programme_world):
    w = programme_world
    response = w.sdm.post(f"{BASE}/baru", data=programme_data(today(), pertemuan_per_bulan=1))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "minimal 2 kali pertemuan dalam satu bulan (CM-03)" in page
    assert "Coaching Teknis Pengawas Jalan" in page  # nothing typed is lost
    assert db.session.scalar(select(Programme.id)) is None
    programme = w.programme()
    assert programme.standar == "teknis" and programme.moda == "luring"
    page = w.sdm.get(f"{BASE}/{programme.id}").get_data(as_text=True)
    assert "Teknis" in page and "re-asesmen" in page


def test_programme_profile_bad_input_is_refused_not_500(programme_world):
    w = programme_world
    response = w.sdm.post(f"{BASE}/baru", data=programme_data(today(), tanggal_mulai="31-02-2026",
                                                               standar="lainnya"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Tanggal tidak valid" in page and "Pilih salah satu pilihan yang tersedia." in page
    response = w.sdm.post(f"{BASE}/baru", data=programme_data(today(), pertemuan_per_bulan="dua"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Isi dengan angka bulat." in page and "Not a valid" not in page


def test_competency_standard_is_teknis_manajerial_or_sosial_kultural_cm02(programme_world):
    w = programme_world
    page = w.sdm.get(f"{BASE}/baru").get_data(as_text=True)
    for label in ("Teknis", "Manajerial", "Sosial Kultural"):
        assert f">{label}</option>" in page


def test_only_clinic_attendees_or_named_employees_take_part_cm04(programme_world, people):
    w = programme_world
    programme = w.programme()
    page = w.sdm.get(f"{BASE}/{programme.id}/kandidat").get_data(as_text=True)
    assert w.coachee.nama in page and "(CM-04)" in page
    # The colleague has a gap but no clinic record: listed, refused with the reason (CM-04).
    from portal.sdk import EmployeeGap
    db.session.add(EmployeeGap(employee_id=w.colleague.id, standard="teknis", kompetensi="K", gap_level=1))
    db.session.commit()
    page = w.sdm.get(f"{BASE}/{programme.id}/kandidat?q=Rekan").get_data(as_text=True)
    assert "Belum mengikuti coaching clinic" in page and "Tidak memenuhi syarat" in page
    response = w.sdm.post(f"{BASE}/{programme.id}/peserta", data={
        "employee_id": str(w.colleague.id), "coach_id": str(w.coach.id), "penguji": "X"})
    assert response.status_code == 302
    assert db.session.scalar(select(Participant.id)) is None
    # Named as needing coaching: eligible.
    w.post_ok(w.sdm, f"{BASE}/klinik", {"nip": w.colleague.nip, "jenis": "kebutuhan",
                                        "tanggal": (today() - dt.timedelta(days=60)).isoformat()})
    w.post_ok(w.sdm, f"{BASE}/{programme.id}/peserta", {
        "employee_id": str(w.colleague.id), "coach_id": str(w.coach.id), "penguji": "X"})
    assert last(Participant).employee_id == w.colleague.id


def test_participant_needs_gap_or_talent_g03(programme_world, people):
    w = programme_world
    programme = w.programme()
    # Clinic record but no gap recorded and no Hi-Po: the core's G-03 cannot decide yet.
    w.post_ok(w.sdm, f"{BASE}/klinik", {"nip": w.colleague.nip, "jenis": "klinik",
                                        "tanggal": (today() - dt.timedelta(days=60)).isoformat()})
    page = w.sdm.get(f"{BASE}/{programme.id}/kandidat?q=Rekan").get_data(as_text=True)
    assert "G-03" in page and "Belum dapat diputuskan" in page and "alasan_kelayakan" in page
    w.sdm.post(f"{BASE}/{programme.id}/peserta", data={
        "employee_id": str(w.colleague.id), "coach_id": str(w.coach.id), "penguji": "X"})
    assert db.session.scalar(select(Participant.id)) is None
    # The HR unit proceeds only by recording why (audited).
    w.sdm.post(f"{BASE}/{programme.id}/peserta", data={
        "employee_id": str(w.colleague.id), "coach_id": str(w.coach.id), "penguji": "X",
        "alasan_kelayakan": "Hasil asesmen 2026 belum diunggah; kesenjangan dari coaching clinic"})
    assert last(Participant).employee_id == w.colleague.id
    assert db.session.scalar(select(AuditLog.id).where(AuditLog.action == "eligibility.override"))


def test_coach_must_meet_g04_requirements_certificate_optional(programme_world):
    w = programme_world
    data = w.coach_data(jenis="eksternal", nama="Coach Kurang")
    del data["integritas"]
    response = w.sdm.post(f"{BASE}/coach", data=data)
    assert response.status_code == 422
    assert "memiliki integritas (G-04)" in response.get_data(as_text=True)
    assert w.external.sertifikat_id is None  # registered without a certificate
    import io
    data = w.coach_data(jenis="eksternal", nama="Coach Bersertifikat")
    data["sertifikat"] = (io.BytesIO(b"%PDF-1.4 sertifikat"), "sertifikat.pdf")
    w.post_ok(w.sdm, f"{BASE}/coach", data)
    from portal_coaching.programme.models import Coach
    coach = last(Coach)
    assert coach.sertifikat_id is not None
    response = w.sdm.get(f"{BASE}/coach/{coach.id}/sertifikat")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")


def test_mentor_is_direct_supervisor_other_needs_reason_cm12_g05(programme_world):
    w = programme_world
    participant = w.participant()
    assert participant.mentor_id == w.mentor.id and participant.mentor_alasan is None
    programme = w.programme()
    response = w.sdm.post(f"{BASE}/{programme.id}/peserta", data={
        "employee_id": str(w.coachee.id), "coach_id": str(w.coach.id), "penguji": "X",
        "mentor_nip": w.colleague.nip, "mentor_alasan": ""})
    assert response.status_code == 302
    assert db.session.scalar(select(Participant).where(Participant.programme_id == programme.id)) is None
    w.post_ok(w.sdm, f"{BASE}/{programme.id}/peserta", {
        "employee_id": str(w.coachee.id), "coach_id": str(w.coach.id), "penguji": "X",
        "mentor_nip": w.colleague.nip, "mentor_alasan": "Atasan langsung cuti panjang"})
    other = last(Participant)
    assert other.mentor_id == w.colleague.id and other.mentor_alasan == "Atasan langsung cuti panjang"
    assert "Atasan langsung cuti panjang" in w.sdm.get(f"{BASE}/peserta/{other.id}").get_data(as_text=True)


def test_eight_weeks_from_start_date_cm06(programme_world):
    start = dt.date(2026, 3, 2)
    weeks = eight_weeks(start)
    assert [w.number for w in weeks] == list(range(1, 9))
    assert weeks[0].start == start and weeks[7].end == dt.date(2026, 4, 26)
    assert [w.meeting for w in weeks] == [1, None, 2, 3, 4, 4, 4, None]
    assert "mentor" in weeks[1].activity and "penguji" in weeks[7].activity
    w = programme_world
    participant = w.participant(start=today() - dt.timedelta(days=8))
    coachee = w.login(w.coachee)
    w.log(coachee, participant, "coachee", today() - dt.timedelta(days=1), ke=2)
    page = coachee.get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert "Pertemuan ke-2 (" in page  # the meeting shown in its week (week 2)


def test_month_with_fewer_than_two_meetings_warns_cm03():
    start = dt.date(2026, 3, 2)
    warnings = month_warnings(start, [dt.date(2026, 3, 3), dt.date(2026, 4, 7), dt.date(2026, 4, 14)],
                              dt.date(2026, 5, 1))
    assert warnings == ["Bulan 03/2026: baru 1 pertemuan; minimal 2 pertemuan sebulan (CM-03)."]
    assert month_warnings(start, [], dt.date(2026, 3, 20)) == []  # March not over yet


def test_programme_page_warns_of_a_month_with_fewer_than_two_meetings_cm03(programme_world):
    w = programme_world
    start = first_of_previous_month()
    participant = w.participant(start=start)
    w.log(w.login(w.coachee), participant, "coachee", start.replace(day=3))
    page = w.sdm.get(f"{BASE}/{participant.programme_id}").get_data(as_text=True)
    assert f"Bulan {start.month:02d}/{start.year}: baru 1 pertemuan" in page and "0/1" in page
    record = w.login(w.coachee).get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert "minimal 2 pertemuan sebulan (CM-03)" in record


def test_coachee_log_initialled_by_coach_earns_jp_cm10_cm13(programme_world):
    w = programme_world
    participant = w.participant()
    coachee, coach = w.login(w.coachee), w.login(w.coach_person)
    entry = w.log(coachee, participant, "coachee", today() - dt.timedelta(days=2))
    assert entry.author == "coachee" and entry.paraf_at is None
    assert coachee.post(f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf").status_code == 403
    assert db.session.scalar(select(LedgerEntry.id)) is None  # not confirmed: no JP
    w.post_ok(coach, f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf", {})
    db.session.expire_all()
    row = db.session.scalar(select(LedgerEntry))
    assert row.activity_type == "coaching_program" and row.role == "coachee" and row.rule_id == "CM-13"
    assert row.jp_counted == Decimal(2)
    assert "Topik rahasia" not in row.title  # the ledger never carries the session topic (CM-01)
    response = coach.post(f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf")
    assert response.status_code == 302
    assert db.session.scalar(select(LedgerEntry.id).where(LedgerEntry.id != row.id)) is None


def test_coach_log_is_tabel_3_cm09(programme_world):
    w = programme_world
    participant = w.participant()
    coach = w.login(w.coach_person)
    entry = w.log(coach, participant, "coach", today() - dt.timedelta(days=3))
    assert entry.author == "coach"
    page = coach.get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert "Tabel 3 Formulir Aktivitas Coach" in page and "Rekomendasi 1" in page
    # The coachee may not write the coach's table.
    response = w.login(w.coachee).post(f"{BASE}/peserta/{participant.id}/log", data={
        "author": "coach", "pertemuan_ke": "1", "tanggal": today().isoformat(), "topik": "x", "hasil": "y"})
    assert response.status_code == 422


def test_third_meeting_in_a_month_not_counted_cm13(programme_world):
    w = programme_world
    start = first_of_previous_month()
    participant = w.participant(start=start)
    coachee, coach = w.login(w.coachee), w.login(w.coach_person)
    for ke, day in enumerate((2, 9, 16), start=1):
        entry = w.log(coachee, participant, "coachee", start.replace(day=day), ke=ke)
        w.post_ok(coach, f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf", {})
    rows = db.session.scalars(select(LedgerEntry).order_by(LedgerEntry.activity_date)).all()
    assert [r.counted for r in rows] == [True, True, False]
    assert rows[2].cap_rule_id == "CM-13" and rows[2].jp_counted == 0
    page = coachee.get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert "4 JP" in page


def test_jp_per_meeting_follows_the_setting_cm13(programme_world, app):
    from portal.sdk import add_version

    w = programme_world
    add_version("coaching.jp_program_per_pertemuan", "3", today() - dt.timedelta(days=60), "uji", None)
    db.session.commit()
    participant = w.participant()
    entry = w.log(w.login(w.coachee), participant, "coachee", today() - dt.timedelta(days=1))
    w.post_ok(w.login(w.coach_person), f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf", {})
    assert db.session.scalar(select(LedgerEntry.jp_claimed)) == Decimal(3)


def test_external_coach_confirmations_recorded_by_admin_sdm(programme_world):
    w = programme_world
    participant = w.participant(coach=w.external)
    entry = w.log(w.login(w.coachee), participant, "coachee", today() - dt.timedelta(days=1))
    page = w.sdm.get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert "Catat paraf coach eksternal" in page
    w.post_ok(w.sdm, f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf", {})
    db.session.expire_all()
    entry = db.session.get(type(entry), entry.id)
    assert entry.paraf_on_behalf is True and entry.ledger_entry_id
    assert db.session.scalar(select(AuditLog.id).where(AuditLog.action == "coaching.program.paraf",
                                                       AuditLog.summary.contains("atas nama coach eksternal")))
    # For an internal coach, admin SDM does not initial on the coach's behalf.
    internal = w.participant()
    entry = w.log(w.login(w.coachee), internal, "coachee", today() - dt.timedelta(days=1))
    assert w.sdm.post(f"{BASE}/peserta/{internal.id}/log/{entry.id}/paraf").status_code == 403


def test_final_review_holds_presentation_contents_and_roles_cm07(programme_world):
    w = programme_world
    participant = w.participant()
    page = w.sdm.get(f"{BASE}/peserta/{participant.id}/formulir/pembahasan_akhir").get_data(as_text=True)
    for label in ("Pembawa Acara", "Moderator", "Penyaji", "Penguji", "Uraian masalah", "akar permasalahan",
                  "upaya yang direncanakan", "telah dilakukan", "Rekomendasi", "NSPK"):
        assert label in page
    response = w.login(w.coachee).post(f"{BASE}/peserta/{participant.id}/formulir/pembahasan_akhir", data={})
    assert response.status_code == 403
    response = w.sdm.post(f"{BASE}/peserta/{participant.id}/formulir/pembahasan_akhir", data={"moderator": "M"})
    assert response.status_code == 422 and 'value="M"' in response.get_data(as_text=True)


def review_data(day: dt.date) -> dict:
    return final_review_data(day)


def test_completion_issues_certificate_and_sets_reassessment_in_6_months_cm03(programme_world):
    w = programme_world
    participant = w.participant(start=today() - dt.timedelta(days=60))
    response = w.sdm.post(f"{BASE}/peserta/{participant.id}/selesai")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Participant, participant.id).status == "aktif"  # no final review yet
    meet_the_schedule(w, participant)
    done = today() - dt.timedelta(days=1)
    w.document(w.sdm, participant, "pembahasan_akhir", review_data(done))
    w.post_ok(w.sdm, f"{BASE}/peserta/{participant.id}/selesai", {})
    db.session.expire_all()
    participant = db.session.get(Participant, participant.id)
    assert participant.status == "selesai" and participant.selesai_pada == done
    from portal_coaching.programme.rules import add_months
    assert participant.reasesmen_batas == add_months(done, 6)
    certificate = db.session.get(Certificate, participant.certificate_id)
    assert certificate.employee_id == w.coachee.id and certificate.model == 20
    from portal_coaching.programme.workflow import counted_jp
    # four initialled meetings, 2 JP each, at most 2 counted a month (CM-13)
    assert certificate.jp == counted_jp(participant) and Decimal(4) <= certificate.jp <= Decimal(8)
    # Once completed, the records are closed.
    response = w.login(w.coachee).post(f"{BASE}/peserta/{participant.id}/log", data={
        "author": "coachee", "pertemuan_ke": "9", "tanggal": today().isoformat(), "topik": "x", "hasil": "y"})
    assert response.status_code == 403


def test_reassessment_list_due_and_overdue_cm03(programme_world):
    w = programme_world
    participant = w.participant(start=today() - dt.timedelta(days=60))
    meet_the_schedule(w, participant)
    w.document(w.sdm, participant, "pembahasan_akhir", review_data(today() - dt.timedelta(days=1)))
    w.post_ok(w.sdm, f"{BASE}/peserta/{participant.id}/selesai", {})
    page = w.sdm.get(f"{BASE}/reasesmen?status=jatuh_tempo").get_data(as_text=True)
    assert w.coachee.nama in page and "Jatuh tempo" in page
    assert w.coachee.nama not in w.sdm.get(f"{BASE}/reasesmen?status=terlambat").get_data(as_text=True)
    db.session.expire_all()
    row = db.session.get(Participant, participant.id)
    row.reasesmen_batas = today() - dt.timedelta(days=1)
    db.session.commit()
    page = w.sdm.get(f"{BASE}/reasesmen?status=terlambat").get_data(as_text=True)
    assert w.coachee.nama in page and "Terlambat" in page
    w.post_ok(w.sdm, f"{BASE}/peserta/{participant.id}/reasesmen",
              {"tanggal": today().isoformat(), "catatan": "Gap turun"})
    assert w.coachee.nama in w.sdm.get(f"{BASE}/reasesmen?status=selesai").get_data(as_text=True)
    assert w.login(w.coachee).get(f"{BASE}/reasesmen").status_code == 403


def test_programme_page_shows_tabel_2_stages_pra_development_pasca_cm08(programme_world):
    w = programme_world
    programme = w.programme()
    page = w.sdm.get(f"{BASE}/{programme.id}").get_data(as_text=True)
    assert "Tabel 2, CM-08" in page
    for text in ("Pra Pengembangan", "Pasca Pengembangan", "Rencana Pengembangan Individu (IDP)",
                 "Draft laporan dan draft bahan paparan", "Hasil Asesmen"):
        assert text in page


def test_mentor_records_the_mentor_coachee_dialog_cm06(programme_world):
    w = programme_world
    participant = w.participant()
    mentor = w.login(w.mentor)
    entry = w.log(mentor, participant, "mentor", today() - dt.timedelta(days=1))
    assert entry.author == "mentor"
    page = mentor.get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert "Catatan mentoring" in page and "Rekomendasi 1" in page
    # The mentor cannot write the coach's or the coachee's tables, and earns no JP.
    response = mentor.post(f"{BASE}/peserta/{participant.id}/log", data={
        "author": "coachee", "pertemuan_ke": "1", "tanggal": today().isoformat(), "topik": "x", "hasil": "y"})
    assert response.status_code == 422
    assert db.session.scalar(select(LedgerEntry.id)) is None
