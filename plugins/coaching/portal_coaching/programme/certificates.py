"""What a certificate states for one ledger row of the programme (a confirmed meeting, CM-13).
The programme completion is certified directly from ``workflow.certificate_context``."""

from __future__ import annotations

from portal.sdk import CertificateContext, db
from portal_coaching import neutral
from portal_coaching.programme.models import LogEntry
from portal_coaching.programme.workflow import ACTIVITY, MECHANISM_TITLE

PREFIX = "coaching:program:log:"


def context_for(entry) -> CertificateContext | None:
    if entry.mechanism != "coaching" or entry.activity_type != ACTIVITY:
        return None
    log_id = entry.reference.removeprefix(PREFIX)
    log = db.session.get(LogEntry, int(log_id)) if log_id.isdigit() else None
    if log is None:
        return None
    return CertificateContext(
        programme_title=neutral.meeting_title("program", log.pertemuan_ke), mechanism_title=MECHANISM_TITLE,
        role_label="Coachee",
        start_date=log.tanggal, end_date=log.tanggal, jp=entry.jp_counted, model=20,
        extra_lines=(f"Pertemuan ke-{log.pertemuan_ke} dikonfirmasi coach (CM-10)",))
