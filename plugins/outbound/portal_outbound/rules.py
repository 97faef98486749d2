"""The rule checks made before a change; each refusal names its rule ID (Indonesian text)."""

from __future__ import annotations

import datetime as dt

from portal.sdk import MIN_YEAR, Employee, require_eligible, today
from portal_outbound.jp import ACTIVITIES, GOALS, ROLE, SLUG
from portal_outbound.models import OutboundProgramme


def design_refusal(tujuan: list[str], kegiatan: list[str]) -> str | None:
    """OB-01: learning by games, simulation, discussion and/or adventure, aimed at the goals of
    Lamp. E — a programme names at least one of each."""
    if not kegiatan or any(key not in ACTIVITIES for key in kegiatan):
        return ("Pilih sedikitnya satu metode: permainan, simulasi, diskusi atau petualangan "
                "(Lamp. E, OB-01).")
    if not tujuan or any(key not in GOALS for key in tujuan):
        return ("Pilih sedikitnya satu tujuan pembelajaran alam terbuka dari Lampiran E "
                "(OB-01).")
    return None


def dates_refusal(start: dt.date, end: dt.date) -> str | None:
    """Dates the JP ledger can hold, in order (the certificate and JP date is the last day)."""
    if end < start:
        return "Tanggal selesai tidak boleh sebelum tanggal mulai."
    last_year = today().year + 1
    if start.year < MIN_YEAR or end.year > last_year:
        return f"Tanggal program harus antara tahun {MIN_YEAR} dan {last_year}."
    return None


def membership_refusal(programme: OutboundProgramme, employee: Employee) -> str | None:
    """Participants come from the organiser unit and its sub-units (its own people)."""
    if not employee.unit.is_within(programme.unit):
        return (f"{employee.nama} bukan pegawai {programme.unit.nama} atau unit di bawahnya; "
                "peserta berasal dari unit penyelenggara.")
    return None


def require_eligibility(programme: OutboundProgramme, employee: Employee, override_reason: str = "",
                        actor=None):
    """The core's gate on the programme's first day (raises ``EligibilityRefusal``)."""
    return require_eligible(employee, SLUG, programme.tanggal_mulai, {"role": ROLE},
                            override_reason=override_reason, actor=actor)

