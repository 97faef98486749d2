"""gunicorn settings for the portal (``gunicorn -c gunicorn.conf.py 'portal:create_app()'``).

Every value can be overridden from the environment; see docs/deploy.md. Long work (imports,
bulk certificates, large reports, e-mail) runs on the task queue's consumers, so requests stay
short and the timeout can be tight."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# PostgreSQL: 2 × cores + 1 is a good start; SQLite has one writer: keep it at 1–2.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))  # a request longer than this is a bug: make it a job
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))  # finish requests on SIGTERM
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))  # recycle workers: flat memory
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"  # plugins and templates loaded once
accesslog = None  # the portal writes one JSON line per request (request id, user, latency)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """The master has loaded the app (preload): freeze it before any worker forks."""
    if server.cfg.preload_app:
        from portal.operations.memory import freeze_loaded_objects

        server.log.info("gc.freeze: %d objects of the loaded app", freeze_loaded_objects())


def post_worker_init(worker):
    """Without preload, each worker loads the app itself: freeze it there."""
    if not worker.cfg.preload_app:
        from portal.operations.memory import freeze_loaded_objects

        freeze_loaded_objects()
