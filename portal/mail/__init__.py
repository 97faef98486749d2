"""E-mail notifications: what waits for someone, decisions, certificates, a monthly team digest.

Nothing is sent inside a request. Requests write stored notices (:mod:`portal.inbox.notices`)
and the inbox computes tasks; background work (:mod:`portal.mail.producers`, run by the task
queue's periodic jobs or ``flask mail run``) turns them into messages in the outbox
(:class:`portal.mail.models.MailMessage`) according to each person's preference
(:mod:`portal.mail.kinds`), and :mod:`portal.mail.delivery` sends them over SMTP with retries.
Without ``PORTAL_SMTP_HOST`` the messages stay in the outbox page (*Kotak keluar surel*).
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from portal.mail.schedule import register

    register(app)
