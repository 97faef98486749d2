"""Sending the outbox over SMTP (``PORTAL_SMTP_*``), with retries; held when SMTP is not set."""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import current_app
from sqlalchemy import select

from portal.extensions import db
from portal.mail.models import FAILED, HELD, QUEUED, SENT, MailMessage
from portal.models.account import utcnow

MAX_ATTEMPTS = 5
BATCH = 200
COMMIT_EVERY = 25


def smtp_configured() -> bool:
    return bool(current_app.config.get("PORTAL_SMTP_HOST"))


def _email(message: MailMessage) -> EmailMessage:
    email = EmailMessage()
    email["Subject"] = message.subject
    email["From"] = current_app.config["PORTAL_MAIL_FROM"]
    email["To"] = message.to_address
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = make_msgid(domain="portal-70-20-10")
    email.set_content(message.text_body)
    email.add_alternative(message.html_body, subtype="html")
    return email


def _connect() -> smtplib.SMTP:
    config = current_app.config
    host, port = config["PORTAL_SMTP_HOST"], int(config["PORTAL_SMTP_PORT"])
    timeout = int(config.get("PORTAL_SMTP_TIMEOUT", 20))
    if config.get("PORTAL_SMTP_SSL"):
        server: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(host, port, timeout=timeout)
        if config.get("PORTAL_SMTP_STARTTLS"):
            server.starttls(context=ssl.create_default_context())
    if config.get("PORTAL_SMTP_USER"):
        server.login(config["PORTAL_SMTP_USER"], config.get("PORTAL_SMTP_PASSWORD", ""))
    return server


def deliver_pending(limit: int = BATCH) -> dict[str, int]:
    """Send up to ``limit`` due messages, committing every :data:`COMMIT_EVERY` messages (a crash
    in between sends those few again: at-least-once); return counts per outcome.

    A failed attempt is retried after 1, 2, 4, 8 minutes; after :data:`MAX_ATTEMPTS` the message
    is *gagal* (the outbox page can queue it again). Without SMTP every due message is *ditahan*.
    """
    due = db.session.scalars(select(MailMessage).where(
        MailMessage.status == QUEUED, MailMessage.next_attempt_at <= utcnow())
        .order_by(MailMessage.id).limit(limit)).all()
    counts = {SENT: 0, FAILED: 0, HELD: 0, "retry": 0}
    if not due:
        return counts
    if not smtp_configured():
        for message in due:
            message.status = HELD
        db.session.commit()
        counts[HELD] = len(due)
        return counts
    server = None
    for number, message in enumerate(due, start=1):
        try:
            server = server or _connect()
            server.send_message(_email(message))
        except (OSError, smtplib.SMTPException) as error:
            server = _close(server)
            message.attempts += 1
            message.last_error = f"{type(error).__name__}: {error}"[:500]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = FAILED
                counts[FAILED] += 1
            else:
                message.next_attempt_at = utcnow() + dt.timedelta(minutes=2 ** (message.attempts - 1))
                counts["retry"] += 1
        else:
            message.status, message.sent_at, message.last_error = SENT, utcnow(), ""
            message.attempts += 1
            counts[SENT] += 1
        if number % COMMIT_EVERY == 0:
            db.session.commit()
    db.session.commit()
    _close(server)
    return counts


def _close(server):
    if server is not None:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            pass
    return None


def requeue(message: MailMessage) -> None:
    """Queue a failed or held message again (the outbox page's button); the caller commits."""
    message.status, message.attempts, message.next_attempt_at = QUEUED, 0, utcnow()
