"""E-certificates of the unit flow through the core (G-06).

A finished coaching/mentoring (both evaluations in) is certified as a programme completion
(``CertificateContext`` with the counted JP of its meetings); a single meeting's ledger row
gets its context from :func:`context_for` (``portal_certificate_context``). Certificates carry
no confidential content (CM-01): the kind, the meeting number and the dates only.
"""

from __future__ import annotations

from decimal import Decimal

from portal.sdk import CertificateContext, LedgerEntry, db
from portal_coaching import neutral
from portal_coaching.jp import MODEL, SLUG
from portal_coaching.unit.models import EMPLOYEE_LABEL, UnitMeeting, UnitPair

MECHANISM_TITLE = "Coaching dan Mentoring di Unit Kerja"
MEETING_PREFIX = "coaching_unit:meeting:"


def pair_reference(pair: UnitPair) -> str:
    return f"coaching_unit:pair:{pair.id}"


def _lines(pair: UnitPair) -> tuple[str, ...]:
    """CM-01: no coach/mentor name, no area, no topic — the certificate is a copy that leaves
    the record (lists, public verification)."""
    rule = "CU-02" if pair.jenis == "coaching" else "CU-03"
    return (f"1 pertemuan = 2 JP, paling banyak 2 pertemuan dihitung per bulan ({rule}; Lamp. I)",)


def counted_jp(pair: UnitPair) -> Decimal:
    return sum((m.entry.jp_counted for m in pair.confirmed_meetings if m.entry is not None
                and not m.entry.is_cancelled), Decimal(0))


def completion_context(pair: UnitPair) -> CertificateContext:
    dates = [m.tanggal for m in pair.confirmed_meetings]
    return CertificateContext(
        programme_title=neutral.completion_title(pair.jenis),
        mechanism_title=MECHANISM_TITLE, role_label=EMPLOYEE_LABEL[pair.jenis],
        start_date=min(dates), end_date=max(dates), jp=counted_jp(pair), model=MODEL,
        extra_lines=(*_lines(pair), f"{len(dates)} pertemuan terkonfirmasi; selesai dan dievaluasi"),
        employee_id=pair.employee_id, mechanism=SLUG, reference=pair_reference(pair))


def issue_completion(pair: UnitPair, actor_id: int | None):
    """Issue the completion certificate (the core commits). :raises CertificateError:"""
    from portal.sdk import issue_certificate as issue

    certificate = issue(completion_context(pair), actor_id)
    pair.certificate_id = certificate.id
    db.session.commit()
    return certificate


def context_for(entry: LedgerEntry) -> CertificateContext | None:
    """``portal_certificate_context`` for one meeting's ledger row."""
    tail = entry.reference.removeprefix(MEETING_PREFIX)
    if entry.mechanism != SLUG or tail == entry.reference or not tail.isdigit():
        return None
    meeting = db.session.get(UnitMeeting, int(tail))
    if meeting is None:
        return None
    pair = meeting.pair
    lines = _lines(pair)
    if not entry.counted and entry.reason:
        lines = (*lines, f"JP tidak dihitung: {entry.reason}")
    return CertificateContext(
        programme_title=entry.title, mechanism_title=MECHANISM_TITLE,
        role_label=EMPLOYEE_LABEL[pair.jenis], start_date=meeting.tanggal,
        end_date=meeting.tanggal, jp=entry.jp_counted, model=MODEL, extra_lines=lines)
