"""``/kotak-masuk``: the signed-in user's pending tasks, and the count in the header."""

from __future__ import annotations

import time

from flask import Blueprint, abort, current_app, flash, redirect, request, session, url_for
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


CACHE_KEY = "inbox_count"


@bp.app_context_processor
def _inbox_count():
    """``inbox_count()`` for the header: evaluated only when a page shows it, only signed in.

    Counting runs every switched-on plugin's ``portal_pending_tasks``: the result is kept in the
    user's session for ``PORTAL_INBOX_CACHE_SECONDS`` (default 60; 0 turns the cache off) and
    dropped whenever the user sends a form (their own step may have settled a task) or opens the
    inbox itself, so a page costs those queries at most once a minute per user (issue 21)."""

    def inbox_count() -> int | None:
        if not current_user.is_authenticated:
            return None
        ttl = current_app.config.get("PORTAL_INBOX_CACHE_SECONDS", 60)
        cached = session.get(CACHE_KEY)
        if ttl and cached and cached[0] == current_user.id and time.time() - cached[2] < ttl:
            return cached[1]
        count = pending_count(current_user)
        if ttl and count is not None:
            session[CACHE_KEY] = (current_user.id, count, time.time())
        return count

    return {"inbox_count": inbox_count}


@bp.before_app_request
def _forget_inbox_count():
    if request.method == "POST" or request.endpoint == "inbox.index":
        session.pop(CACHE_KEY, None)
