"""Pages: each person's e-mail choices; the outbox for admin SDM (sent, held, failed)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user
from sqlalchemy import func, or_, select

from portal.access import ROLES, SDM, access
from portal.extensions import db
from portal.mail.delivery import requeue, smtp_configured
from portal.mail.kinds import KINDS, MODE_LABELS
from portal.mail.models import STATUS_LABELS, MailMessage
from portal.mail.outbox import address_of
from portal.mail.preferences import all_modes, set_modes
from portal.pagination import arg, page_number
from portal.web import redirect_to, render

bp = Blueprint("mail", __name__)


def _kinds_for_user():
    managers_only_allowed = current_user.has_any("atasan", "pimpinan_unit")
    return [kind for kind in KINDS.values() if managers_only_allowed or not kind.managers_only]


@bp.route("/akun/surel", methods=["GET", "POST"])
@access(*ROLES)
def preferences():
    kinds = _kinds_for_user()
    modes = all_modes(current_user.id)
    status = 200
    if request.method == "POST":
        chosen = {kind.key: request.form.get(kind.key, "") for kind in kinds}
        try:
            set_modes(current_user.id, chosen)
        except ValueError:
            db.session.rollback()
            flash("Pilihan tidak dikenal. Pilih salah satu pilihan pada setiap baris.", "error")
            modes, status = {**modes, **{k: v for k, v in chosen.items() if v}}, 400
        else:
            db.session.commit()
            flash("Pilihan surel disimpan.", "success")
            return redirect_to("mail.preferences")
    return render("mail_pages/preferences.html", kinds=kinds, modes=modes, labels=MODE_LABELS,
                  address=address_of(current_user)), status


@bp.route("/admin/kotak-keluar")
@access(*SDM)
def outbox():
    status = arg("status", allowed=tuple(STATUS_LABELS))
    q = arg("q")
    query = select(MailMessage)
    if status:
        query = query.where(MailMessage.status == status)
    if q:
        needle = f"%{q.lower()}%"
        query = query.where(or_(func.lower(MailMessage.to_address).like(needle),
                                func.lower(MailMessage.subject).like(needle)))
    page = db.paginate(query.order_by(MailMessage.id.desc()), page=page_number(), per_page=25, error_out=False)
    counts = dict(db.session.execute(select(MailMessage.status, func.count()).group_by(MailMessage.status)).all())
    return render("mail_pages/outbox.html", block="results", page=page, status=status, q=q,
                  labels=STATUS_LABELS, counts=counts, smtp=smtp_configured())


@bp.route("/admin/kotak-keluar/<int:message_id>")
@access(*SDM)
def message(message_id: int):
    mail = db.session.get(MailMessage, message_id) or abort(404)
    return render("mail_pages/message.html", mail=mail, labels=STATUS_LABELS)


@bp.route("/admin/kotak-keluar/<int:message_id>/kirim-ulang", methods=["POST"])
@access(*SDM)
def resend(message_id: int):
    mail = db.session.get(MailMessage, message_id) or abort(404)
    if not mail.retryable:
        flash("Surel ini tidak gagal atau ditahan; tidak perlu dikirim ulang.", "error")
    else:
        requeue(mail)
        db.session.commit()
        flash(f"Surel kepada {mail.to_address} dimasukkan lagi ke antrean pengiriman.", "success")
    return redirect_to("mail.outbox")
