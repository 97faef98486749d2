"""The report's life: submitted (with its certificate) → verified into the JP ledger, or
rejected with a reason. Every step is audited; the caller commits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flask import current_app
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from portal.sdk import (
    Account,
    EligibilityRefusal,
    Employee,
    LedgerEntry,
    Participation,
    Refusal,
    claim_state,
    credit,
    db,
    jp_number,
    notify,
    path_for,
    record,
    refuse_if_not_eligible,
    require_eligible,
    utcnow,
)
from portal.sdk import store_upload as store
from portal_formal.jp import ROLE, SLUG
from portal_formal.models import PENDING, REJECTED, VERIFIED, FormalReport

CERTIFICATE_KINDS = ("pdf", "png", "jpg")
DEFAULT_CERTIFICATE_MAX_BYTES = 5 * 1024 * 1024


class WorkflowError(Refusal):
    """A step refused; the message is Indonesian and shown to the user."""


def certificate_max_bytes() -> int:
    return int(current_app.config.get("FORMAL_CERTIFICATE_MAX_BYTES", DEFAULT_CERTIFICATE_MAX_BYTES))


def submit(employee_id: int, certificate: FileStorage, *, title: str, provider: str,
           activity_type: str, start_date: dt.date, end_date: dt.date, jp: Decimal,
           actor_id: int | None = None) -> FormalReport:
    """Store the certificate (content-checked) and the report, waiting for verification.

    A hard "not eligible" (MG-10/PT-08 block, no longer an ASN) is refused here; "cannot decide
    yet" waits for the verifier, who proceeds only by recording why (:func:`verify`).

    :raises WorkflowError: the core's eligibility gate refuses the employee.
    :raises portal.uploads.UploadError: the certificate file is refused.
    """
    try:
        refuse_if_not_eligible(db.session.get(Employee, employee_id), SLUG, end_date, {"role": ROLE})
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None
    stored = store(certificate, employee_id, allowed=CERTIFICATE_KINDS, max_bytes=certificate_max_bytes())
    report = FormalReport(employee_id=employee_id, title=title.strip(), provider=provider.strip(),
                          activity_type=activity_type, start_date=start_date, end_date=end_date,
                          jp_stated=jp, certificate_id=stored.id, status=PENDING)
    db.session.add(report)
    db.session.flush()
    record("formal.submit", "formal_report", report.id, None,
           {"title": report.title, "activity_type": activity_type, "end_date": end_date.isoformat(),
            "jp_stated": jp_number(jp), "certificate_sha256": stored.sha256},
           summary=f"Laporan pelatihan formal #{report.id}: {report.title}", actor_id=actor_id)
    return report


def _locked(report_id: int) -> FormalReport:
    report = db.session.scalar(
        select(FormalReport).where(FormalReport.id == report_id).with_for_update())
    db.session.refresh(report)  # another request may have decided it before our lock
    return report


def _decidable(report_id: int, actor: Account) -> FormalReport:
    report = _locked(report_id)
    if report.employee_id == actor.employee_id:
        raise WorkflowError("Anda tidak dapat memverifikasi laporan pelatihan Anda sendiri; "
                            "verifikasi dilakukan atasan langsung atau admin unit.")
    if report.status != PENDING:
        raise WorkflowError(f"Laporan ini sudah diputuskan ({report.status_label.lower()}).")
    return report


def participation(report: FormalReport) -> Participation:
    """What verifying ``report`` credits: the JP stated on the certificate (FL-01)."""
    return Participation(
        employee_id=report.employee_id, mechanism=SLUG, activity_type=report.activity_type,
        role=ROLE, on_date=report.end_date, title=report.title, reference=report.reference,
        jp_stated=report.jp_stated, source="workflow")


def scheduled(employee_ids: list[int] | None, start: dt.date, end: dt.date) -> list[Participation]:
    """Reports awaiting verification, for the early warning (``portal_scheduled_participations``)."""
    query = select(FormalReport).where(FormalReport.status == PENDING,
                                       FormalReport.end_date >= start, FormalReport.end_date <= end)
    if employee_ids is not None:
        query = query.where(FormalReport.employee_id.in_(employee_ids))
    return [participation(report) for report in db.session.scalars(query)]


def verify(report_id: int, actor: Account, override_reason: str = "") -> tuple[FormalReport, LedgerEntry]:
    """Verify and credit the JP stated on the certificate (FL-01) to the ledger, through the
    core's eligibility gate: "cannot decide yet" only with the verifier's ``override_reason``.

    :raises WorkflowError: own report, already decided, or the eligibility gate refuses.
    :raises portal.ledger.service.LedgerError: the ledger refuses (e.g. a duplicate).
    """
    report = _decidable(report_id, actor)
    try:
        require_eligible(report.employee, SLUG, report.end_date, {"role": ROLE},
                         override_reason=override_reason, actor=actor)
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None
    entry = credit(participation(report), actor_id=actor.id)
    claim_state(report, (PENDING,), VERIFIED)
    report.decided_at, report.decided_by_id = utcnow(), actor.id
    report.ledger_entry_id = entry.id
    record("formal.verify", "formal_report", report.id, {"status": PENDING},
           {"status": VERIFIED, "ledger_entry_id": entry.id, "jp_claimed": jp_number(entry.jp_claimed),
            "jp_counted": jp_number(entry.jp_counted), "rule_id": entry.rule_id},
           summary=f"Pelatihan formal #{report.id} diverifikasi: {jp_number(entry.jp_claimed)} JP "
                   f"({entry.rule_id})", actor_id=actor.id)
    return report, entry


def reject(report_id: int, actor: Account, reason: str) -> FormalReport:
    """Reject with a reason the employee sees.

    :raises WorkflowError: no reason, own report, or already decided.
    """
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Alasan penolakan wajib diisi.")
    report = _decidable(report_id, actor)
    claim_state(report, (PENDING,), REJECTED)
    report.decided_at, report.decided_by_id = utcnow(), actor.id
    report.reject_reason = reason[:500]
    record("formal.reject", "formal_report", report.id, {"status": PENDING},
           {"status": REJECTED, "reason": report.reject_reason},
           summary=f"Pelatihan formal #{report.id} ditolak: {report.reject_reason}", actor_id=actor.id)
    notify([report.employee], f"Laporan pelatihan ditolak: {report.title}"[:200], f"Alasan: {report.reject_reason}",
           kind="keputusan", url=path_for("formal.detail", report_id=report.id))
    return report
