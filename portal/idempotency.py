"""One record per form, however often it is sent (issue 16 item 3: double submits).

A form that creates something carries a one-time key (``{{ once() }}`` from ``_macros.html``).
:func:`once_per_form` stores the key in the same transaction as whatever the view creates: a
second request with the same key — a double click, a resent form, the back button — waits for
the first on the unique index and then gets the first one's result page with a notice instead of
creating a copy. A form that failed validation never committed its key, so correcting and
resending it works."""

from __future__ import annotations

import re
import uuid
from functools import wraps

from flask import flash, make_response, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from portal.clock import utcnow
from portal.extensions import db
from portal.models.form_submission import FormSubmission

FIELD = "idempotency_key"
KEY = re.compile(r"^[0-9a-f]{32}$")
ALREADY = "Formulir ini sudah dikirim sebelumnya; datanya tidak disimpan dua kali."


def new_key() -> str:
    return uuid.uuid4().hex


def _duplicate(key: str):
    db.session.rollback()
    stored = db.session.scalar(select(FormSubmission.result_url).where(FormSubmission.key == key))
    flash(ALREADY, "info")
    return redirect(stored or request.referrer or url_for("home.index"))


def once_per_form(view):
    """Decorate a POST view that creates a record (place it under ``@access``). The view
    redirects when it created something (post/redirect/get); any other answer means nothing was
    created, and the key may be sent again."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        key = request.form.get(FIELD, "")
        if request.method != "POST" or not KEY.match(key):
            return view(*args, **kwargs)
        if db.session.scalar(select(FormSubmission.id).where(FormSubmission.key == key)) is not None:
            return _duplicate(key)
        try:
            with db.session.begin_nested():
                db.session.add(FormSubmission(key=key, account_id=current_user.id, created_at=utcnow()))
        except IntegrityError:  # the same form sent again while the first was being saved
            return _duplicate(key)
        response = make_response(view(*args, **kwargs))
        location = response.headers.get("Location") or response.headers.get("HX-Redirect")
        if not location:  # the form came back (validation, a rule): nothing created, key reusable
            db.session.execute(delete(FormSubmission).where(FormSubmission.key == key))
            db.session.commit()
            return response
        db.session.execute(update(FormSubmission).where(FormSubmission.key == key)
                           .values(result_url=location[:500]))
        db.session.commit()
        return response

    wrapper.once_per_form = True  # read by the core test that walks every creation route
    return wrapper
