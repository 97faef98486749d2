"""The task queue (issue 16 item 1): jobs on Huey with a user-visible ``task_job`` record.

One test runs a real Huey consumer (worker threads consuming a SqliteHuey on a temporary
file) end to end: the admin uploads an activities file, the consumer checks it, the admin saves
it from the preview, the consumer commits it, the job page shows the outcome. The others run
the task function directly or in ``immediate`` mode.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.ledger.models import LedgerEntry
from portal.models.task_job import DONE, FAILED, RUNNING, WAITING, TaskJob
from portal.tasks import jobs
from portal.tasks.queue import huey_of
from tests.test_activities_import import HEADER, SLUG, Komunitas, kb, token_of, upload

CALLS: list[int] = []


@jobs.handler("test.flaky")
def flaky(job, report):
    """Fails on its first attempt, succeeds on the next."""
    CALLS.append(job.id)
    report(50, "Setengah jalan.")
    if len(CALLS) == 1:
        raise RuntimeError("transient")
    return {"ringkasan": "Beres."}


def _app(make_app, queue: str):
    return make_app(plugins=[(SLUG, Komunitas())], PORTAL_TASK_QUEUE=queue)


def _save_import(app, world, rows: int = 2):
    client = app.test_client()
    client.login(world["sdm"].nip)
    staff = world["A"]["staff"]
    lines = [kb(staff.nip, ref=f"KB/{n}") for n in range(rows)]
    preview = upload(client, "\n".join([HEADER, *lines]).encode())
    response = client.post("/impor/kegiatan/simpan", data={"token": token_of(preview)})
    assert response.status_code == 302 and "/tugas/" in response.location
    return client, response.location


def _ledger_count() -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count()).select_from(LedgerEntry))


def _wait(job_id: int, seconds: float = 60) -> TaskJob:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.rollback()
        job = db.session.get(TaskJob, job_id)
        if job.status in (DONE, FAILED):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")


def _job_id(location: str) -> int:
    return int(location.rstrip("/").rsplit("/", 1)[-1])


def test_a_real_consumer_checks_then_saves_the_import_and_the_page_shows_progress_then_outcome(
        make_app, two_units, tmp_path):
    app = _app(make_app, f"sqlite:///{tmp_path / 'antrean.db'}")
    with app.app_context():
        client = app.test_client()
        client.login(two_units["sdm"].nip)
        staff = two_units["A"]["staff"]
        lines = [kb(staff.nip, ref=f"KB/{n}") for n in range(3)]
        response = upload(client, "\n".join([HEADER, *lines]).encode(), follow=False)
        assert response.status_code == 302 and "/tugas/" in response.location
        waiting = client.get(response.location).get_data(as_text=True)
        # Not run yet: no consumer. The page polls (htmx) and refreshes itself without JS.
        assert "Menunggu antrean" in waiting and 'hx-trigger="every 2s"' in waiting
        assert '<noscript><meta http-equiv="refresh"' in waiting
        saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM,
                                                         signal.SIGHUP)}
        consumer = huey_of(app).create_consumer(workers=1, worker_type="thread", periodic=False,
                                                check_worker_health=False)
        consumer.start()
        try:
            checked = _wait(_job_id(response.location))
            assert checked.status == DONE
            # The polled fragment sends htmx to the preview; the page itself redirects there.
            status = client.get(response.location + "/status")
            assert status.headers["HX-Redirect"].endswith(f"/impor/kegiatan/pratinjau/{checked.id}")
            preview = client.get(response.location, follow_redirects=True)
            assert "Siap diimpor" in preview.get_data(as_text=True)
            assert _ledger_count() == 0
            saved_response = client.post("/impor/kegiatan/simpan",
                                         data={"token": token_of(preview)})
            location = saved_response.location
            job = _wait(_job_id(location))
        finally:
            consumer.stop(graceful=True)
            for sig, handler in saved.items():
                signal.signal(sig, handler)
        assert job.status == DONE and job.progress == 100
        assert _ledger_count() == 3
        batches = set(db.session.scalars(select(LedgerEntry.import_batch)))
        assert batches == {f"tugas-{job.id}"}
        page = client.get(location).get_data(as_text=True)
        assert "3 kegiatan diimpor" in page and "http-equiv" not in page
        listed = client.get("/tugas/").get_data(as_text=True)
        assert "Impor riwayat kegiatan kegiatan.csv" in listed and "Selesai" in listed


def test_a_finished_job_run_again_does_nothing(make_app, two_units):
    app = _app(make_app, "immediate")
    with app.app_context():
        _save_import(app, two_units)
        job = db.session.scalar(select(TaskJob).where(TaskJob.kind == "imports.commit"))
        assert job.status == DONE and _ledger_count() == 2
        jobs.run(job.id)  # a duplicate delivery of the same message
        assert _ledger_count() == 2
        # Even when the record was left "waiting" after its commit (consumer killed between
        # the commit and the status update), the batch is found and nothing is imported twice.
        db.session.execute(TaskJob.__table__.update().where(TaskJob.id == job.id)
                           .values(status=WAITING))
        db.session.commit()
        jobs.run(job.id)
        db.session.rollback()
        assert _ledger_count() == 2
        assert "sudah diimpor" in db.session.get(TaskJob, job.id).message


def test_a_failed_attempt_is_retried_then_succeeds(make_app, two_units, tmp_path):
    app = _app(make_app, f"sqlite:///{tmp_path / 'antrean.db'}")
    CALLS.clear()
    with app.app_context():
        job = TaskJob(kind="test.flaky", created_by_id=None)
        db.session.add(job)
        db.session.commit()
        with pytest.raises(RuntimeError):  # Huey sees the error and schedules the retry
            jobs.run(job.id, retries_left=1)
        db.session.rollback()
        assert db.session.get(TaskJob, job.id).status == WAITING
        jobs.run(job.id, retries_left=0)
        db.session.rollback()
        done = db.session.get(TaskJob, job.id)
        assert (done.status, done.attempts, done.message) == (DONE, 2, "Beres.")


def test_a_job_whose_consumer_died_is_requeued_when_a_consumer_starts(make_app, two_units):
    app = _app(make_app, "immediate")
    CALLS.clear()
    CALLS.append(0)  # the handler succeeds at once
    with app.app_context():
        job = TaskJob(kind="test.flaky", status=RUNNING,
                      started_at=jobs.utcnow() - jobs.dt.timedelta(hours=2))
        db.session.add(job)
        db.session.commit()
        assert jobs.requeue_unfinished() == 1
        db.session.rollback()
        assert db.session.get(TaskJob, job.id).status == DONE


def test_only_the_account_that_started_a_job_sees_it(make_app, two_units):
    app = _app(make_app, "immediate")
    with app.app_context():
        _, location = _save_import(app, two_units)
        other = app.test_client()
        other.login(two_units["A"]["admin"].nip)
        assert other.get(location).status_code == 404
        assert other.get(location + "/status").status_code == 404
        preview = db.session.scalar(select(TaskJob).where(TaskJob.kind == "imports.preview"))
        assert other.get(f"/impor/kegiatan/pratinjau/{preview.id}").status_code == 404
        # The uploader's own preview job is not a units/employees preview either.
        owner = app.test_client()
        owner.login(two_units["sdm"].nip)
        assert owner.get(f"/impor/kegiatan/pratinjau/{preview.id}").status_code == 200
        assert owner.get(f"/impor/pratinjau/{preview.id}").status_code == 404


def test_the_queue_named_in_the_environment_is_the_one_web_and_consumers_share(monkeypatch, tmp_path):
    """README: ``PORTAL_TASK_QUEUE`` names the queue (Redis in production, consumers on other
    machines). It was documented but never read, so every process used its own instance/tasks.db."""
    from portal.config import from_environment

    monkeypatch.setenv("PORTAL_TASK_QUEUE", f"sqlite:///{tmp_path / 'antrean.db'}")
    assert from_environment(tmp_path)["PORTAL_TASK_QUEUE"] == f"sqlite:///{tmp_path / 'antrean.db'}"
    monkeypatch.delenv("PORTAL_TASK_QUEUE")
    assert from_environment(tmp_path)["PORTAL_TASK_QUEUE"] == ""


def test_a_consumer_in_its_own_process_runs_a_job_the_web_starts_after_it_is_up(
        make_app, portal_database_url, tmp_path):
    """The deployment's shape: ``flask tasks worker`` started first, configured only by the
    environment; the web app enqueues later; the consumer runs it (here a bulk certificate job
    that no longer exists: the job ends as failed with its reason)."""
    queue = f"sqlite:///{tmp_path / 'tasks.db'}"
    app = make_app(PORTAL_TASK_QUEUE=queue)
    env = {**os.environ, "DATABASE_URL": portal_database_url, "PORTAL_TASK_QUEUE": queue, "SECRET_KEY": "uji",
           "PORTAL_UPLOAD_FOLDER": str(tmp_path / "unggahan"), "PORTAL_PUBLIC_URL": "http://127.0.0.1:5000/",
           "PORTAL_LOG_FORMAT": "text"}
    log = tmp_path / "konsumen.log"
    with log.open("w") as output:
        consumer = subprocess.Popen([sys.executable, "-m", "flask", "--app", "portal", "tasks", "worker",
                                     "--workers", "1", "--no-periodic"], env=env, stdout=output,
                                    stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while "consumer started" not in log.read_text() and time.monotonic() < deadline:
            assert consumer.poll() is None, log.read_text()
            time.sleep(0.1)
        with app.app_context():
            job = jobs.start("certificates.bulk", {"certificate_job": 987654}, None)
            while time.monotonic() < deadline:
                db.session.rollback()
                if db.session.get(TaskJob, job.id).status in (DONE, FAILED):
                    break
                time.sleep(0.1)
            done = db.session.get(TaskJob, job.id)
            assert done.status == FAILED, log.read_text()
            assert "tidak ditemukan" in done.message
    finally:
        consumer.terminate()
        consumer.wait(timeout=30)
