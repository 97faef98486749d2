"""``task_job``: the user-visible record of a background job run on the task queue.

The queue (Huey, :mod:`portal.tasks`) carries only the job's id; this row holds what the user
sees — state, progress, the outcome or the file — and makes the job idempotent: a task whose
row is already finished does nothing when Huey runs it again (a retry, a duplicate enqueue, a
consumer restarted mid-job).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.models.account import utcnow
from portal.states import HasStatus, State


class JobStatus(State):
    """States of a background job."""

    WAITING = "menunggu", "Menunggu antrean", "badge-warn"
    RUNNING = "berjalan", "Sedang diproses", "badge-warn"
    DONE = "selesai", "Selesai", "badge-on"
    FAILED = "gagal", "Gagal", "badge-off"


WAITING, RUNNING, DONE, FAILED = JobStatus
LABELS = {status.value: status.label for status in JobStatus}


class TaskJob(HasStatus, db.Model):
    __tablename__ = "task_job"
    STATUSES = JobStatus

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(10), default=WAITING)
    progress: Mapped[int] = mapped_column(Integer, default=0)  # 0..100
    message: Mapped[str] = mapped_column(String(500), default="")
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON, what the task needs
    result: Mapped[str] = mapped_column(Text, default="{}")  # JSON, what the page shows
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), index=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    @property
    def finished(self) -> bool:
        return self.status in (DONE, FAILED)

    @property
    def succeeded(self) -> bool:
        return self.status == DONE

    @property
    def label(self) -> str:
        return self.status_label

    @property
    def arguments(self) -> dict:
        return json.loads(self.params or "{}")

    @property
    def outcome(self) -> dict:
        return json.loads(self.result or "{}")
