"""Undo a wrongly recorded attendance: the ledger row is cancelled through the core's cancel
path (the month's caps are re-counted, ``jp.cancel`` audited) and the certificates issued from
it are revoked. The person stays on the meeting and may be marked present again."""

from __future__ import annotations

from sqlalchemy import select

from portal.sdk import Account, Certificate, CertificateError, LedgerError, db, record
from portal.sdk import cancel_ledger_entry as cancel
from portal.sdk import revoke_certificate as revoke
from portal_komunitas.jp import FORM_RULE
from portal_komunitas.models import Meeting, MeetingPerson
from portal_komunitas.workflow import WorkflowError


def undo_present(meeting: Meeting, person: MeetingPerson, actor: Account, reason: str) -> None:
    """Mark the person absent again; cancel their JP and revoke its certificates. Commits (as
    certificate revocation does)."""
    rule = FORM_RULE.get(meeting.proposal.bentuk, "KB-04")
    if not person.hadir:
        raise WorkflowError("Kehadiran orang ini belum dicatat.")
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(f"Tuliskan alasan pembatalan kehadiran, mis. salah pilih orang ({rule}).")
    entry_id = person.ledger_entry_id
    if entry_id is not None:
        try:
            cancel(entry_id, actor.id, f"Kehadiran komunitas dibatalkan: {reason}"[:300])
        except LedgerError as error:
            raise WorkflowError(str(error)) from None
    person.hadir, person.ledger_entry_id, person.recorded_at = False, None, None
    record("komunitas.hadir.batal", "komunitas_meeting", meeting.id,
           {"employee_id": person.employee_id, "hadir": True, "ledger_entry_id": entry_id},
           {"hadir": False, "reason": reason},
           summary=f"Kehadiran {person.nama} pada pertemuan #{meeting.id} dibatalkan: {reason} ({rule})",
           actor_id=actor.id)
    live = list(db.session.scalars(select(Certificate).where(
        Certificate.ledger_entry_id == entry_id, Certificate.revoked_at.is_(None)))) if entry_id else []
    db.session.commit()
    for certificate in live:
        try:
            revoke(certificate.id, f"Kehadiran dibatalkan: {reason}"[:300], actor.id)
        except CertificateError as error:
            raise WorkflowError(str(error)) from None
