"""Who may take part in magang (Lamp. A.5): MG-01, MG-02 and MG-03.

The core adds G-03 and the MG-10/PT-08 development block for every mechanism. ``context`` may
carry ``placement_id``, ``start_date`` and ``end_date`` (the core passes them once known).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from portal.sdk import Employee, Placement, Span, Verdict, add_span, db, tanggal, value_on
from portal_magang.kind import SLUG

MG01, MG02, MG03 = "MG-01", "MG-02", "MG-03"


def _setting(key: str, on_date: dt.date) -> int:
    return int(value_on(f"{SLUG}.{key}", on_date)[0])


def pppk_conditions(employee: Employee, on_date: dt.date, context: Mapping[str, object]) -> Verdict:
    """MG-01 for a PPPK: scarce expertise, long-term contract, needs upgrading, short internship."""
    failed, unknown = [], []
    if not employee.pppk_keahlian_langka:
        failed.append("keahliannya tidak tercatat sebagai keahlian yang terbatas di kalangan PNS")
    start, end = context.get("start_date"), context.get("end_date")
    contract_end = employee.pppk_kontrak_selesai
    months = _setting("pppk_kontrak_min_bulan", on_date)
    if contract_end is None:
        unknown.append("tanggal akhir kontrak PPPK belum tercatat")
    elif contract_end < add_span(end if isinstance(end, dt.date) else on_date, Span(months, "months")):
        failed.append(f"kontrak berakhir {tanggal(contract_end)}, bukan kontrak jangka panjang (sisa kurang "
                      f"dari {months} bulan setelah magang; pengaturan lokal)")
    if not any(gap.gap_level > 0 for gap in employee.gaps):
        failed.append("tidak tercatat kebutuhan upgrading/adaptasi kompetensi (kesenjangan hasil asesmen)")
    limit = _setting("pppk_magang_maks_bulan", on_date)
    if not (isinstance(start, dt.date) and isinstance(end, dt.date)):
        unknown.append("jadwal magang belum ditetapkan, sehingga belum dapat dinilai relatif singkat")
    elif end >= add_span(start, Span(limit, "months")):
        failed.append(f"magang {tanggal(start)} – {tanggal(end)} tidak relatif singkat (paling lama {limit} "
                      "bulan; pengaturan lokal)")
    if failed:
        return Verdict(False, MG01, "PPPK hanya dapat magang bila keempat syarat terpenuhi; " + "; ".join(failed)
                       + " (Lamp. A.5.a, MG-01).")
    if unknown:
        return Verdict(None, MG01, "Syarat PPPK belum dapat dinilai: " + "; ".join(unknown) + " (MG-01).")
    return Verdict(True, MG01, "PPPK dengan keahlian langka, kontrak jangka panjang, kebutuhan upgrading "
                               "kompetensi dan magang relatif singkat (MG-01).")


def mg01(employee: Employee, on_date: dt.date, context: Mapping[str, object]) -> Verdict:
    if employee.status_asn == "PNS":
        return Verdict(True, MG01, "PNS dapat mengikuti magang (MG-01).")
    if employee.status_asn == "PPPK":
        return pppk_conditions(employee, on_date, context)
    return Verdict(None, MG01, "Status ASN belum tercatat; magang untuk PNS, atau PPPK dengan syarat (MG-01).")


def mg02(employee: Employee) -> Verdict:
    if not employee.jenis_jabatan:
        return Verdict(None, MG02, "Jenis jabatan pegawai belum tercatat (MG-02).")
    return Verdict(True, MG02, f"Semua jenis jabatan dapat magang sesuai kebutuhan kompetensi; jabatan "
                               f"{employee.jenis_jabatan_label.lower()} (MG-02).")


def mg03(employee: Employee, context: Mapping[str, object]) -> Verdict:
    placement_id = context.get("placement_id")
    placement = db.session.get(Placement, placement_id) if isinstance(placement_id, int) else None
    if placement is not None and placement.employee_id == employee.id and placement.endorsement:
        return Verdict(True, MG03, "Atasan langsung merekomendasikan pegawai sebagai yang terbaik di bidangnya "
                                   "dengan basis kompetensi terkait (MG-03).")
    return Verdict(None, MG03, "Rekomendasi atasan langsung (kualifikasi terbaik di bidangnya, basis kompetensi "
                               "terkait) belum ada; diberikan setelah pegawai diusulkan sebagai kandidat (MG-03).")


def verdicts(employee: Employee, mechanism: str, on_date: dt.date, context: Mapping[str, object]) -> list[Verdict]:
    if mechanism != SLUG:
        return []
    return [mg01(employee, on_date, context), mg02(employee), mg03(employee, context)]
