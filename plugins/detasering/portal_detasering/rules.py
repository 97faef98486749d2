"""Who may be seconded (Lamp. D): DT-01 — detasering is the assignment of a **PNS**.

"Pembelajaran melalui detasering adalah penugasan atau penempatan PNS pada suatu tempat untuk
jangka waktu tertentu …": a PPPK is refused with the rule. The match of potential and
competency to the position is recorded with the assignment (``kind.EXTRAS``), not guessed.
"""

from __future__ import annotations

from portal.sdk import Employee, Verdict

DT01 = "DT-01"


def pns_only(employee: Employee) -> Verdict:
    """DT-01: only a PNS is placed in a position elsewhere; a PPPK is refused."""
    if employee.status_asn == "PNS":
        return Verdict(True, DT01, "Pegawai berstatus PNS dapat ditugaskan melalui detasering "
                                   "(Lamp. D, DT-01).")
    if employee.status_asn == "PPPK":
        return Verdict(False, DT01, "Detasering adalah penugasan PNS; PPPK tidak dapat "
                                    "ditugaskan melalui detasering (Lamp. D, DT-01).")
    return Verdict(None, DT01, "Status ASN pegawai (PNS/PPPK) belum tercatat; detasering hanya "
                               "untuk PNS (DT-01).")


def verdicts(employee: Employee) -> list[Verdict]:
    return [pns_only(employee)]
