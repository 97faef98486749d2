"""Test helpers for e-mail (plugins' tests may import ``portal.testing*``): run the background
producers now and read what landed in the outbox."""

from __future__ import annotations

from flask import current_app, has_request_context
from sqlalchemy import select

from portal.extensions import db
from portal.mail.models import MailMessage
from portal.mail.producers import produce_notices, produce_tasks


def mail_outbox_texts() -> list[str]:
    """Every outbox message as one string: address, subject, text and HTML bodies."""
    return [f"{m.to_address}\n{m.subject}\n{m.text_body}\n{m.html_body}"
            for m in db.session.scalars(select(MailMessage).order_by(MailMessage.id))]


def produce_mail() -> list[str]:
    """Turn the stored notices and the inbox tasks of now into outbox messages, as the periodic
    job does; return :func:`mail_outbox_texts`."""
    if has_request_context():
        produce_notices()
        produce_tasks()
    else:
        with current_app.test_request_context("/"):
            produce_notices()
            produce_tasks()
    return mail_outbox_texts()
