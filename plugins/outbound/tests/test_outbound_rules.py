"""One test per rule the plugin enforces, named after what the circular says (OB-01, G-03,
G-06, G-07)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from outbound_helpers import BASE, feedback_data, ledger, programme_data, text
from portal_outbound.models import OutboundFeedback, OutboundProgramme
from sqlalchemy import func, select

from portal.sdk import Certificate, db, today


def _count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


def test_outbound_learns_by_games_simulation_discussion_or_adventure_ob01(world):
    for kegiatan in ([], ["berenang"]):
        response = world.admin.post(f"{BASE}/program/baru",
                                    data=programme_data(world.unit, kegiatan=kegiatan))
        assert response.status_code == 422
        assert "permainan, simulasi, diskusi atau petualangan (OB-01)" in text(response)
    assert _count(OutboundProgramme) == 0
    programme = world.create(kegiatan=["simulasi", "diskusi"])
    assert programme.activity_labels == ["Simulasi", "Diskusi"]


def test_outbound_targets_the_goals_of_lampiran_e_ob01(world):
    response = world.admin.post(f"{BASE}/program/baru",
                                data=programme_data(world.unit, tujuan=[], judul="Tanpa tujuan"))
    assert response.status_code == 422
    body = text(response)
    assert "tujuan dari Lampiran E (OB-01)" in body
    assert 'value="Tanpa tujuan"' in body  # nothing the user typed is lost
    programme = world.create(tujuan=["kepemimpinan", "percaya_diri", "strategi"])
    page = text(world.admin.get(f"{BASE}/program/{programme.id}"))
    assert "Kepemimpinan" in page and "Kepercayaan diri" in page
    assert "Perencanaan strategi" in page


def test_each_participant_present_gives_feedback_once_ob01(world):
    programme = world.completed(absent=(world.peserta,))
    # The participant present fills the short form.
    form = world.staff_client.get(f"{BASE}/program/{programme.id}/umpan-balik")
    assert form.status_code == 200 and "Umpan balik peserta" in text(form)
    # One impact rating per goal the programme targets (OB-01).
    assert "Dampak kegiatan pada: Kemampuan komunikasi" in text(form)
    assert "Dampak kegiatan pada: Kepemimpinan" not in text(form)
    bad = world.staff_client.post(f"{BASE}/program/{programme.id}/umpan-balik",
                                  data=feedback_data(nilai_tujuan="9", pelajaran="",
                                                     dampak_komunikasi=""))
    assert bad.status_code == 422
    assert "Pilih nilai 1 sampai 5." in text(bad) and _count(OutboundFeedback) == 0
    ok = world.staff_client.post(f"{BASE}/program/{programme.id}/umpan-balik",
                                 data=feedback_data())
    assert ok.status_code == 302
    feedback = world.participant(programme, world.staff).feedback
    assert (feedback.nilai_tujuan, feedback.average) == (5, 4.33)
    assert feedback.dampak == {"kekompakan": 5, "komunikasi": 3}
    again = world.staff_client.post(f"{BASE}/program/{programme.id}/umpan-balik",
                                    data=feedback_data(), follow_redirects=True)
    assert "sudah mengirim umpan balik untuk program ini (OB-01)" in text(again)
    assert _count(OutboundFeedback) == 1
    # The absent participant has no feedback form.
    absent = world.login(world.peserta)
    refused = absent.post(f"{BASE}/program/{programme.id}/umpan-balik", data=feedback_data(),
                          follow_redirects=True)
    assert "tercatat hadir" in text(refused) and _count(OutboundFeedback) == 1
    # The organiser reads it on the programme page.
    assert "Komunikasi tim menentukan hasil." in text(world.admin.get(f"{BASE}/program/{programme.id}"))


def test_outbound_jp_is_the_open_setting_per_day_ob01(world):
    programme = world.completed()
    [entry] = ledger(world.staff)
    assert programme.days == 2
    assert (entry.jp_claimed, entry.jp_counted, entry.rule_id) == (Decimal("16"), Decimal("16"), "OB-01")
    assert entry.setting_version_id is not None  # the ledger row records the setting used
    assert entry.activity_type == "outbound" and entry.role == "peserta"
    assert entry.activity_date == programme.tanggal_selesai


def test_outbound_jp_follows_a_changed_setting_ob01(world, app):
    from portal.sdk import add_version

    add_version("outbound.jp_per_hari", "6", today() - dt.timedelta(days=30), "Uji", None)
    db.session.commit()
    world.completed()
    assert ledger(world.staff)[0].jp_counted == Decimal("12")


def test_completion_gives_jp_and_an_e_certificate_to_those_present_g06(world):
    programme = world.completed(absent=(world.peserta,))
    assert ledger(world.peserta) == []
    [entry] = ledger(world.staff)
    certificate = db.session.scalar(select(Certificate).where(Certificate.ledger_entry_id == entry.id))
    assert certificate is not None and certificate.programme_title == programme.judul
    assert any("OB-01" in line for line in certificate.extra_lines)
    assert (certificate.start_date, certificate.end_date) == (programme.tanggal_mulai,
                                                              programme.tanggal_selesai)
    # JP on Pengembangan Saya, the certificate under Sertifikat Saya.
    assert programme.judul in text(world.staff_client.get("/jp/saya"))
    assert certificate.number in text(world.staff_client.get("/sertifikat/saya"))


def test_funding_source_is_recorded_g07(world):
    response = world.admin.post(f"{BASE}/program/baru",
                                data=programme_data(world.unit, sumber_dana="hibah_gelap"))
    assert response.status_code == 422 and "(G-07)" in text(response)
    programme = world.create(sumber_dana="lainnya")
    assert "Sumber lain yang sah" in text(world.admin.get(f"{BASE}/program/{programme.id}"))


def test_participant_must_be_asn_with_gap_or_talent_g03(world, people):
    programme = world.create()
    plain = people.person(world.unit, nama="Tanpa Kesenjangan")
    response = world.add(programme, plain)
    assert response.status_code == 422
    assert "(G-03)" in text(response) and "Tanpa Kesenjangan" in text(response)
    assert world.participant(programme, plain) is None


def test_outbound_eligibility_answer_names_ob01(world, app):
    from portal.sdk import check_eligibility as check

    answer = check(world.staff, "outbound", today())
    assert answer.eligible is True
    assert "OB-01" in {v.rule_id for v in answer.verdicts}
