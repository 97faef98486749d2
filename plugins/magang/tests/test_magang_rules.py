"""One test per rule of Lamp. A (MG-01 … MG-13), driven through the pages like users do."""

from __future__ import annotations

import datetime as dt
import io

from magang_helpers import AGREEMENT, BASE, HOST, PDF, flashes, last
from sqlalchemy import select

from portal.sdk import (
    AuditLog,
    Certificate,
    DevelopmentBlock,
    EmployeeCompetency,
    EmployeeGap,
    LedgerEntry,
    Placement,
    PlacementNeed,
    db,
    registry,
    today,
)
from portal.sdk import check_eligibility as check


def _answer(app, employee, slug="magang", on_date=None, **context):
    with app.test_request_context():
        return check(employee, slug, on_date or today(), context=context)


def _verdict(answer, rule):
    return next(v for v in answer.verdicts if v.rule_id == rule)


# --------------------------------------------------------------------------- eligibility


def test_magang_is_for_pns_and_for_pppk_only_when_four_conditions_hold_mg01(app, world, people):
    assert _verdict(_answer(app, world.staff), "MG-01").allow is True
    start, end = today(), today() + dt.timedelta(weeks=6)
    pppk = people.person(world.unit, nama="PPPK Uji", status="PPPK", supervisor=world.atasan_emp,
                         pppk_kontrak_selesai=today() + dt.timedelta(days=5 * 365))
    db.session.add(EmployeeGap(employee_id=pppk.id, standard="teknis", kompetensi="SIG", gap_level=2))
    db.session.commit()
    refused = _verdict(_answer(app, pppk, start_date=start, end_date=end), "MG-01")
    assert refused.allow is False and "keahlian" in refused.message and "MG-01" in refused.message
    pppk.pppk_keahlian_langka = True
    db.session.commit()
    assert _verdict(_answer(app, pppk, start_date=start, end_date=end), "MG-01").allow is True
    long = _verdict(_answer(app, pppk, start_date=start, end_date=start + dt.timedelta(days=200)), "MG-01")
    assert long.allow is False and "relatif singkat" in long.message
    undecided = _verdict(_answer(app, pppk), "MG-01")  # no schedule yet: cannot decide, never "eligible"
    assert undecided.allow is None and "jadwal" in undecided.message
    pppk.pppk_kontrak_selesai = today() + dt.timedelta(days=200)
    db.session.commit()
    short_contract = _verdict(_answer(app, pppk, start_date=start, end_date=end), "MG-01")
    assert short_contract.allow is False and "jangka panjang" in short_contract.message


def test_every_position_type_may_take_part_mg02(app, world, people):
    for jenis in ("struktural", "fungsional", "pelaksana"):
        employee = people.person(world.unit, nama=f"Pegawai {jenis}", jenis_jabatan=jenis)
        verdict = _verdict(_answer(app, employee), "MG-02")
        assert verdict.allow is True and jenis in verdict.message


def test_candidate_needs_the_nominating_supervisors_endorsement_mg03(app, world):
    placement_id = world.nominate(world.need())
    url = f"{BASE}/{placement_id}"
    assert "rekomendasi atasan langsung (MG-03)" in world.admin.get(url).get_data(as_text=True)
    # Only the participant's own atasan endorses; the admin and the participant may not.
    for client in (world.admin, world.participant):
        response = client.post(f"{url}/rekomendasi", data={"endorsement": "Saya rekomendasikan"})
        assert response.status_code in (403, 422)
    empty = world.atasan.post(f"{url}/rekomendasi", data={"endorsement": "  "})
    assert empty.status_code == 422 and "MG-03" in empty.get_data(as_text=True)
    assert world.atasan.post(f"{url}/rekomendasi", data={"endorsement": "Terbaik di bidangnya"}).status_code == 302
    answer = _answer(app, world.staff, placement_id=placement_id)
    assert _verdict(answer, "MG-03").allow is True


# --------------------------------------------------------------------------- preparation


def test_duration_two_weeks_to_one_year_and_longer_only_with_approved_justification_mg04(world):
    placement_id = world.nominate(world.need())
    url, start = f"{BASE}/{placement_id}", today()
    short = world.admin.post(f"{url}/jadwal", data={"start_date": start.isoformat(), "cadence": "mingguan",
                                                    "end_date": (start + dt.timedelta(days=12)).isoformat()})
    body = short.get_data(as_text=True)
    assert short.status_code == 422 and "paling singkat 2 minggu" in body and "MG-04" in body
    assert (start + dt.timedelta(days=12)).isoformat() in body  # what was typed stays
    assert db.session.get(Placement, placement_id).start_date is None
    long = {"start_date": start.isoformat(), "end_date": (start + dt.timedelta(days=400)).isoformat(),
            "cadence": "bulanan"}
    refused = world.admin.post(f"{url}/jadwal", data=long)
    assert refused.status_code == 422 and "justifikasi tertulis" in refused.get_data(as_text=True)
    assert world.admin.post(f"{url}/jadwal", data=dict(long, justification="Siklus proyek penuh")).status_code == 302
    placement = db.session.get(Placement, placement_id)
    assert placement.justification_status == "menunggu"
    world.prepare_without_schedule(placement_id)
    start_refused = world.admin.post(f"{url}/mulai")
    assert start_refused.status_code == 422
    assert "belum disetujui admin SDM (MG-04)" in start_refused.get_data(as_text=True)
    assert world.admin.post(f"{url}/justifikasi", data={"decision": "setujui"}).status_code == 403
    assert world.sdm.post(f"{url}/justifikasi", data={"decision": "setujui"}).status_code == 302
    assert world.admin.post(f"{url}/mulai").status_code == 302
    db.session.expire_all()
    assert db.session.get(Placement, placement_id).status == "berjalan"


def test_host_locus_supply_and_an_external_mentor_mg05(world):
    placement_id = world.nominate(world.need())
    url = f"{BASE}/{placement_id}"
    bad = world.admin.post(f"{url}/penerima", data=dict(HOST, host_type="kafe"))
    assert bad.status_code == 422 and "MG-05" in bad.get_data(as_text=True)
    no_supply = dict(HOST, supply_experience="", supply_competency="")
    assert world.admin.post(f"{url}/penerima", data=no_supply).status_code == 302
    page = world.admin.get(url).get_data(as_text=True)
    assert "supply experience dan supply competency" in page and "(MG-05)" in page
    assert world.admin.post(f"{url}/penerima", data=dict(HOST, locus="internasional")).status_code == 302
    placement = db.session.get(Placement, placement_id)
    assert placement.mentor_name == "Ir. Sari Wulandari" and placement.mentor_employee_id is None
    assert placement.locus == "internasional"


def test_purpose_variant_and_bundling_names_its_training_mg06(world):
    placement_id = world.nominate(world.need())
    url = f"{BASE}/{placement_id}"
    bundling = world.admin.post(f"{url}/penerima", data=dict(HOST, approach="bundling", approach_detail=""))
    assert bundling.status_code == 422 and "nama pelatihan" in bundling.get_data(as_text=True).lower()
    assert world.admin.post(f"{url}/penerima", data=dict(HOST, variant="")).status_code == 422
    ok = dict(HOST, approach="bundling", approach_detail="Pelatihan JF Teknik Jalan dan Jembatan", variant="karier")
    assert world.admin.post(f"{url}/penerima", data=ok).status_code == 302
    placement = db.session.get(Placement, placement_id)
    assert (placement.variant, placement.approach) == ("karier", "bundling")
    assert placement.approach_detail.startswith("Pelatihan JF")


def test_no_internship_starts_without_all_seven_elements_and_a_signed_agreement_mg07(world):
    placement_id = world.nominate(world.need())
    url = f"{BASE}/{placement_id}"
    world.prepare(placement_id)
    partial = dict(AGREEMENT, element_wanprestasi="", element_kahar="")
    assert world.admin.post(f"{url}/perjanjian", data=partial).status_code == 302
    refused = world.admin.post(f"{url}/mulai")
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "(MG-07)" in body
    assert "Pengaturan wanprestasi" in body and "keadaan kahar" in body
    assert db.session.get(Placement, placement_id).status == "persiapan"
    fake = world.admin.post(f"{url}/perjanjian", data=dict(AGREEMENT, dokumen=(io.BytesIO(b"<html>"), "pks.pdf")),
                            content_type="multipart/form-data")
    assert fake.status_code == 422 and "MG-07" in fake.get_data(as_text=True)
    complete = dict(AGREEMENT, dokumen=(io.BytesIO(PDF), "pks.pdf"))
    assert world.admin.post(f"{url}/perjanjian", data=complete, content_type="multipart/form-data").status_code == 302
    assert world.admin.post(f"{url}/mulai").status_code == 302
    download = world.participant.get(f"{url}/perjanjian.pdf")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")


def test_stages_pembekalan_three_days_then_orientasi_three_days_then_praktik_mg08(world):
    start = dt.date(2026, 3, 2)
    placement_id = world.nominate(world.need())
    world.prepare(placement_id, start=start, weeks=4)
    page = world.admin.get(f"{BASE}/{placement_id}").get_data(as_text=True)
    assert page.index("Pembekalan oleh instansi pengirim") < page.index("Orientasi di instansi penerima") \
        < page.index("Praktik magang")
    for day in ("2 Maret 2026", "4 Maret 2026", "5 Maret 2026", "7 Maret 2026", "8 Maret 2026", "29 Maret 2026"):
        assert day in page


# --------------------------------------------------------------------------- running


def test_periodic_reports_at_the_agreed_cadence_with_overdue_flagged_mg09(world, people):
    placement_id = world.running(start=today() - dt.timedelta(days=20))
    url = f"{BASE}/{placement_id}"
    page = world.participant.get(url).get_data(as_text=True)
    assert page.count("Terlambat") == 2  # weeks 1 and 2 are past and missing
    sent = world.participant.post(f"{url}/laporan", data={"period_no": "1", "content": "Minggu 1: orientasi"})
    assert sent.status_code == 302
    assert world.participant.get(url).get_data(as_text=True).count("Terlambat") == 1
    assert world.admin.post(f"{url}/laporan", data={"period_no": "2", "content": "x"}).status_code == 422
    twice = world.participant.post(f"{url}/laporan", data={"period_no": "1", "content": "lagi"})
    assert twice.status_code == 422 and "sudah disampaikan" in twice.get_data(as_text=True)
    # Observations: the atasan as themself; the external mentor's note entered by the admin in their name.
    assert world.atasan.post(f"{url}/catatan", data={"role": "atasan", "observation": "Disiplin baik",
                                                    "corrective": ""}).status_code == 302
    assert world.admin.post(f"{url}/catatan", data={"role": "mentor", "author_name": "Ir. Sari Wulandari",
                                                   "observation": "Perlu memperdalam analisis",
                                                   "corrective": "Tugas tambahan analisis"}).status_code == 302
    assert world.participant.post(f"{url}/catatan", data={"role": "atasan", "observation": "x"}).status_code == 422
    assert world.admin.post(f"{url}/rapor", data={"score": "87", "predikat": "Baik", "assessor": "",
                                                 "rapor_on": today().isoformat(), "text": "Target tercapai"}
                            ).status_code == 302
    bad = world.admin.post(f"{url}/rapor", data={"score": "120", "rapor_on": today().isoformat()})
    assert bad.status_code == 422 and "0–100" in bad.get_data(as_text=True)
    page = world.atasan.get(url).get_data(as_text=True)
    assert "Perlu memperdalam analisis" in page and "Tugas tambahan analisis" in page and "87" in page
    # A mentor who is an employee writes their own notes.
    mentor = people.person(world.units["B"]["sub"], nama="Mentor Internal")
    with_mentor = dict(HOST, mentor_nip=mentor.nip)
    placement = db.session.get(Placement, placement_id)
    placement.mentor_employee_id = mentor.id
    db.session.commit()
    assert with_mentor["mentor_nip"]
    client = world.login(mentor)
    assert client.get(url).status_code == 200
    assert client.post(f"{url}/catatan", data={"role": "mentor", "observation": "Progres baik"}).status_code == 302


def test_recall_with_reason_and_replacement_is_audited_mg12(world, people):
    placement_id = world.running()
    url = f"{BASE}/{placement_id}"
    replacement = people.person(world.unit, nama="Pengganti A", supervisor=world.atasan_emp)
    db.session.add(EmployeeGap(employee_id=replacement.id, standard="teknis", kompetensi="Audit", gap_level=1))
    db.session.commit()
    assert world.admin.post(f"{url}/tarik", data={"reason": ""}).status_code == 422
    response = world.admin.post(f"{url}/tarik", data={"reason": "Kebutuhan mendesak di unit asal",
                                                      "replacement_nip": replacement.nip})
    assert response.status_code == 302
    old = db.session.get(Placement, placement_id)
    new = db.session.get(Placement, last(Placement))
    assert old.status == "ditarik" and "mendesak" in old.recall_reason
    assert new.employee_id == replacement.id and new.replaces_id == old.id and new.host_name == old.host_name
    assert response.headers["Location"].endswith(f"{BASE}/{new.id}")
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "placement.recall"))
    assert audit is not None and "MG-12" in audit.summary
    assert world.atasan.post(f"{url}/tarik", data={"reason": "x"}).status_code == 403


# --------------------------------------------------------------------------- outcome


def test_the_final_evaluation_waits_for_praktik_reports_and_rapor_mg08_mg09(world):
    """MG-08: the final evaluation follows praktik and monitoring; MG-09: periodic reports, the
    final report and the host's rapor kinerja come first. The refusal lists what is missing."""
    early = world.running()
    response = world.finish(early)
    text = response.get_data(as_text=True)
    assert response.status_code == 422 and "Evaluasi akhir belum dapat dicatat" in text
    assert "belum selesai" in text and "(MG-08)" in text
    assert "laporan akhir peserta belum disampaikan (MG-09)" in text
    assert "rapor kinerja dari instansi penerima belum dicatat (MG-09)" in text
    placement = db.session.get(Placement, early)
    assert placement.status == "berjalan" and placement.ledger_entry_id is None
    ended = world.ended()
    text = world.finish(ended).get_data(as_text=True)
    assert "belum selesai" not in text and "laporan kinerja berkala periode 1" in text and "(MG-09)" in text
    world.reported(ended)
    assert world.finish(ended).status_code == 302
    assert db.session.get(Placement, ended).outcome == "lulus"


def test_lulus_credits_jp_issues_certificate_and_notes_reward_mg10(world):
    placement_id = world.completed()
    response = world.finish(placement_id)
    assert response.status_code == 302
    placement = db.session.get(Placement, placement_id)
    entry = db.session.get(LedgerEntry, placement.ledger_entry_id)
    assert (entry.mechanism, entry.activity_type, entry.role, int(entry.jp_claimed)) == ("magang", "magang",
                                                                                         "peserta", 40)
    certificate = db.session.get(Certificate, placement.certificate_id)
    assert certificate.employee_id == world.staff.id and certificate.programme_title.startswith("Magang")
    page = world.participant.get(f"{BASE}/{placement_id}").get_data(as_text=True)
    assert "Pelatihan singkat audit" in page and "Unduh sertifikat" in page
    assert world.participant.get(f"/sertifikat/{placement.certificate_id}/unduh").status_code == 200


def test_failed_within_control_blocks_every_programme_until_cleared_mg10(app, world):
    start = today() - dt.timedelta(days=500)
    placement_id = world.running(start=start)
    incomplete = world.finish(placement_id, outcome="tidak_lulus", cause="", cause_note="")
    assert incomplete.status_code == 422 and "faktor penyebab" in incomplete.get_data(as_text=True)
    final_on = start + dt.timedelta(weeks=12)
    response = world.finish(placement_id, outcome="tidak_lulus", cause="dalam_kendali", final_on=final_on.isoformat(),
                            cause_note="Sering tidak hadir tanpa keterangan", reward="")
    assert response.status_code == 302
    placement = db.session.get(Placement, placement_id)
    assert placement.ledger_entry_id is None and placement.certificate_id is None
    others = [slug for slug in ("komunitas", "coaching", "formal") if slug in registry_slugs(app)]
    for slug in ["magang", *others]:
        answer = _answer(app, world.staff, slug)
        assert answer.eligible is False, slug
        assert "MG-10" in answer.summary and "tidak hadir" in answer.summary
    staff_page = world.admin.get(f"/pegawai/{world.staff.id}").get_data(as_text=True)
    assert "Blokir program pengembangan" in staff_page and "MG-10" in staff_page
    eligibility_page = world.participant.get("/kelayakan").get_data(as_text=True)  # every mechanism's answer
    assert eligibility_page.count("Sering tidak hadir tanpa keterangan") >= len(["magang", *others])
    block_id = db.session.scalar(select(DevelopmentBlock.id))
    cleared = world.sdm.post(f"/penempatan/blokir/{block_id}/pulihkan",
                             data={"on_date": today().isoformat(), "note": "Evaluasi kinerja semester: baik"})
    assert cleared.status_code == 302
    for slug in ["magang", *others]:
        assert "MG-10" not in _answer(app, world.staff, slug).summary


def test_failed_outside_control_keeps_the_next_programme_open_mg10(app, world):
    placement_id = world.ended()
    response = world.finish(placement_id, outcome="tidak_lulus", cause="di_luar_kendali",
                            cause_note="Instansi penerima direstrukturisasi")
    assert response.status_code == 302
    assert db.session.scalar(select(DevelopmentBlock.id)) is None
    assert _answer(app, world.staff).eligible is not False


def registry_slugs(app) -> list[str]:
    with app.test_request_context():
        return registry().slugs()


# --------------------------------------------------------------------------- log, competency, needs


def test_every_stage_is_logged_and_competency_gained_updates_the_profile_mg11(world):
    placement_id = world.completed()
    world.finish(placement_id)
    url = f"{BASE}/{placement_id}"
    assert world.admin.post(f"{url}/kompetensi", data={"kompetensi": ""}).status_code == 422
    assert world.admin.post(f"{url}/kompetensi", data={"kompetensi": "Audit struktur jembatan"}).status_code == 302
    gained = db.session.scalar(select(EmployeeCompetency))
    assert (gained.employee_id, gained.kompetensi) == (world.staff.id, "Audit struktur jembatan")
    assert "Audit struktur jembatan" in world.admin.get(f"/pegawai/{world.staff.id}").get_data(as_text=True)
    log = [entry.step for entry in db.session.get(Placement, placement_id).log]
    assert log == ["kandidat", "rekomendasi", "penerima", "unit_ditinggalkan", "perjanjian", "jadwal", "mulai",
                   "laporan", "laporan", "laporan", "rapor", "evaluasi_akhir",
                   "sertifikat", "kompetensi"]
    assert "Log tahapan (MG-11)" in world.participant.get(url).get_data(as_text=True)


def test_needs_are_managed_by_the_hr_unit_together_with_the_participant_unit_mg13(world):
    assert world.participant.get(f"{BASE}/kebutuhan/baru").status_code == 403
    bad = world.admin.post(f"{BASE}/kebutuhan/baru", data={"unit_id": str(world.unit.id), "kompetensi": "Audit",
                                                          "basis": "", "akpk": "", "target": "Mampu"})
    assert bad.status_code == 422 and "G-02" in bad.get_data(as_text=True)
    assert 'value="Audit"' in bad.get_data(as_text=True)
    need_id = world.need(approve=False)
    preview = world.admin.get(f"{BASE}/kebutuhan/{need_id}?nip={world.staff.nip}", headers={"HX-Request": "true"})
    body = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "<html" not in body
    for rule in ("G-03", "MG-01", "MG-02", "MG-03"):
        assert rule in body  # every reason shown with its rule
    placement_id = world.nominate(need_id)
    world.prepare(placement_id)
    refused = world.admin.post(f"{BASE}/{placement_id}/mulai")
    assert refused.status_code == 422 and "disetujui unit SDM (MG-13)" in refused.get_data(as_text=True)
    assert world.admin.post(f"{BASE}/kebutuhan/{need_id}/setujui").status_code == 403
    assert world.sdm.post(f"{BASE}/kebutuhan/{need_id}/setujui").status_code == 302
    assert db.session.get(PlacementNeed, need_id).status == "disetujui"
    other = world.login(world.units["B"]["admin"])
    assert other.get(f"{BASE}/kebutuhan/{need_id}").status_code == 404
    assert other.post(f"{BASE}/kebutuhan/{need_id}/kandidat", data={"nip": world.staff.nip}).status_code == 404
    # A candidate from another unit is refused with the rule.
    foreign = world.admin.post(f"{BASE}/kebutuhan/{need_id}/kandidat",
                               data={"nip": world.units["B"]["staff"].nip})
    assert "MG-13" in flashes(world.admin.get(foreign.headers["Location"]))
    assert world.admin.post(f"{BASE}/{placement_id}/mulai").status_code == 302


def test_the_admin_does_not_make_itself_or_the_participant_the_placement_mentor(world):
    """A placement mentor writes the rapor kinerja (MG-09): authority from data, guarded like a
    granted role (portal.authority; docs/security.md)."""
    placement_id = world.nominate(world.need())
    url = f"{BASE}/{placement_id}/penerima"
    for mentor in (world.units["A"]["admin"], world.staff):
        response = world.admin.post(url, data=dict(HOST, mentor_nip=mentor.nip), follow_redirects=True)
        assert "tidak dapat menetapkan diri sendiri sebagai mentor" in flashes(response) or \
            "tidak dapat menetapkan diri sendiri sebagai mentor" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Placement, placement_id).mentor_employee_id is None
    assert world.admin.post(url, data=dict(HOST, mentor_nip=world.units["A"]["head"].nip)).status_code == 302
