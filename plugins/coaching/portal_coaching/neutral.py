"""Neutral titles for every copy that leaves a coaching record (CM-01).

Ledger rows, certificates, audit summaries and exports are read by people the circular does not
let into a coaching record (unit heads, atasan, unit admins, the public verification page), so
they name the mechanism and the meeting number only — never the topic, the notes, the area or
the coach/mentor. The record itself keeps the detail behind its own access rule.
"""

from __future__ import annotations

KIND_TITLE = {
    "program": "Program coaching-mentoring",
    "coaching": "Coaching unit kerja",
    "mentoring": "Mentoring unit kerja",
}


def meeting_title(kind: str, number: int) -> str:
    """``Mentoring unit kerja — pertemuan 3``."""
    return f"{KIND_TITLE[kind]} — pertemuan {number}"


def completion_title(kind: str) -> str:
    return KIND_TITLE[kind]


def record(*args, **kwargs):
    """``portal.audit.record`` for coaching records: every entry is confidential (CM-01), so
    the audit page shows it to admin SDM and its own actor only — even the actor of an entry
    reveals who coaches whom."""
    from portal.sdk import record as audit_record

    return audit_record(*args, confidential=True, **kwargs)
