"""Who may join a pertukaran, through the core's eligibility check and the nomination page:
a Hi-Po PNS in a JF Ahli Madya position is eligible; a PPPK (PT-01), a pelaksana (PT-02) and a
non-Hi-Po (PT-03) are not, each with the rule cited."""

from __future__ import annotations

from pertukaran_helpers import BASE, last_id

from portal.sdk import Placement, db, today
from portal.sdk import check_eligibility as check


def denied(answer) -> dict[str, str]:
    return {v.rule_id: v.message for v in answer.verdicts if v.allow is False}


def test_hipo_pns_in_jf_ahli_madya_is_eligible_pt01_pt02_pt03(world):
    answer = check(world.hipo, "pertukaran", today())
    assert answer.eligible is True
    allowed = {v.rule_id for v in answer.verdicts if v.allow is True}
    assert {"PT-01", "PT-02", "PT-03"} <= allowed


def test_pppk_is_not_eligible_pt01(world):
    answer = check(world.pppk, "pertukaran", today())
    assert answer.eligible is False
    assert set(denied(answer)) == {"PT-01"}
    assert "PPPK tidak dapat" in denied(answer)["PT-01"]


def test_non_hipo_is_not_eligible_pt03(world):
    answer = check(world.biasa, "pertukaran", today())
    assert answer.eligible is False
    assert "PT-03" in denied(answer) and "Hi-Po" in denied(answer)["PT-03"]
    assert "PT-01" not in denied(answer) and "PT-02" not in denied(answer)


def test_pelaksana_and_lower_jf_levels_are_not_eligible_pt02(world, people):
    for jenis, jenjang in (("pelaksana", "Pelaksana"), ("fungsional", "Ahli Pertama")):
        employee = people.person(world.unit, nama=f"Pegawai {jenjang}", hipo=True, jenis_jabatan=jenis,
                                 jenjang=jenjang)
        assert set(denied(check(employee, "pertukaran", today()))) == {"PT-02"}


def test_a_jf_ahli_muda_takes_part_only_with_admin_sdms_recorded_decision_pt02(world, people):
    """PT-02 reads "kemungkinan hanya" middle/top JF: Ahli Muda is not hard-refused."""
    muda = people.person(world.unit, nama="Pegawai Ahli Muda", hipo=True, jenis_jabatan="fungsional",
                         jenjang="Ahli Muda", jabatan="Analis Ahli Muda")
    answer = check(muda, "pertukaran", today())
    assert answer.eligible is None and not denied(answer)
    need = world.need()
    refused = world.admin.post(f"{BASE}/kebutuhan/{need.id}/kandidat",
                               data={"nip": muda.nip, "alasan_kelayakan": "Dibutuhkan unit"})
    assert refused.status_code == 302 and last_id(Placement) is None  # an admin_unit cannot decide it
    decided = world.sdm.post(f"{BASE}/kebutuhan/{need.id}/kandidat",
                             data={"nip": muda.nip, "alasan_kelayakan": "Keputusan admin SDM: kompetensi langka"})
    assert decided.status_code == 302
    placement = db.session.get(Placement, last_id(Placement))
    assert placement.employee_id == muda.id


def test_missing_jf_level_cannot_be_decided_pt02(world, people):
    employee = people.person(world.unit, nama="Tanpa Jenjang", hipo=True, jenis_jabatan="fungsional", jenjang="")
    answer = check(employee, "pertukaran", today())
    assert answer.eligible is None
    (undecided,) = [v for v in answer.verdicts if v.allow is None]
    assert undecided.rule_id == "PT-02" and "Jenjang jabatan fungsional" in undecided.message


def test_nominating_a_pppk_is_refused_with_pt01(world):
    need = world.need()
    before = last_id(Placement)
    response = world.nominate(need, world.pppk)
    assert response.status_code == 302 and f"/kebutuhan/{need.id}" in response.headers["Location"]
    page = world.admin.get(response.headers["Location"]).get_data(as_text=True)
    assert "PT-01" in page and "PPPK" in page
    assert last_id(Placement) == before
    assert db.session.query(Placement).filter_by(employee_id=world.pppk.id).count() == 0


def test_need_page_shows_every_pertukaran_verdict_for_a_candidate(world):
    need = world.need()
    page = world.admin.get(f"{BASE}/kebutuhan/{need.id}?nip={world.biasa.nip}").get_data(as_text=True)
    assert "PT-03" in page and "Hi-Po" in page
