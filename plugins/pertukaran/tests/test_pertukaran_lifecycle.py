"""The pertukaran lifecycle on the core's generic /penempatan/pertukaran pages, one test per
rule the kind declares: PT-04 duration, PT-05 partner/variant/counterpart, PT-06 agreement,
PT-07 stages and progress reports, PT-08 outcome (JP + certificate, or the block), PT-09."""

from __future__ import annotations

import datetime as dt
import io

from pertukaran_helpers import BASE, agreement_data, fresh, host_data, last_id

from portal.sdk import DevelopmentBlock, LedgerEntry, Placement, Span, add_span, db, tanggal, today
from portal.sdk import check_eligibility as check


def body(response) -> str:
    return response.get_data(as_text=True)


# --------------------------------------------------------------------------- PT-05

def test_pertukaran_partner_must_be_one_of_the_partner_types_pt05(world):
    placement = world.candidate()
    response = world.post(placement, "penerima", host_data(host_type="kedutaan", host_name="Mitra Ketik"))
    assert response.status_code == 422
    assert "PT-05" in body(response) and "Mitra Ketik" in body(response)  # what was typed is kept
    assert fresh(Placement, placement.id).host_name == ""


def test_pertukaran_variant_is_komunikatif_or_keunggulan_pt05(world):
    placement = world.candidate()
    response = world.post(placement, "penerima", host_data(variant="magang"))
    assert response.status_code == 422 and "PT-05" in body(response)
    assert world.post(placement, "penerima", host_data(variant="komunikatif")).status_code == 302
    assert fresh(Placement, placement.id).variant == "komunikatif"


def test_two_way_exchange_records_the_partner_employee_pt05(world):
    placement = world.candidate()
    response = world.post(placement, "penerima", host_data(approach="dua_arah", approach_detail=""))
    assert response.status_code == 422 and "PT-05" in body(response)
    assert world.post(placement, "penerima", host_data()).status_code == 302
    saved = fresh(Placement, placement.id)
    assert (saved.approach, saved.approach_detail) == ("dua_arah", "Rina Kartika, PT SMI, Manajer Proyek")
    assert "Rina Kartika" in body(world.admin.get(f"{BASE}/{placement.id}"))
    assert world.post(placement, "penerima", host_data(approach="satu_arah")).status_code == 302
    assert fresh(Placement, placement.id).approach_detail == ""


# --------------------------------------------------------------------------- PT-09

def test_host_restriction_of_position_authorities_is_recorded_pt09(world):
    placement = world.candidate()
    assert world.post(placement, "penerima", host_data()).status_code == 302
    assert fresh(Placement, placement.id).extras["kewenangan_dibatasi"] == "Tidak menandatangani kontrak."
    page = body(world.admin.get(f"{BASE}/{placement.id}"))
    assert "Kewenangan jabatan yang dibatasi instansi mitra" in page and "Tidak menandatangani kontrak." in page


# --------------------------------------------------------------------------- PT-04

def test_pertukaran_lasts_at_least_one_month_pt04(world):
    placement = world.candidate()
    start = today()
    response = world.schedule(placement, start, start + dt.timedelta(days=20))
    assert response.status_code == 422 and "PT-04" in body(response) and "1 bulan" in body(response)
    assert world.schedule(placement, start, add_span(start, Span(1, "months"))).status_code == 302


def test_pertukaran_over_one_year_needs_a_justification_approved_by_admin_sdm_pt04(world):
    placement = world.prepared()
    start = placement.start_date
    end = add_span(start, Span(18, "months"))
    response = world.schedule(placement, start, end)
    assert response.status_code == 422 and "PT-04" in body(response)
    assert world.schedule(placement, start, end, justification="Misi strategis dua siklus anggaran.").status_code == 302
    assert fresh(Placement, placement.id).justification_status == "menunggu"
    refused = world.post(placement, "mulai", {})
    assert refused.status_code == 422 and "PT-04" in body(refused) and "justifikasi" in body(refused)
    assert world.post(placement, "justifikasi", {"decision": "setujui", "note": ""}).status_code in (403, 404)
    assert fresh(Placement, placement.id).justification_status == "menunggu"  # only admin SDM decides
    assert world.post(placement, "justifikasi", {"decision": "setujui", "note": "Sesuai misi."},
                      client=world.sdm).status_code == 302
    assert world.post(placement, "mulai", {}).status_code == 302
    assert fresh(Placement, placement.id).status == "berjalan"


def test_pertukaran_never_longer_than_two_years_pt04(world):
    placement = world.candidate()
    start = today()
    response = world.schedule(placement, start, add_span(start, Span(25, "months")),
                              justification="Misi strategis.")
    assert response.status_code == 422 and "2 tahun" in body(response) and "PT-04" in body(response)
    assert fresh(Placement, placement.id).start_date is None


# --------------------------------------------------------------------------- PT-06

def test_no_start_until_the_agreement_is_complete_and_signed_pt06(world):
    placement = world.candidate()
    start = today() - dt.timedelta(days=10)
    assert world.post(placement, "penerima", host_data()).status_code == 302
    assert world.post(placement, "unit-ditinggalkan", {"continuity_note": "Pelaksana harian"}).status_code == 302
    assert world.schedule(placement, start, start + dt.timedelta(days=60)).status_code == 302
    partial = agreement_data(with_file=False, element_koordinator="")
    assert world.post(placement, "perjanjian", partial).status_code == 302
    refused = world.post(placement, "mulai", {})
    assert refused.status_code == 422
    text = body(refused)
    assert "PT-06" in text and "Koordinator di masing-masing instansi" in text and "ditandatangani" in text
    assert fresh(Placement, placement.id).status == "persiapan"
    assert world.post(placement, "perjanjian", agreement_data()).status_code == 302
    assert world.post(placement, "mulai", {}).status_code == 302
    assert fresh(Placement, placement.id).status == "berjalan"
    pdf = world.admin.get(f"{BASE}/{placement.id}/perjanjian.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_signed_agreement_must_be_a_pdf_pt06(world):
    placement = world.candidate()
    data = agreement_data(with_file=False)
    data["dokumen"] = (io.BytesIO(b"MZ not a pdf"), "pks.pdf")
    response = world.post(placement, "perjanjian", data)
    assert response.status_code == 422 and "PT-06" in body(response)
    assert fresh(Placement, placement.id).agreement_file_id is None


# --------------------------------------------------------------------------- PT-07

def test_pembekalan_and_orientasi_three_days_each_then_praktik_pt07(world):
    placement = world.prepared()
    start = placement.start_date
    page = body(world.admin.get(f"{BASE}/{placement.id}"))
    assert "Pembekalan oleh instansi pengirim" in page and "Orientasi oleh instansi mitra" in page
    assert "Praktik pertukaran di instansi mitra" in page
    assert tanggal(start + dt.timedelta(days=2)) in page  # pembekalan ends on day 3
    assert tanggal(start + dt.timedelta(days=5)) in page  # orientasi ends on day 6


def test_participant_sends_periodic_progress_reports_pt07(world):
    placement = world.running()
    participant = world.login(world.hipo)
    assert world.post(placement, "laporan", {"period_no": "1", "content": "Progres bulan pertama."},
                      client=participant).status_code == 302
    assert [r.period_no for r in fresh(Placement, placement.id).reports] == [1]
    other = world.post(placement, "laporan", {"period_no": "1", "content": "Bukan saya."}, client=world.admin)
    assert other.status_code == 422 and "PT-07" in body(other)


# --------------------------------------------------------------------------- PT-08

def finish(world, placement, **values):
    data = {"method": "presentasi", "final_on": today().isoformat(), "outcome": "lulus", "score": "85",
            "notes": "Presentasi hasil.", "reward": "Pelatihan singkat."}
    data.update(values)
    return world.post(placement, "evaluasi-akhir", data)


def test_the_final_evaluation_waits_for_the_end_of_praktik_the_reports_and_the_rapor_pt07(world):
    """PT-07: the final evaluation follows praktik; reports and the host's rapor come first."""
    placement = world.running()
    refused = finish(world, placement)
    assert refused.status_code == 422 and "Evaluasi akhir belum dapat dicatat" in body(refused)
    for missing in ("belum selesai", "laporan kinerja berkala periode 1", "laporan akhir peserta",
                    "rapor kinerja dari instansi penerima"):
        assert missing in body(refused), missing
    assert fresh(Placement, placement.id).status == "berjalan"


def test_passed_pertukaran_gets_jp_and_a_certificate_pt08(world):
    placement = world.completed()
    response = finish(world, placement)
    assert response.status_code == 302
    done = fresh(Placement, placement.id)
    assert (done.status, done.outcome) == ("selesai", "lulus")
    entry = db.session.get(LedgerEntry, done.ledger_entry_id)
    assert (entry.mechanism, entry.activity_type, entry.role) == ("pertukaran", "pertukaran", "peserta")
    assert entry.jp_counted == 40 and entry.rule_id == "G-06"
    assert done.certificate_id is not None


def test_failed_within_control_blocks_every_further_development_pt08(world):
    placement = world.completed()
    response = finish(world, placement, outcome="tidak_lulus", cause="dalam_kendali", cause_note="Mangkir.")
    assert response.status_code == 302
    (block,) = db.session.query(DevelopmentBlock).filter_by(employee_id=world.hipo.id).all()
    assert block.rule_id == "PT-08"
    answer = check(world.hipo, "pertukaran", today())
    assert answer.eligible is False
    assert any(v.rule_id == "PT-08" and v.allow is False for v in answer.verdicts)
    assert fresh(Placement, placement.id).ledger_entry_id is None
    blocks = body(world.sdm.get("/penempatan/blokir"))
    assert "Dewi Hipo" in blocks and "PT-08" in blocks  # cleared there by admin SDM (core)


def test_failed_outside_control_does_not_block_pt08(world):
    placement = world.completed()
    refused = finish(world, placement, outcome="tidak_lulus", cause="", cause_note="")
    assert refused.status_code == 422 and "PT-08" in body(refused)
    assert finish(world, placement, outcome="tidak_lulus", cause="di_luar_kendali",
                  cause_note="Bencana di lokasi mitra.").status_code == 302
    assert db.session.query(DevelopmentBlock).filter_by(employee_id=world.hipo.id).count() == 0
    assert check(world.hipo, "pertukaran", today()).eligible is True


# --------------------------------------------------------------------------- row level

def test_another_units_admin_gets_404_for_forged_ids(world):
    placement = world.prepared()
    other = world.login(world.units["B"]["admin"])
    assert other.get(f"{BASE}/{placement.id}").status_code == 404
    assert world.post(placement, "mulai", {}, client=other).status_code == 404
    assert other.get(f"{BASE}/{placement.id}/perjanjian.pdf").status_code == 404
    assert fresh(Placement, placement.id).status == "persiapan"
    assert last_id(Placement) == placement.id
