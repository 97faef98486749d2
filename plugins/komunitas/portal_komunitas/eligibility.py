"""Eligibility verdicts where a KB rule applies (``portal_check_eligibility``)."""

from __future__ import annotations

from portal.sdk import Employee, Verdict
from portal_komunitas import rules
from portal_komunitas.jp import SLUG


def verdicts(employee: Employee, mechanism: str, context) -> list[Verdict]:
    """KB-02 for the employee's unit as organiser (context ``role == "penyelenggara"`` or
    always, as information), KB-07 for material authors (a JPT Pratama must exist)."""
    if mechanism != SLUG:
        return []
    role = (context or {}).get("role")
    found = []
    if role in (None, "penyelenggara", "koordinator"):
        refusal = rules.organiser_refusal(employee.unit)
        if refusal and role is not None:
            found.append(Verdict(False, "KB-02", refusal))
        elif refusal is None:
            found.append(Verdict(True, "KB-02", f"{employee.unit.nama} ({employee.unit.eselon_label}) "
                                 "dapat menjadi penyelenggara komunitas belajar (KB-02)."))
    if role == "penulis":
        if rules.jpt_pratama_of(employee.unit) is None:
            found.append(Verdict(None, "KB-07", "Unit pegawai belum mempunyai JPT Pratama "
                                 "(pimpinan unit eselon II) untuk menyetujui bahan (KB-07)."))
        else:
            found.append(Verdict(True, "KB-07", "Bahan disetujui JPT Pratama unit pegawai (KB-07)."))
    return found
