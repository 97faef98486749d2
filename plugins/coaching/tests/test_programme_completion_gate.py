"""The programme closes only as the circular runs it: not before week 8 and its final review
(CM-06), not without the pre-phase forms (CM-05) and pertemuan 1–4 initialled by the coach
(CM-06, CM-10), and with the examiner's pass/fail evaluation and judgement (Lamp. H.e). A refusal
lists everything missing with its rule ID; *tidak lulus* closes without a certificate. The coach
sees the coachee's profile and competency gaps (CM-09)."""

from __future__ import annotations

import datetime as dt

from portal_coaching.programme.models import Participant
from programme_helpers import BASE, final_review_data, meet_the_schedule
from sqlalchemy import select

from portal.sdk import Certificate, db, today


def _state(participant_id: int) -> Participant:
    db.session.expire_all()
    return db.session.get(Participant, participant_id)


def test_a_programme_with_no_meetings_cannot_be_completed_in_week_one_cm05_cm06(programme_world):
    w = programme_world
    participant = w.participant(start=today() - dt.timedelta(days=2))
    w.document(w.sdm, participant, "pembahasan_akhir", final_review_data(today()))
    page = w.sdm.post(f"{BASE}/peserta/{participant.id}/selesai", follow_redirects=True).get_data(as_text=True)
    assert "Program coachee belum dapat diselesaikan" in page
    for expected in ("Prafase belum lengkap", "(CM-05)", "Pertemuan ke-1, 2, 3, 4", "(jadwal delapan minggu, CM-06)",
                     "paling cepat"):
        assert expected in page
    assert _state(participant.id).status == "aktif"
    assert db.session.scalar(select(Certificate)) is None


def test_the_record_page_lists_what_is_missing_before_anyone_clicks(programme_world):
    w = programme_world
    participant = w.participant(start=today() - dt.timedelta(days=60))
    meet_the_schedule(w, participant, meetings=(1, 2, 3))
    page = w.sdm.get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    missing = page[page.index('id="belum-lengkap"'):].split("</div>")[0]
    assert "Pertemuan ke-4" in missing and "CM-05" not in missing and "Pembahasan hasil akhir" in missing


def test_the_examiner_records_pass_or_fail_with_a_judgement_h_e(programme_world):
    w = programme_world
    participant = w.participant(start=today() - dt.timedelta(days=60))
    meet_the_schedule(w, participant)
    review = final_review_data(today() - dt.timedelta(days=1))
    del review["kelulusan"]
    review["penilaian"] = ""
    response = w.sdm.post(f"{BASE}/peserta/{participant.id}/formulir/pembahasan_akhir", data=review)
    assert response.status_code == 422  # both are required fields of the form
    w.document(w.sdm, participant, "pembahasan_akhir", final_review_data(today() - dt.timedelta(days=1),
                                                                         kelulusan="tak_lulus"))
    page = w.sdm.post(f"{BASE}/peserta/{participant.id}/selesai", follow_redirects=True).get_data(as_text=True)
    assert "tidak lulus" in page
    row = _state(participant.id)
    assert row.status == "tak_lulus" and row.certificate_id is None and row.reasesmen_batas is None
    assert db.session.scalar(select(Certificate)) is None
    assert "Tidak lulus" in page or "tidak lulus" in page


def test_a_passed_coachee_gets_the_certificate(programme_world):
    w = programme_world
    participant = w.participant(start=today() - dt.timedelta(days=60))
    meet_the_schedule(w, participant)
    w.document(w.sdm, participant, "pembahasan_akhir", final_review_data(today() - dt.timedelta(days=1)))
    w.post_ok(w.sdm, f"{BASE}/peserta/{participant.id}/selesai", {})
    row = _state(participant.id)
    assert row.status == "selesai" and row.certificate_id is not None


def test_the_coach_sees_the_coachees_profile_and_gaps_cm09(programme_world):
    w = programme_world
    participant = w.participant()
    page = w.login(w.coach_person).get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    profile = page[page.index('id="profil"'):].split("</section>")[0]
    assert "Evaluasi NSPK" in profile and "Teknis" in profile  # the gap from the assessment
    mentor_page = w.login(w.mentor).get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert 'id="profil"' not in mentor_page
    assert w.login(w.colleague).get(f"{BASE}/peserta/{participant.id}").status_code == 404
