"""Pre-phase forms (CM-05, CM-10), evaluations (CM-11) and the printable forms in the circular's layout."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from portal_coaching.programme.models import Document, Evaluation
from portal_coaching.programme.questionnaires import QUESTIONNAIRES
from programme_helpers import BASE
from pypdf import PdfReader
from sqlalchemy import func, select

from portal.sdk import db, today
from portal.testing_pdf import layout_faults

SELF_ASSESSMENT = {"indikator": "Mampu mengevaluasi dan merekomendasikan peraturan konstruksi jalan",
                   "masalah": "Retak dini", "penyebab": "Mutu beton", "upaya": "Uji ulang", "hasil": "Membaik",
                   "kendala": "Waktu", "rek_metode_pelaksanaan": "Metode A", "rek_pengendalian_mutu": "QC harian"}
PENDAHULUAN = {"topik": "Pengendalian mutu", "alasan": "Temuan audit", "cara": "Rencana mutu",
               "komitmen": "Selesai 8 minggu"}


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def test_self_assessment_has_the_circulars_questions_cm05(programme_world):
    w = programme_world
    participant = w.participant()
    coachee = w.login(w.coachee)
    page = coachee.get(f"{BASE}/peserta/{participant.id}/formulir/self_assessment").get_data(as_text=True)
    for text in ("Indikator Perilaku", "penyebab timbulnya permasalahan", "upaya yang telah Saudara lakukan",
                 "hasil progres", "kendala", "Metode Pelaksanaan", "Metode Pengendalian Mutu", "Metode Pembayaran",
                 "Pengendalian Waktu dan Biaya", "Masukan terhadap NSPK", "Lainnya"):
        assert text in page, text
    response = coachee.post(f"{BASE}/peserta/{participant.id}/formulir/self_assessment",
                            data={"indikator": "Hanya indikator"})
    assert response.status_code == 422 and "Hanya indikator" in response.get_data(as_text=True)
    w.document(coachee, participant, "self_assessment", SELF_ASSESSMENT)
    w.document(coachee, participant, "self_assessment", {**SELF_ASSESSMENT, "indikator": "Indikator kedua"})
    assert db.session.scalar(select(func.count(Document.id)).where(Document.kind == "self_assessment")) == 2
    # The coach reads it; the coach does not fill it.
    coach = w.login(w.coach_person)
    assert coach.get(f"{BASE}/peserta/{participant.id}/formulir/self_assessment").status_code == 200
    assert coach.post(f"{BASE}/peserta/{participant.id}/formulir/self_assessment",
                      data=SELF_ASSESSMENT).status_code == 403


def test_targets_use_tabel_1_materi_unjuk_kerja_cm05(programme_world):
    w = programme_world
    participant = w.participant()
    coach = w.login(w.coach_person)
    page = coach.get(f"{BASE}/peserta/{participant.id}/formulir/target").get_data(as_text=True)
    for text in ("Indikator Perilaku", "Elemen Kompetensi", "Materi Unjuk Kerja", "Tugas Pencapaian Kompetensi",
                 "Keterampilan dan pengetahuan", "Sikap kerja, motivasi"):
        assert text in page
    w.document(coach, participant, "target", {"no": "4.1", "indikator": "Mengevaluasi peraturan",
                                              "elemen": "Evaluasi NSPK", "materi": "Masalah situasi",
                                              "tugas": "Ruas X: deskripsi, evaluasi", "penyebab": "keterampilan"})
    page = w.login(w.coachee).get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert "Tabel 1 Materi Unjuk Kerja" in page and "Ruas X: deskripsi, evaluasi" in page


def test_lembar_pendahuluan_confirmed_by_coachee_and_coach_cm10(programme_world):
    w = programme_world
    participant = w.participant()
    coachee, coach = w.login(w.coachee), w.login(w.coach_person)
    doc = w.document(coachee, participant, "pendahuluan", PENDAHULUAN)
    url = f"{BASE}/peserta/{participant.id}/formulir/pendahuluan/{doc.id}/konfirmasi"
    assert coachee.post(url, data={"pihak": "coach"}).status_code == 403
    assert coach.post(url, data={"pihak": "coachee"}).status_code == 403
    w.post_ok(coachee, url, {"pihak": "coachee"})
    w.post_ok(coach, url, {"pihak": "coach"})
    db.session.expire_all()
    doc = db.session.get(Document, doc.id)
    assert doc.coachee_confirmed_at and doc.coach_confirmed_at and not doc.coach_on_behalf
    # Editing a signed form removes the signatures.
    w.document(coachee, participant, "pendahuluan", {**PENDAHULUAN, "topik": "Topik baru"})
    db.session.expire_all()
    doc = db.session.get(Document, doc.id)
    assert doc.data["topik"] == "Topik baru" and doc.coachee_confirmed_at is None and doc.coach_confirmed_at is None


def test_personal_information_questionnaire_cm10(programme_world):
    w = programme_world
    participant = w.participant()
    coachee = w.login(w.coachee)
    page = coachee.get(f"{BASE}/peserta/{participant.id}/formulir/informasi_pribadi").get_data(as_text=True)
    for text in ("Nama Lengkap", "Nama Panggilan", "Alamat", "Rumah", "Kantor", "Telepon Selular", "E-Mail",
                 "Jabatan Saat ini", "Instansi", "Tempat/Tanggal Lahir", "Status Pernikahan"):
        assert text in page
    w.document(coachee, participant, "informasi_pribadi", {
        "nama_lengkap": "Staf A", "nama_panggilan": "Staf", "alamat": "Jl. Pattimura 20", "telepon_seluler": "0812",
        "email": "staf@example.go.id", "jabatan": "Pengawas", "instansi": "Kementerian PU",
        "tempat_tanggal_lahir": "Jakarta, 1 Januari 1980", "status_pernikahan": "Menikah"})
    assert "Jl. Pattimura 20" in w.login(w.mentor).get(
        f"{BASE}/peserta/{participant.id}/formulir/informasi_pribadi").get_data(as_text=True)


def test_tabel_3_tabel_4_pendahuluan_and_self_assessment_print_as_pdf(programme_world):
    w = programme_world
    participant = w.participant()
    coachee, coach = w.login(w.coachee), w.login(w.coach_person)
    w.document(coachee, participant, "pendahuluan", PENDAHULUAN)
    w.document(coachee, participant, "self_assessment", SELF_ASSESSMENT)
    w.log(coach, participant, "coach", today() - dt.timedelta(days=2))
    entry = w.log(coachee, participant, "coachee", today() - dt.timedelta(days=2))
    w.post_ok(coach, f"{BASE}/peserta/{participant.id}/log/{entry.id}/paraf", {})
    base = f"{BASE}/peserta/{participant.id}/cetak"
    for form in ("tabel-3", "tabel-4", "pendahuluan", "self-asesmen"):  # no cell text over another
        assert layout_faults(coachee.get(f"{base}/{form}.pdf").data) == [], form
    text = pdf_text(coachee.get(f"{base}/tabel-3.pdf").data)
    assert "Formulir Aktivitas Coach" in text and "Topik Pembahasan" in text and "Rekomendasi 1" in text
    text = pdf_text(coachee.get(f"{base}/tabel-4.pdf").data)
    assert "Formulir Aktivitas Coachee" in text and "Paraf Coach" in text and "Diparaf" in text
    assert w.coachee.nip in text and "Coach Internal" in text
    text = pdf_text(coachee.get(f"{base}/pendahuluan.pdf").data)
    assert "LEMBAR PENDAHULUAN COACHING" in text and "Pengendalian mutu" in text and "Tanda Tangan Coach" in text
    text = pdf_text(coachee.get(f"{base}/self-asesmen.pdf").data)
    assert "SELF ASESMEN" in text and "Retak dini" in text and "Metode Pelaksanaan" in text


@pytest.mark.parametrize("kind", list(QUESTIONNAIRES))
def test_every_questionnaire_has_the_circulars_items_cm11(kind):
    counts = {"coachee": 3, "coach": 5, "mentor": 7, "kegiatan_coach": 4, "kegiatan_mentor": 5,
              "kegiatan_coachee": 4, "kegiatan_penyelenggara": 6}
    assert len(QUESTIONNAIRES[kind].items) == counts[kind]


def scores(kind: str, value: int = 4) -> dict:
    data = {}
    for index in range(1, len(QUESTIONNAIRES[kind].items) + 1):
        data[f"skor_{index}"] = str(value)
        data[f"komentar_{index}"] = f"Komentar {kind} {index}"
    return data


def test_each_evaluation_by_the_right_person_once_cm11(programme_world):
    w = programme_world
    participant = w.participant()
    coachee, coach, mentor = w.login(w.coachee), w.login(w.coach_person), w.login(w.mentor)
    base = f"{BASE}/peserta/{participant.id}/evaluasi"
    page = coachee.get(f"{base}/coach/coachee").get_data(as_text=True)
    assert "Sikap keterbukaan coach dan efektivitas komunikasi" in page
    # The wrong person may not fill it.
    assert coach.post(f"{base}/coach/coachee", data=scores("coach")).status_code == 403
    assert coachee.get(f"{base}/coachee/coach").status_code == 403
    assert coachee.get(f"{base}/coachee/coachee").status_code == 404  # not a filler of that questionnaire
    response = coachee.post(f"{base}/coach/coachee", data={"skor_1": "9"})
    assert response.status_code == 422
    for client, kind, role in ((coachee, "coach", "coachee"), (coachee, "mentor", "coachee"),
                               (coachee, "kegiatan_coachee", "coachee"), (coach, "coachee", "coach"),
                               (mentor, "coachee", "mentor"), (coach, "kegiatan_coach", "coach"),
                               (mentor, "kegiatan_mentor", "mentor")):
        w.post_ok(client, f"{base}/{kind}/{role}", scores(kind))
    w.post_ok(w.sdm, f"{BASE}/{participant.programme_id}/evaluasi/penyelenggara", scores("kegiatan_penyelenggara"))
    assert db.session.scalar(select(func.count(Evaluation.id))) == 8
    # Only once.
    response = coachee.post(f"{base}/coach/coachee", data=scores("coach", 1))
    assert "sudah diisi" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Evaluation.id))) == 8


def test_evaluations_of_a_coach_reach_admin_sdm_only_in_aggregate_cm01_cm11(programme_world):
    w = programme_world
    participant = w.participant()
    coachee = w.login(w.coachee)
    w.post_ok(coachee, f"{BASE}/peserta/{participant.id}/evaluasi/coach/coachee", scores("coach", 2))
    w.sdm.get(f"{BASE}/{participant.programme_id}/evaluasi")  # consumes the earlier flash messages
    page = w.sdm.get(f"{BASE}/{participant.programme_id}/evaluasi").get_data(as_text=True)
    assert "Evaluasi Coach oleh Coachee" in page and "2.00" in page and "1 kuesioner terisi" in page
    assert w.coachee.nama not in page  # nobody named
    # The coach never sees the coachee's answers.
    coach_page = w.login(w.coach_person).get(f"{BASE}/peserta/{participant.id}").get_data(as_text=True)
    assert "Komentar coach 1" not in coach_page
    assert w.login(w.coach_person).get(f"{BASE}/{participant.programme_id}/evaluasi").status_code == 403


def test_admin_sdm_fills_the_coach_questionnaires_for_an_external_coach_cm11(programme_world):
    w = programme_world
    participant = w.participant(coach=w.external)
    base = f"{BASE}/peserta/{participant.id}/evaluasi"
    w.post_ok(w.sdm, f"{base}/coachee/coach", scores("coachee"))
    assert db.session.scalar(select(Evaluation.slot)) == f"{participant.id}:coachee:coach"
    assert w.sdm.get(f"{base}/coach/coachee").status_code == 403  # never the coachee's own
    internal = w.participant()
    assert w.sdm.get(f"{BASE}/peserta/{internal.id}/evaluasi/coachee/coach").status_code == 403
