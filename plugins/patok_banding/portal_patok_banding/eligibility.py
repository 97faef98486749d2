"""Eligibility verdicts where the circular sets a rule for patok banding (``portal_check_eligibility``).

Lamp. C names no personal requirement beyond G-03 (checked by the core): a participant is the
employee the HR unit selected and assigned (Tabel 5 steps 5–9, PB-02). That is judged when the
caller names the programme (``context["program_id"]``); without it nothing of ours applies.
"""

from __future__ import annotations

from portal.sdk import Employee, Verdict, db
from portal_patok_banding.jp import SLUG
from portal_patok_banding.models import PBProgram
from portal_patok_banding.steps import PB02


def verdicts(employee: Employee, mechanism: str, context) -> list[Verdict]:
    if mechanism != SLUG:
        return []
    raw = (context or {}).get("program_id")
    if raw is None:
        return []
    program = db.session.get(PBProgram, raw) if isinstance(raw, int) else None
    if program is None:
        return [Verdict(None, PB02, "Kegiatan patok banding tidak ditemukan; tidak dapat menilai "
                        f"penugasan ({PB02}).")]
    person = next((p for p in program.participants if p.employee_id == employee.id), None)
    if person is None or not person.lolos:
        return [Verdict(False, PB02, f"{employee.nama} tidak lolos seleksi administrasi patok "
                        f"banding {program.judul} (Tabel 5 langkah 5, {PB02}).")]
    if not program.assigned:
        return [Verdict(None, PB02, "Pegawai lolos seleksi administrasi; surat penugasan belum "
                        f"diterbitkan (Tabel 5 langkah 8, {PB02}).")]
    return [Verdict(True, PB02, f"Pegawai ditugaskan sebagai peserta patok banding dengan surat "
                    f"penugasan nomor {program.nomor_surat_penugasan} ({PB02}).")]
