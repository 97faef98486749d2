"""Demo data through the real steps: the participant's reports before a passing final
evaluation (MG-09/PT-07; the stage gate of :mod:`portal.placements.gates`)."""

from __future__ import annotations

import datetime as dt

from portal.models import Account
from portal.placements import monitoring
from portal.placements.models import Placement
from portal.types import PlacementKind


def submit_due_reports(kind: PlacementKind, placement: Placement, participant: Account, day: dt.date,
                       text: str, final_text: str = "") -> None:
    """Submit every periodic report due by ``day`` not yet submitted, and the final report when
    ``final_text`` is given (as the participant, through :func:`monitoring.submit_report`)."""
    submitted = {report.period_no for report in placement.reports}
    for period in monitoring.periods(placement, day):
        if period.end < day and period.number not in submitted:
            monitoring.submit_report(kind, placement, participant, period.number,
                                     f"Periode {period.number}: {text}", day)
    if final_text and 0 not in submitted:
        monitoring.submit_report(kind, placement, participant, 0, final_text, day)


def complete_monitoring(kind: PlacementKind, placement: Placement, host_actor: Account, day: dt.date) -> None:
    """What a passing final evaluation needs after praktik (MG-09/PT-07): every report due by
    ``day`` and the final report from the participant, and the host's rapor kinerja recorded by
    ``host_actor`` (an admin or the host's mentor)."""
    from portal.demo.accounts import account_for

    submit_due_reports(kind, placement, account_for(placement.employee_id), day,
                       "kegiatan sesuai rencana aksi; target antara tercapai.",
                       "Laporan akhir: target tercapai; rencana tindak lanjut disusun bersama atasan.")
    monitoring.record_rapor(kind, placement, host_actor, 85, "Baik", "Kinerja baik selama penempatan.",
                            placement.mentor_name or "Mentor instansi penerima", day)
