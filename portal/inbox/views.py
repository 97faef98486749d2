"""``/kotak-masuk``: the signed-in user's pending tasks, and the count in the header."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user

from portal.access import ROLES, access
from portal.extensions import db
from portal.inbox.notices import mark_read, unread
from portal.inbox.tasks import grouped, pending_count, pending_items
from portal.web import render

bp = Blueprint("inbox", __name__)


@bp.route("/kotak-masuk")
@access(*ROLES)
def index():
    items = pending_items(current_user)
    return render("inbox/index.html", block="tasks", groups=grouped(items), total=len(items),
                  notices=unread(current_user))


@bp.route("/kotak-masuk/pemberitahuan/<int:notice_id>/dibaca", methods=["POST"])
@access(*ROLES)
def notice_read(notice_id: int):
    if not mark_read(current_user, notice_id):
        abort(404)
    db.session.commit()
    flash("Pemberitahuan ditandai sudah dibaca.", "info")
    return redirect(url_for("inbox.index"))


@bp.app_context_processor
def _inbox_count():
    """``inbox_count()`` for the header: evaluated only when a page shows it, only signed in."""

    def inbox_count() -> int | None:
        if not current_user.is_authenticated:
            return None
        return pending_count(current_user)

    return {"inbox_count": inbox_count}
