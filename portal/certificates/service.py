"""Issue, revoke and reissue e-certificates (G-06).

Example (a plugin, after the ledger credit is committed)::

    from portal.certificates.service import CertificateError, issue

    try:
        certificate = issue(entry.id, actor_id=current_user.id)
    except CertificateError as error:
        flash(str(error), "error")

Unlike the ledger, these functions **commit**: the number is allocated and the row stored in
one short transaction, then the PDF is rendered outside any write transaction (SQLite has one
writer; a render holds no lock) and stored with its SHA-256 in a second one.
"""

from __future__ import annotations

import logging
import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.audit import record
from portal.certificates import document, numbering, settings, storage
from portal.certificates.context import CertificateError, checked, for_entry
from portal.clock import today
from portal.extensions import db
from portal.inbox.notices import notify, path_for
from portal.ledger.numbers import jp_number
from portal.models import Employee, LedgerEntry
from portal.models.account import utcnow
from portal.models.certificate import Certificate
from portal.reports.pdf import PdfError
from portal.types import CertificateContext

__all__ = ["CertificateError", "issue", "revoke", "reissue", "ensure_pdf", "pdf_bytes"]

log = logging.getLogger(__name__)
NUMBER_ATTEMPTS = 5


def _resolve(source: int | CertificateContext) -> tuple[LedgerEntry | None, CertificateContext]:
    if isinstance(source, CertificateContext):
        return None, checked(source)
    if isinstance(source, bool) or not isinstance(source, int):
        raise CertificateError("Sumber sertifikat harus entri JP atau isi sertifikat.")
    entry = db.session.get(LedgerEntry, source)
    if entry is None:
        raise CertificateError("Entri JP tidak ditemukan.")
    return entry, for_entry(entry)


def _source_key(entry: LedgerEntry | None, context: CertificateContext) -> str:
    return f"ledger:{entry.id}" if entry else f"{context.mechanism}:{context.reference}"[:200]


def _live(source_key: str) -> Certificate | None:
    return db.session.scalar(select(Certificate).where(
        Certificate.source_key == source_key, Certificate.revoked_at.is_(None)))


def _insert(entry: LedgerEntry | None, context: CertificateContext, actor_id: int | None,
            replaces: Certificate | None = None) -> Certificate:
    """Allocate a number and store the row (flushed, not committed)."""
    employee = db.session.get(Employee, context.employee_id)
    if employee is None:
        raise CertificateError("Pegawai pemegang sertifikat tidak ditemukan.")
    key = _source_key(entry, context)
    existing = _live(key)
    if existing is not None:
        raise CertificateError(f"Partisipasi ini sudah memiliki sertifikat berlaku nomor "
                               f"{existing.number}.")
    issued_on = today()
    values = settings.all_values()
    for _attempt in range(NUMBER_ATTEMPTS):
        seq = numbering.next_seq(issued_on.year)
        number = numbering.format_number(seq, context.mechanism, employee.unit.kode,
                                         issued_on.year, values["certificate.number_format"])
        if db.session.scalar(select(Certificate.id).where(Certificate.number == number)) is None:
            break
    else:
        raise CertificateError("Nomor sertifikat tidak dapat dibuat unik; periksa format nomor.")
    certificate = Certificate(
        number=number, year=issued_on.year, seq=seq, token=secrets.token_urlsafe(24),
        source_key=key, ledger_entry_id=entry.id if entry else None, employee_id=employee.id,
        mechanism=context.mechanism, holder_name=employee.nama, holder_nip=employee.nip,
        holder_golongan=employee.golongan or "", holder_position=employee.jabatan or "",
        holder_unit=employee.unit.nama, unit_code=employee.unit.kode,
        programme_title=context.programme_title, mechanism_title=context.mechanism_title,
        role_label=context.role_label, start_date=context.start_date, end_date=context.end_date,
        jp=context.jp, model=context.model, extra_lines=list(context.extra_lines),
        signer_name=values["certificate.signer_name"], signer_nip=values["certificate.signer_nip"],
        signer_title=values["certificate.signer_title"], issued_on=issued_on, issued_at=utcnow(),
        issued_by_id=actor_id, replaces_id=replaces.id if replaces else None,
    )
    db.session.add(certificate)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise CertificateError("Sertifikat untuk partisipasi ini baru saja diterbitkan oleh "
                               "permintaan lain, atau nomornya bentrok. Coba lagi.") from None
    if entry is not None:
        entry.certificate_id = certificate.id
    return certificate


def _store_pdf(certificate: Certificate, base_url: str | None) -> None:
    data = document.render(certificate, base_url)
    certificate.pdf_path, certificate.pdf_sha256 = storage.save(certificate, data)


def _finish(certificate: Certificate, actor_id: int | None, base_url: str | None,
            action: str, summary: str, old: dict | None = None) -> Certificate:
    """Commit the row, render and store the PDF, audit, commit. A failed render withdraws the
    unpublished row (its number is given up) and raises :class:`CertificateError`."""
    db.session.commit()
    try:
        _store_pdf(certificate, base_url)
    except PdfError as error:
        db.session.rollback()
        _withdraw(certificate)
        raise CertificateError(str(error)) from None
    record(action, "certificate", certificate.id, old,
           {"number": certificate.number, "employee_id": certificate.employee_id,
            "source": certificate.source_key, "jp": jp_number(certificate.jp),
            "sha256": certificate.pdf_sha256, "replaces_id": certificate.replaces_id},
           summary=summary, actor_id=actor_id)
    _announce(certificate)
    db.session.commit()
    return certificate


def _announce(certificate: Certificate) -> None:
    """The holder's notice (and, by their choice, e-mail) that the certificate was issued."""
    notify([db.session.get(Employee, certificate.employee_id)],
           f"Sertifikat {certificate.number} terbit: {certificate.programme_title}"[:200],
           "Sertifikat elektronik Anda telah terbit dan dapat diunduh.", kind="sertifikat",
           url=path_for("certificates.mine"))


def _withdraw(certificate: Certificate) -> None:
    if certificate.ledger_entry_id:
        entry = db.session.get(LedgerEntry, certificate.ledger_entry_id)
        if entry is not None and entry.certificate_id == certificate.id:
            entry.certificate_id = certificate.replaces_id
    if certificate.replaces_id:
        old = db.session.get(Certificate, certificate.replaces_id)
        old.revoked_at = old.revoked_by_id = old.revoke_reason = None  # reissue undone
    db.session.delete(certificate)
    db.session.commit()


def issue(source: int | CertificateContext, actor_id: int | None,
          base_url: str | None = None) -> Certificate:
    """Issue the e-certificate of a ledger row (its id) or of a programme completion (a
    :class:`~portal.types.CertificateContext` with ``employee_id``, ``mechanism`` and
    ``reference``). Renders and stores the PDF; audited as ``certificate.issue``; commits.

    :param base_url: where the QR code's verification link points (default: the
        ``PORTAL_PUBLIC_URL`` setting, never the request's host).
    :raises CertificateError: unknown or cancelled row, already certified, bad context, or a
        failed render (Indonesian message).
    """
    entry, context = _resolve(source)
    certificate = _insert(entry, context, actor_id)
    return _finish(certificate, actor_id, base_url, "certificate.issue",
                   f"Sertifikat {certificate.number} diterbitkan untuk pegawai "
                   f"#{certificate.employee_id}")


def issue_uncommitted(source: int | CertificateContext, actor_id: int | None,
                      base_url: str | None = None) -> Certificate:
    """Issue like :func:`issue` inside the caller's transaction, which commits or rolls back
    (demo data, steps that write many rows at once): the row is flushed, the PDF rendered and
    stored, the issue audited; nothing is committed here. A failed render raises
    :class:`CertificateError` and the caller rolls back (a stored file of a rolled-back
    certificate is never served: no row points to it)."""
    entry, context = _resolve(source)
    certificate = _insert(entry, context, actor_id)
    try:
        _store_pdf(certificate, base_url)
    except PdfError as error:
        raise CertificateError(str(error)) from None
    record("certificate.issue", "certificate", certificate.id, None,
           {"number": certificate.number, "employee_id": certificate.employee_id,
            "source": certificate.source_key, "jp": jp_number(certificate.jp),
            "sha256": certificate.pdf_sha256, "replaces_id": None},
           summary=f"Sertifikat {certificate.number} diterbitkan untuk pegawai #{certificate.employee_id}",
           actor_id=actor_id)
    _announce(certificate)
    db.session.flush()
    return certificate


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason or len(reason) > 300:
        raise CertificateError("Alasan wajib diisi (maksimal 300 karakter).")
    return reason


def _mark_revoked(certificate: Certificate, reason: str, actor_id: int | None) -> None:
    if certificate.is_revoked:
        raise CertificateError(f"Sertifikat {certificate.number} sudah dicabut.")
    certificate.revoked_at = utcnow()
    certificate.revoked_by_id = actor_id
    certificate.revoke_reason = reason


def revoke(certificate_id: int, reason: str, actor_id: int | None) -> Certificate:
    """Revoke a certificate with a reason; audited as ``certificate.revoke``; commits.

    The ledger row keeps its JP (revoking a certificate is not cancelling the participation).
    :raises CertificateError: unknown, already revoked, or no reason.
    """
    reason = _reason(reason)
    certificate = db.session.get(Certificate, certificate_id)
    if certificate is None:
        raise CertificateError("Sertifikat tidak ditemukan.")
    _mark_revoked(certificate, reason, actor_id)
    record("certificate.revoke", "certificate", certificate.id, {"revoked": False},
           {"revoked": True, "reason": reason},
           summary=f"Sertifikat {certificate.number} dicabut: {reason}", actor_id=actor_id)
    db.session.commit()
    return certificate


def _context_of(old: Certificate) -> tuple[LedgerEntry | None, CertificateContext]:
    if old.ledger_entry_id:
        entry = db.session.get(LedgerEntry, old.ledger_entry_id)
        return entry, for_entry(entry)
    mechanism, _, reference = old.source_key.partition(":")
    return None, checked(CertificateContext(
        programme_title=old.programme_title, mechanism_title=old.mechanism_title,
        role_label=old.role_label, start_date=old.start_date, end_date=old.end_date, jp=old.jp,
        model=old.model, extra_lines=tuple(old.extra_lines or ()), employee_id=old.employee_id,
        mechanism=mechanism, reference=reference))


def reissue(certificate_id: int, reason: str, actor_id: int | None,
            base_url: str | None = None) -> Certificate:
    """Revoke a certificate and issue its replacement (new number, ``replaces_id`` = old),
    with today's holder data and content; audited as ``certificate.reissue``; commits.

    :raises CertificateError: unknown, already revoked, no reason, or a failed render.
    """
    reason = _reason(reason)
    old = db.session.get(Certificate, certificate_id)
    if old is None:
        raise CertificateError("Sertifikat tidak ditemukan.")
    entry, context = _context_of(old)
    _mark_revoked(old, f"Diterbitkan ulang: {reason}"[:300], actor_id)
    db.session.flush()
    certificate = _insert(entry, context, actor_id, replaces=old)
    return _finish(certificate, actor_id, base_url, "certificate.reissue",
                   f"Sertifikat {old.number} diterbitkan ulang sebagai {certificate.number}: "
                   f"{reason}", old={"number": old.number, "revoked": True})


def ensure_pdf(certificate: Certificate, base_url: str | None = None) -> None:
    """Render and store the PDF if it was never stored (e.g. a crash between two commits)."""
    if certificate.pdf_path:
        return
    _store_pdf(certificate, base_url)
    db.session.commit()


def pdf_bytes(certificate: Certificate) -> bytes:
    """The stored PDF, rendered once if missing. :raises storage.StoredFileError: altered."""
    ensure_pdf(certificate)
    return storage.load(certificate)
