"""Pages: my certificates, download, the admin list, a certificate's page, revoke, reissue."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, request
from flask_login import current_user
from sqlalchemy import or_, select

from portal.access import ADMINS, ROLES, access
from portal.certificates import access_rules, document, storage
from portal.certificates.context import CertificateError
from portal.certificates.service import pdf_bytes, reissue, revoke
from portal.exports import download as file_download
from portal.extensions import db, limiter
from portal.ledger.numbers import jp_number
from portal.models.certificate import Certificate
from portal.pagination import arg, page_number
from portal.reports.pdf import PdfError
from portal.web import redirect_to, render

bp = Blueprint("certificates", __name__, url_prefix="/sertifikat", cli_group="certificates")


def _download_limit() -> str:
    return current_app.config.get("PORTAL_CERTIFICATE_DOWNLOAD_LIMIT", "60 per minute")


@bp.app_template_global("certificate_url")
def certificate_url(certificate: Certificate) -> str:
    return document.verification_url(certificate.token)


@bp.route("/saya")
@access(*ROLES)
def mine():
    certificates = db.session.scalars(
        select(Certificate).where(Certificate.employee_id == current_user.employee_id)
        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())).all()
    return render("certificates/mine.html", certificates=certificates, jp=jp_number)


@bp.route("/<int:certificate_id>/unduh")
@access(*ROLES)
@limiter.limit(_download_limit)
def download(certificate_id: int):
    certificate = access_rules.downloadable_or_404(certificate_id)
    try:
        data = pdf_bytes(certificate)
    except storage.StoredFileError:
        current_app.logger.error("stored certificate %s failed its check", certificate.id)
        abort(500)
    except PdfError:
        abort(500)
    return file_download(data, storage.download_name(certificate))


@bp.route("/kelola")
@access(*ADMINS)
def manage():
    query = access_rules.manageable_certificates(current_user)
    q = arg("q")
    if q:
        like = f"%{q}%"
        query = query.where(or_(Certificate.holder_name.ilike(like), Certificate.holder_nip.like(like),
                                Certificate.number.ilike(like)))
    state = arg("status", ("berlaku", "dicabut"))
    if state == "berlaku":
        query = query.where(Certificate.revoked_at.is_(None))
    elif state == "dicabut":
        query = query.where(Certificate.revoked_at.is_not(None))
    page = db.paginate(query.order_by(Certificate.id.desc()), page=page_number(),
                       per_page=current_app.config["PORTAL_PAGE_SIZE"], error_out=False)
    return render("certificates/manage.html", block="results", page=page,
                  args={"q": q, "status": state}, jp=jp_number)


@bp.route("/<int:certificate_id>")
@access(*ADMINS)
def detail(certificate_id: int):
    certificate = access_rules.manageable_or_404(certificate_id)
    replaced_by = db.session.scalar(select(Certificate).where(Certificate.replaces_id == certificate.id))
    return render("certificates/detail.html", c=certificate, replaced_by=replaced_by, jp=jp_number,
                  error=None)


def _change(certificate_id: int, action):
    certificate = access_rules.manageable_or_404(certificate_id)
    reason = request.form.get("alasan", "")
    try:
        result = action(certificate.id, reason, current_user.id)
    except CertificateError as error:
        db.session.rollback()
        replaced_by = db.session.scalar(select(Certificate).where(Certificate.replaces_id == certificate.id))
        html = render("certificates/detail.html", c=certificate, replaced_by=replaced_by, jp=jp_number,
                      error=str(error))
        return html, 400
    return result


@bp.route("/<int:certificate_id>/cabut", methods=["POST"])
@access(*ADMINS)
def revoke_view(certificate_id: int):
    result = _change(certificate_id, revoke)
    if isinstance(result, tuple):
        return result
    flash(f"Sertifikat {result.number} dicabut.", "success")
    return redirect_to("certificates.detail", certificate_id=result.id)


@bp.route("/<int:certificate_id>/terbit-ulang", methods=["POST"])
@access(*ADMINS)
def reissue_view(certificate_id: int):
    result = _change(certificate_id, lambda cid, reason, actor: reissue(cid, reason, actor))
    if isinstance(result, tuple):
        return result
    flash(f"Sertifikat diterbitkan ulang dengan nomor {result.number}.", "success")
    return redirect_to("certificates.detail", certificate_id=result.id)
