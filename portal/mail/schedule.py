"""The mail jobs on the task queue's schedule (periodic tasks of the Huey consumer)."""

from __future__ import annotations

from flask import Flask
from huey import crontab

from portal.tasks.queue import huey_of


def cycle() -> dict:
    """One pass: notices and tasks into the outbox, then send what is due."""
    from portal.mail.delivery import deliver_pending
    from portal.mail.producers import produce_notices, produce_tasks

    return {"notices": produce_notices(), "tasks": produce_tasks(), "sent": deliver_pending()}


def _in_app(app: Flask, work):
    def run() -> None:
        base = app.config["PORTAL_PUBLIC_URL"]
        with app.app_context(), app.test_request_context("/", base_url=base):
            work()
    return run


def register(app: Flask) -> None:
    """Every 5 minutes a cycle; the daily digest at 07:00 WIB; the team digest on the 1st."""
    from portal.clock import today
    from portal.mail.producers import daily_digest
    from portal.mail.team_digest import monthly_team_digest

    huey = huey_of(app)
    huey.periodic_task(crontab(minute="*/5"), name="portal.mail.cycle")(_in_app(app, cycle))
    huey.periodic_task(crontab(hour="0", minute="0"), name="portal.mail.daily")(  # 00:00 UTC = 07:00 WIB
        _in_app(app, lambda: daily_digest(today())))
    huey.periodic_task(crontab(day="1", hour="0", minute="30"), name="portal.mail.monthly")(
        _in_app(app, lambda: monthly_team_digest(today())))
