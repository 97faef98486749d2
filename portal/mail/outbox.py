"""Putting a message in the outbox: composed from the mail templates, addressed to one account."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import render_template, url_for
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.mail.models import MailMessage
from portal.models import Account
from portal.public_url import absolute

ADDRESS = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")


@dataclass(frozen=True)
class Line:
    """One item of a message: a sentence and (optionally) the page where it is done."""

    text: str
    url: str = ""

    @property
    def link(self) -> str:
        return absolute(self.url) if self.url else ""


def address_of(account: Account) -> str | None:
    """The account's e-mail address when it is a plausible single address, else ``None``."""
    email = (account.employee.email or "").strip()
    return email if len(email) <= 200 and ADDRESS.match(email) else None


def queue(account: Account, kind: str, subject: str, intro: str, lines: list[Line],
          dedupe_key: str | None = None) -> MailMessage | None:
    """Compose and add one message (text and HTML) for ``account``; ``None`` when the account has
    no usable address or the same ``dedupe_key`` was queued already. The caller commits."""
    address = address_of(account)
    if address is None:
        return None
    subject = " ".join(subject.split())[:200]  # never a header break
    context = {"name": account.employee.nama, "intro": intro, "lines": lines, "subject": subject,
               "preferences": absolute(url_for("mail.preferences")), "home": absolute(url_for("home.index"))}
    message = MailMessage(account_id=account.id, to_address=address, kind=kind, subject=subject,
                          text_body=render_template("mail/message.txt", **context),
                          html_body=render_template("mail/message.html", **context),
                          dedupe_key=dedupe_key)
    if dedupe_key is None:
        db.session.add(message)
        return message
    try:
        with db.session.begin_nested():
            db.session.add(message)
    except IntegrityError:  # another producer queued this event first
        return None
    return message
