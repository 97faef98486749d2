"""One Huey instance per app, configured from ``PORTAL_TASK_QUEUE`` (see README)."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app
from huey import MemoryHuey, RedisHuey, SqliteHuey
from huey.api import Huey

EXTENSION = "portal_tasks"
NAME = "portal"
RETRIES = 2
RETRY_DELAY = 5  # seconds


def build(app: Flask) -> Huey:
    """The Huey instance the app's configuration asks for."""
    setting = (app.config.get("PORTAL_TASK_QUEUE") or "").strip()
    if setting == "immediate":
        return MemoryHuey(NAME, results=False, immediate=True)
    if setting.startswith(("redis://", "rediss://", "unix://")):
        try:
            return RedisHuey(NAME, results=False, url=setting)
        except ImportError as error:  # the redis package is an install extra
            raise RuntimeError("PORTAL_TASK_QUEUE=redis://… needs the redis package: "
                               "pip install 'portal[redis]'") from error
    if setting.startswith("sqlite:///"):
        path = Path(setting.removeprefix("sqlite:///"))
    elif setting:
        raise RuntimeError(f"PORTAL_TASK_QUEUE {setting!r}: use redis://…, sqlite:///path, "
                           "immediate, or leave it unset")
    elif app.testing:  # beside the test's upload folder, never the developer's queue
        path = Path(app.config["UPLOAD_FOLDER"]).parent / "tasks.db"
    else:
        path = Path(app.instance_path) / "tasks.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(NAME, results=False, filename=str(path))


def init_app(app: Flask) -> None:
    from portal.tasks import jobs

    huey = build(app)
    run = huey.task(retries=RETRIES, retry_delay=RETRY_DELAY, context=True,
                    name="portal.run_job")(jobs.task_body(app))
    app.extensions[EXTENSION] = (huey, run)


def huey_of(app: Flask | None = None) -> Huey:
    return (app or current_app).extensions[EXTENSION][0]


def enqueue(job_id: int) -> None:
    """Put the job on the queue (in ``immediate`` mode: run it now)."""
    current_app.extensions[EXTENSION][1](job_id)
