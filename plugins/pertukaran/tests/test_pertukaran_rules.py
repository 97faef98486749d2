"""PT-01…PT-03 (Lamp. B.1 "Kualifikasi pegawai") read from the employee record, and the kind's
declared rules (PT-04…PT-09) as the core will enforce them."""

from __future__ import annotations

import datetime as dt

import pytest
from portal_pertukaran import rules
from portal_pertukaran.jp import compute
from portal_pertukaran.kind import KIND

from portal.sdk import Employee, Participation

ON = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def context(app):
    with app.app_context():
        yield


def employee(**values) -> Employee:
    data = {"status_asn": "PNS", "jenis_jabatan": "fungsional", "jenjang": "Ahli Madya", "hipo": True}
    data.update(values)
    return Employee(nip="198001012005011001", nama="Pegawai", **data)


def by_rule(found, rule_id):
    (verdict,) = [v for v in found if v.rule_id == rule_id]
    return verdict


def test_pertukaran_is_for_pns_only_pt01():
    assert rules.pns_only(employee()).allow is True
    refused = rules.pns_only(employee(status_asn="PPPK"))
    assert refused.allow is False and refused.rule_id == "PT-01"
    assert "PPPK tidak dapat" in refused.message and "(Lamp. B.1.a, PT-01)" in refused.message


def test_pertukaran_pt01_cannot_decide_without_status_asn():
    verdict = rules.pns_only(employee(status_asn=""))
    assert verdict.allow is None and "belum tercatat" in verdict.message and "PT-01" in verdict.message


@pytest.mark.parametrize("jenis, jenjang, allow", [
    ("struktural", "Administrator", True),
    ("struktural", "", True),
    ("fungsional", "Ahli Madya", True),
    ("fungsional", "ahli  utama", True),
    ("fungsional", "Ahli Muda", None),  # only with admin SDM's recorded decision
    ("fungsional", "Ahli Pertama", False),
    ("fungsional", "Penyelia", False),
    ("pelaksana", "Pelaksana", False),
])
def test_pertukaran_is_for_managerial_and_middle_top_jf_positions_pt02(jenis, jenjang, allow):
    verdict = rules.position(employee(jenis_jabatan=jenis, jenjang=jenjang), ON)
    assert verdict.allow is allow and verdict.rule_id == "PT-02"
    assert "PT-02" in verdict.message


def test_pertukaran_pt02_cannot_decide_without_jf_level_or_position_type():
    no_level = rules.position(employee(jenis_jabatan="fungsional", jenjang=" "), ON)
    assert no_level.allow is None and "Jenjang jabatan fungsional" in no_level.message
    no_type = rules.position(employee(jenis_jabatan=""), ON)
    assert no_type.allow is None and "Jenis jabatan" in no_type.message


def test_pt02_jf_levels_are_a_setting_of_admin_sdm_not_a_constant():
    """PT-02 reads "kemungkinan hanya" middle/top JF: the levels are a versioned setting."""
    from portal.sdk import add_version, db

    muda = employee(jenis_jabatan="fungsional", jenjang="Ahli Muda")
    assert rules.position(muda, ON).allow is None
    assert "keputusan admin SDM" in rules.position(muda, ON).message
    add_version("pertukaran.pt02_jenjang_jf", "Ahli Muda, Ahli Madya, Ahli Utama", ON, "Keputusan SDM", None)
    db.session.commit()
    assert rules.position(muda, ON).allow is True
    assert rules.position(muda, ON - dt.timedelta(days=1)).allow is None  # versioned from its date


def test_pertukaran_is_for_hipo_only_pt03():
    assert rules.hipo_only(employee()).allow is True
    refused = rules.hipo_only(employee(hipo=False))
    assert refused.allow is False and "Hi-Po" in refused.message and "PT-03" in refused.message
    assert rules.hipo_only(employee(hipo=None)).allow is None


def test_every_qualification_rule_answers_at_once():
    found = rules.verdicts(employee(status_asn="PPPK", jenis_jabatan="pelaksana", hipo=False), ON)
    assert [v.rule_id for v in found] == ["PT-01", "PT-02", "PT-03"]
    assert all(v.allow is False for v in found)


def test_pertukaran_duration_is_one_month_to_one_year_or_two_with_justification_pt04():
    assert KIND.rules.duration == "PT-04"
    assert (KIND.min_duration.label, KIND.max_duration.label, KIND.extended_max.label) == (
        "1 bulan", "1 tahun", "2 tahun")


def test_pertukaran_partners_and_variants_pt05():
    assert KIND.rules.host == KIND.rules.variant == "PT-05"
    assert {c.key for c in KIND.host_types} == {"internal", "instansi", "swasta", "bumn", "bumd", "lainnya"}
    assert {c.key for c in KIND.loci} == {"nasional", "internasional"}
    assert [c.key for c in KIND.variants] == ["komunikatif", "keunggulan"]
    two_way = next(c for c in KIND.approaches if c.key == "dua_arah")
    assert "Pegawai mitra" in two_way.detail_label  # the counterpart employee is recorded


def test_pertukaran_agreement_holds_the_seven_elements_pt06():
    assert KIND.rules.agreement == "PT-06"
    assert [e.key for e in KIND.agreement_elements] == [
        "target", "durasi", "jabatan", "koordinator", "hak_kewajiban", "wanprestasi", "kahar"]


def test_pertukaran_stages_pembekalan_and_orientasi_three_days_then_praktik_pt07():
    assert KIND.rules.stage == KIND.rules.monitoring == "PT-07"
    assert [(s.key, s.days) for s in KIND.stages] == [("pembekalan", 3), ("orientasi", 3), ("praktik", None)]


def test_pertukaran_outcome_cites_pt08_and_host_restrictions_pt09():
    assert KIND.rules.outcome == "PT-08"
    (restricted,) = KIND.extra_fields
    assert (restricted.key, restricted.rule_id, restricted.required) == ("kewenangan_dibatasi", "PT-09", False)


def test_jp_comes_from_the_open_setting():
    p = Participation(1, "pertukaran", "pertukaran", "peserta", dt.date(2026, 1, 5),
                      "Pertukaran", "placement:1")
    result = compute(p, {"jp_peserta": 36})
    assert (result.jp, result.rule_id) == (36, "G-06")
    assert compute(Participation(1, "magang", "magang", "peserta", p.on_date, "M", "placement:2"),
                   {"jp_peserta": 36}) is None
