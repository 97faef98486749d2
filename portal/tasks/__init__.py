"""The task queue: everything longer than a request runs as a job on Huey.

* :mod:`portal.tasks.queue` — one Huey instance per app, configured from
  ``PORTAL_TASK_QUEUE``: unset → ``SqliteHuey`` in ``instance/tasks.db`` (the embedded
  default, nothing to install); ``redis://…`` → ``RedisHuey`` (consumers on as many machines as
  needed); ``sqlite:///path`` → that file; ``immediate`` → run in the caller (tests that ask).
* :mod:`portal.tasks.jobs` — the user-visible record (``task_job``): a job is created with its
  kind and parameters, the queue carries only its id; handlers registered per kind
  (:func:`portal.tasks.jobs.handler`) do the work and report progress. Idempotent (a finished
  job does nothing when run again), retried by Huey on unexpected errors, requeued when a
  consumer starts (a job lost with a killed consumer runs again: each job is one transaction).
* ``flask tasks worker`` — the consumer (:mod:`portal.tasks.cli`); ``make run`` starts one
  beside the web server.
* ``/tugas/<id>`` — the job's page: progress (htmx polling; without JavaScript the page
  refreshes itself), then the outcome or the file (:mod:`portal.tasks.views`).
"""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """The app's queue, the ``/tugas`` pages and ``flask tasks``."""
    from portal.tasks import queue
    from portal.tasks.cli import tasks
    from portal.tasks.views import bp

    queue.init_app(app)
    app.register_blueprint(bp)
    app.cli.add_command(tasks)
