"""Notices for one person, shown in their inbox (*Kotak masuk*) until read.

The core writes them when something is done *to* a person that they must know about: a
temporary password set on their account, a change of their atasan or of a unit's head
(authority that the data confers), a decision on their request, a certificate issued. Plugins'
pending tasks are computed; notices are stored. ``kind`` chooses the e-mail preference that
applies (:mod:`portal.mail.kinds`); ``mailed_at`` marks a notice the mail producer handled.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.models.account import utcnow


class Notification(db.Model):
    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(20), default="pemberitahuan")
    url: Mapped[str] = mapped_column(String(500), default="")
    mailed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
