"""DT-01 (Lamp. D) read from the employee record, and the kind's declaration as the core will
enforce it: set period with start and end, competency match, knowledge transfer, closing report."""

from __future__ import annotations

import datetime as dt

from portal_detasering import rules
from portal_detasering.jp import compute
from portal_detasering.kind import KIND

from portal.sdk import Employee, Participation


def employee(**values) -> Employee:
    data = {"status_asn": "PNS", "jenis_jabatan": "fungsional", "jenjang": "Ahli Muda", "hipo": False}
    data.update(values)
    return Employee(nip="198001012005011001", nama="Pegawai", **data)


def test_detasering_is_the_assignment_of_a_pns_dt01():
    assert rules.pns_only(employee()).allow is True
    refused = rules.pns_only(employee(status_asn="PPPK"))
    assert refused.allow is False and refused.rule_id == "DT-01"
    assert "PPPK tidak dapat" in refused.message and "DT-01" in refused.message


def test_detasering_cannot_decide_without_status_asn_dt01():
    verdict = rules.pns_only(employee(status_asn=""))
    assert verdict.allow is None and "belum tercatat" in verdict.message


def test_detasering_needs_a_set_period_without_a_circular_maximum_dt01():
    assert KIND.rules.duration == "DT-01"
    assert KIND.max_duration is None and KIND.extended_max is None
    assert KIND.min_duration.label == "1 hari"  # start and end both required, end not before start


def test_detasering_records_competency_match_and_knowledge_transfer_dt01():
    extras = {f.key: f for f in KIND.extra_fields}
    match = extras["kesesuaian_kompetensi"]
    assert (match.phase, match.required, match.rule_id) == ("rencana", True, "DT-01")
    closing = extras["laporan_alih_pengetahuan"]
    assert (closing.phase, closing.required, closing.rule_id) == ("penutupan", True, "DT-01")
    assert "tujuan_alih" in {e.key for e in KIND.agreement_elements}
    assert KIND.rules.agreement == KIND.rules.host == KIND.rules.monitoring == KIND.rules.outcome == "DT-01"


def test_detasering_jp_comes_from_the_open_setting():
    p = Participation(1, "detasering", "detasering", "peserta", dt.date(2026, 1, 5), "D", "placement:1")
    result = compute(p, {"jp_peserta": 30})
    assert (result.jp, result.rule_id) == (30, "G-06")
    assert compute(Participation(1, "pertukaran", "pertukaran", "peserta", p.on_date, "P", "placement:2"),
                   {"jp_peserta": 30}) is None
