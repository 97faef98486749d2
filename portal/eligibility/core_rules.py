"""The core's own eligibility rules: G-03 and "the mechanism is on for the employee's unit".

G-03 (SE 07/SE/KM/2023 §L.III): a participant is an ASN of the ministry **and** has a
performance/competency gap from assessment **and/or** talent potential (Hi-Po) for career
development.

Missing versus none: the portal stores assessment gaps as ``EmployeeGap`` rows and has no
record of *whether* an employee was assessed, so "no gap rows" cannot be told apart from "gap
data never imported". We therefore treat no gap rows and no Hi-Po flag as a **deny** (the
rule's condition is not shown to hold) and say in the message how to fix missing data; we do
not answer "cannot decide" for it. Should the employee data gain an assessment date, an
employee without one becomes "cannot decide" here.
"""

from __future__ import annotations

import datetime as dt

from portal.eligibility.answer import SWITCH_RULE
from portal.i18n import tanggal
from portal.ledger.catalogue import mechanism_title
from portal.mechanisms.switches import is_enabled
from portal.models import Employee
from portal.models.employee import STATUS_ASN
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
    return Verdict(False, G03, "Tidak tercatat kesenjangan kompetensi hasil asesmen dan pegawai "
                               "bukan Hi-Po; peserta pengembangan harus memiliki salah satunya "
                               "(G-03). Bila hasil asesmen belum dicatat, minta admin mencatat "
                               "kesenjangan kompetensinya.")


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
