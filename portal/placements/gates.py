"""The stage gate of the final evaluation (MG-08, MG-09; PT-07 the same).

The final evaluation "that decides graduation" comes after praktik and monitoring (Lamp. A.7.b.3,
MG-08); the participant submits periodic performance reports and a final report, and the host
gives a *rapor kinerja* (A.7.c, MG-09). So:

* no final evaluation before the praktik stage has ended (any outcome);
* no *lulus* (JP and certificate) without every periodic report due by then, the final report
  and the host's rapor kinerja. A *tidak lulus* may still be recorded without them: a
  participant who does not report cannot be kept from failing.

Each missing item names its rule; the refusal lists them all.
"""

from __future__ import annotations

import datetime as dt

from portal.i18n import tanggal
from portal.placements.models import Placement
from portal.placements.schedule import report_periods, stage_plan
from portal.types import PlacementKind

FINAL_REPORT = 0  # period number of the final report


def praktik_end(kind: PlacementKind, placement: Placement) -> dt.date | None:
    """The last day of the last (open-ended) stage, praktik; ``None`` without a schedule."""
    if placement.start_date is None or placement.end_date is None:
        return None
    return stage_plan(kind, placement.start_date, placement.end_date)[-1].end


def missing_to_finish(kind: PlacementKind, placement: Placement, on_date: dt.date,
                      lulus: bool) -> list[str]:
    """What the final evaluation on ``on_date`` still lacks, each with its rule ID."""
    stage_rule = kind.rules.stage
    report_rule = kind.rules.monitoring or stage_rule
    missing = []
    end = praktik_end(kind, placement)
    praktik = kind.stages[-1].label.lower() if kind.stages else "praktik"
    if end is None or on_date < end:
        when = f"berakhir {tanggal(end)}" if end else "belum terjadwal"
        missing.append(f"tahap {praktik} belum selesai ({when}); evaluasi akhir dilakukan setelahnya "
                       f"({stage_rule})")
    if not lulus:
        return missing
    submitted = {report.period_no for report in placement.reports}
    due = [period for period in report_periods(placement.start_date, placement.end_date,
                                               placement.cadence, submitted, on_date)
           if period.end <= on_date and not period.submitted]
    for period in due:
        missing.append(f"laporan kinerja berkala periode {period.number} ({tanggal(period.start)} – "
                       f"{tanggal(period.end)}) belum disampaikan peserta ({report_rule})")
    if FINAL_REPORT not in submitted:
        missing.append(f"laporan akhir peserta belum disampaikan ({report_rule})")
    if placement.rapor_on is None:
        missing.append(f"rapor kinerja dari instansi penerima belum dicatat ({report_rule})")
    return missing
