"""CM-01: coaching records — forms, logs, self-assessments, evaluations — are seen only by the
coachee, their coach, their mentor and admin SDM programme staff; everyone else gets 404."""

from __future__ import annotations

import datetime as dt

import pytest
from programme_helpers import BASE

from portal.sdk import today


@pytest.fixture
def record(programme_world):
    w = programme_world
    participant = w.participant()
    coachee = w.login(w.coachee)
    w.document(coachee, participant, "pendahuluan", {"topik": "Isu rahasia", "alasan": "a", "cara": "c",
                                                    "komitmen": "k"})
    w.document(coachee, participant, "self_assessment", {
        "indikator": "Indikator rahasia", "masalah": "m", "penyebab": "p", "upaya": "u", "hasil": "h",
        "kendala": "k", "rek_metode_pelaksanaan": "r1", "rek_pengendalian_mutu": "r2"})
    log = w.log(coachee, participant, "coachee", today() - dt.timedelta(days=1))
    doc_id = next(d.id for d in participant.documents if d.kind == "self_assessment")
    return w, participant, log, doc_id


def urls(participant, log, doc_id) -> list[str]:
    p = participant.id
    return [f"{BASE}/peserta/{p}", f"{BASE}/peserta/{p}/formulir/pendahuluan",
            f"{BASE}/peserta/{p}/formulir/self_assessment/{doc_id}",
            f"{BASE}/peserta/{p}/formulir/informasi_pribadi", f"{BASE}/peserta/{p}/cetak/tabel-4.pdf",
            f"{BASE}/peserta/{p}/cetak/tabel-3.pdf", f"{BASE}/peserta/{p}/cetak/pendahuluan.pdf",
            f"{BASE}/peserta/{p}/cetak/self-asesmen.pdf", f"{BASE}/peserta/{p}/evaluasi/coach/coachee"]


@pytest.mark.parametrize("who", ["another_atasan", "unit_admin", "colleague", "unit_head", "other_unit"])
def test_outsiders_get_404_on_every_coaching_record_cm01(record, who):
    w, participant, log, doc_id = record
    a = w.units["A"]
    person = {"another_atasan": w.people.person(a["sub"], nama="Atasan Lain", supervisor=a["head"]),
              "unit_admin": a["admin"], "colleague": w.colleague, "unit_head": a["head"],
              "other_unit": w.units["B"]["staff"]}[who]
    if who == "another_atasan":
        w.people.person(a["sub"], nama="Bawahan Lain", supervisor=person)  # makes them an atasan
    client = w.login(person)
    for url in urls(participant, log, doc_id):
        assert client.get(url).status_code == 404, url
    p = participant.id
    for url in (f"{BASE}/peserta/{p}/log", f"{BASE}/peserta/{p}/log/{log.id}/paraf",
                f"{BASE}/peserta/{p}/formulir/pendahuluan"):
        assert client.post(url, data={}).status_code == 404, url


@pytest.mark.parametrize("who", ["coachee", "coach", "mentor", "sdm"])
def test_coachee_coach_mentor_and_sdm_see_the_records_cm01(record, who):
    w, participant, log, doc_id = record
    client = {"coachee": w.login(w.coachee), "coach": w.login(w.coach_person), "mentor": w.login(w.mentor),
              "sdm": w.sdm}[who]
    for url in urls(participant, log, doc_id)[:-1]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Isu rahasia" in client.get(f"{BASE}/peserta/{participant.id}/formulir/pendahuluan").get_data(as_text=True)


def test_superadmin_is_not_programme_staff_cm01(record, people):
    w, participant, log, doc_id = record
    root = people.person(w.units["A"]["top"], "superadmin", nama="Superadmin")
    assert w.login(root).get(f"{BASE}/peserta/{participant.id}").status_code == 404


def test_unknown_ids_are_404(record):
    w, participant, log, doc_id = record
    coachee = w.login(w.coachee)
    assert coachee.get(f"{BASE}/peserta/99999").status_code == 404
    assert coachee.get(f"{BASE}/peserta/{participant.id}/formulir/tidak_ada").status_code == 404
    assert coachee.post(f"{BASE}/peserta/{participant.id}/log/99999/paraf").status_code == 404
    assert coachee.get(f"{BASE}/peserta/{participant.id}/cetak/lain.pdf").status_code == 404


def test_programme_pages_are_for_admin_sdm_only(record):
    w, participant, _log, _doc = record
    for client in (w.login(w.coachee), w.login(w.units["A"]["admin"])):
        for url in (f"{BASE}/{participant.programme_id}", f"{BASE}/{participant.programme_id}/evaluasi",
                    f"{BASE}/klinik", f"{BASE}/coach", f"{BASE}/reasesmen", f"{BASE}/baru"):
            assert client.get(url).status_code == 403, url


def test_coaching_topics_do_not_reach_unit_reports_cm01(record):
    w, participant, log, _doc = record
    w.post_ok(w.login(w.coach_person), f"{BASE}/peserta/{participant.id}/log/{log.id}/paraf", {})
    from sqlalchemy import select

    from portal.sdk import LedgerEntry, db
    title = db.session.scalar(select(LedgerEntry.title))
    # CM-01: a neutral title — not even the programme name, which is per position and standard.
    assert "rahasia" not in title.lower() and title.startswith("Program coaching-mentoring — pertemuan")
