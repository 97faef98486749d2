"""The core's own eligibility rules: G-03 and "the mechanism is on for the employee's unit".

G-03 (SE 07/SE/KM/2023 §L.III): a participant is an ASN of the ministry **and** has a
performance/competency gap from assessment **and/or** talent potential (Hi-Po) for career
development.

Missing versus none: assessment results come in from the ministry's assessments (issue 20,
``portal.assessments``) and keep the current gaps (``EmployeeGap``) in step. No current gap
and no Hi-Po flag is a deny only when every standard (teknis, manajerial, sosial kultural) was
assessed; otherwise it is "cannot decide yet" (issue 14) and the message names the standards
without a result: the approver of a join step sees it and may proceed only by recording why
(:func:`portal.eligibility.gate.require_eligible`, audited). A hard deny of G-03 is also an
employee who is no longer an ASN of the ministry.
"""

from __future__ import annotations

import datetime as dt

from portal.assessments.results import assessed_standards
from portal.eligibility.answer import SWITCH_RULE
from portal.i18n import tanggal
from portal.mechanisms.catalogue import mechanism_title
from portal.mechanisms.switches import is_enabled
from portal.models import Employee
from portal.models.employee import GAP_STANDARD_LABELS, GAP_STANDARDS, STATUS_ASN
from portal.plugins import registry
from portal.types import Verdict

G03 = "G-03"


def asn_status(employee: Employee, on_date: dt.date) -> Verdict:
    """G-03, first half: an ASN (PNS or PPPK) of the ministry on ``on_date``."""
    if employee.status_asn not in STATUS_ASN:
        return Verdict(None, G03, "Status ASN pegawai (PNS/PPPK) belum tercatat; "
                                  "status ASN diperlukan untuk menilai syarat peserta (G-03).")
    end = employee.pppk_kontrak_selesai
    if employee.status_asn == "PPPK" and end is not None and end < on_date:
        return Verdict(False, G03, f"Kontrak PPPK berakhir {tanggal(end)}; pada {tanggal(on_date)} "
                                   "pegawai bukan lagi ASN Kementerian (G-03).")
    return Verdict(True, G03, f"Pegawai ASN ({employee.status_asn}) Kementerian (G-03).")


def gap_or_talent(employee: Employee) -> Verdict:
    """G-03, second half: an assessment gap and/or Hi-Po talent potential."""
    gaps = [gap for gap in employee.gaps if gap.gap_level > 0]
    found = []
    if gaps:
        named = ", ".join(f"{gap.standard_label} – {gap.kompetensi}" for gap in gaps[:3])
        more = f" dan {len(gaps) - 3} lainnya" if len(gaps) > 3 else ""
        found.append(f"memiliki kesenjangan kompetensi hasil asesmen ({named}{more})")
    if employee.hipo:
        found.append("berstatus Hi-Po (potensi talenta untuk pengembangan karier)")
    if found:
        return Verdict(True, G03, "Pegawai " + " dan ".join(found) + " (G-03).")
    return _without_gap(employee)


def _without_gap(employee: Employee) -> Verdict:
    """No current gap and no Hi-Po: a deny when every standard was assessed (the assessment
    results, issue 20), else "cannot decide yet" naming the standards without a result."""
    assessed = assessed_standards(employee.id)
    missing = [GAP_STANDARD_LABELS[s] for s in GAP_STANDARDS if s not in assessed]
    if not missing:
        last = tanggal(max(assessed.values()))
        return Verdict(False, G03, "Hasil asesmen terakhir (standar teknis, manajerial, dan "
                                   f"sosial kultural; terakhir {last}) tidak menunjukkan "
                                   "kesenjangan kompetensi dan pegawai bukan Hi-Po; peserta "
                                   "pengembangan harus memiliki salah satunya (G-03).")
    what = ("hasil asesmen kompetensi" if len(missing) == len(GAP_STANDARDS)
            else "hasil asesmen standar " + ", ".join(missing).lower())
    return Verdict(None, G03, f"Belum tercatat {what}, dan pegawai bukan Hi-Po; peserta "
                              "pengembangan harus memiliki kesenjangan kompetensi atau "
                              "berstatus Hi-Po (G-03). Yang kurang: " + ", ".join(
                                  f"asesmen {name.lower()}" for name in missing)
                   + ". Minta admin mencatat hasil asesmennya.")


def mechanism_available(employee: Employee, slug: str) -> Verdict:
    """The mechanism's plugin is installed and switched on for the employee's unit."""
    title = mechanism_title(slug)
    if slug not in registry().slugs():
        return Verdict(False, SWITCH_RULE, f"Mekanisme {title} belum terpasang di portal.")
    if not is_enabled(slug, employee.unit):
        return Verdict(False, SWITCH_RULE, f"Mekanisme {title} tidak aktif untuk unit Anda "
                                           f"({employee.unit.nama}).")
    return Verdict(True, SWITCH_RULE, f"Mekanisme {title} aktif untuk unit {employee.unit.nama}.")


def verdicts(employee: Employee, slug: str, on_date: dt.date) -> list[Verdict]:
    return [mechanism_available(employee, slug), asn_status(employee, on_date),
            gap_or_talent(employee)]
