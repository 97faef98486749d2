"""Operations basics (issue 16 items 4 and 6): health endpoints without sign-in or personal data,
a request id on every response, in the logs and on the error page, 503 with Retry-After while the
database is unreachable, one-line JSON logs and security events at INFO."""

from __future__ import annotations

import gc
import json
import logging
import re
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

from portal.operations.logs import JsonFormatter

HEX = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture
def security_log(caplog):
    logger = logging.getLogger("portal.security")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="portal.security")
    yield caplog
    logger.removeHandler(caplog.handler)


def test_healthz_and_readyz_answer_without_sign_in_and_without_personal_data(client):
    assert client.get("/healthz").json == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json == {"status": "ok", "checks": {"database": "ok", "queue": "ok", "storage": "ok"}}


def test_readyz_is_503_when_the_upload_folder_cannot_be_written(make_app, tmp_path):
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("berkas, bukan folder")
    app = make_app()
    app.config["UPLOAD_FOLDER"] = str(blocked / "uploads")  # a folder under a file: never writable
    response = app.test_client().get("/readyz")
    assert response.status_code == 503 and response.headers["Retry-After"] == "30"
    assert response.json["checks"]["storage"] == "tidak siap" and response.json["checks"]["database"] == "ok"


def test_every_response_carries_a_request_id_and_a_sane_incoming_one_is_kept(client):
    generated = client.get("/masuk").headers["X-Request-ID"]
    assert HEX.match(generated)
    kept = client.get("/masuk", headers={"X-Request-ID": "proxy-abc-12345"}).headers["X-Request-ID"]
    assert kept == "proxy-abc-12345"
    for hostile in ("a b c d e f g h", "x" * 200, "<script>alert(1)</script>"):
        replaced = client.get("/masuk", headers={"X-Request-ID": hostile}).headers["X-Request-ID"]
        assert HEX.match(replaced)


def test_the_error_page_names_the_request_id(client, people, login):
    signed_in = login(people.person(people.unit("U1")))
    response = signed_in.get("/halaman-yang-tidak-ada")
    assert response.status_code == 404
    assert response.headers["X-Request-ID"] in response.get_data(as_text=True)


def test_an_unreachable_database_is_503_with_retry_after_never_a_500(make_app, tmp_path):
    make_app()  # the test's own database first: it is the one cleaned up after the test
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/tidak/ada/portal.db")
    client = app.test_client()
    response = client.get("/verifikasi/?nomor=1/2026&nip=197001012000011001")
    assert response.status_code == 503 and response.headers["Retry-After"] == "30"
    body = response.get_data(as_text=True)
    assert "Basis data portal sedang tidak dapat dihubungi" in body and response.headers["X-Request-ID"] in body
    assert client.get("/readyz").status_code == 503


def test_json_log_lines_are_one_object_with_the_fields():
    record = logging.LogRecord("portal.request", logging.INFO, __file__, 1, "GET %s", ("/jp/saya",), None)
    record.fields = {"status": 200, "latency_ms": 12.5, "user_id": 7}
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "GET /jp/saya" and data["status"] == 200 and data["user_id"] == 7
    assert data["level"] == "INFO" and data["logger"] == "portal.request"


def test_failed_sign_ins_and_permission_refusals_are_security_events(client, people, login, security_log):
    employee = people.person(people.unit("U1"))
    client.post("/masuk", data={"nip": employee.nip, "password": "salah-sekali"})
    login(employee).get("/admin/kotak-keluar")  # admin SDM only
    events = [getattr(r, "fields", {}).get("event") for r in security_log.records]
    assert "sign_in_failed" in events and "permission_refused" in events
    failed = next(r for r in security_log.records if r.fields["event"] == "sign_in_failed")
    assert failed.fields["nip"] == employee.nip and "salah-sekali" not in str(failed.fields)


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


def _gunicorn_config() -> dict:
    return runpy.run_path(str(Path(__file__).resolve().parents[1] / "gunicorn.conf.py"))


def _server(preload: bool) -> SimpleNamespace:
    return SimpleNamespace(cfg=SimpleNamespace(preload_app=preload), log=logging.getLogger("gunicorn.test"))


def test_the_preloaded_app_is_frozen_in_the_master_before_workers_fork(unfrozen, app):
    config = _gunicorn_config()
    config["when_ready"](_server(preload=True))
    assert gc.get_freeze_count() > 10_000  # modules, mappers, routes: skipped by every collection
    gc.unfreeze()
    config["post_worker_init"](_server(preload=True))  # a forked worker inherits the freeze
    assert gc.get_freeze_count() == 0


def test_without_preload_each_worker_freezes_the_app_it_loaded(unfrozen, app):
    config = _gunicorn_config()
    config["when_ready"](_server(preload=False))  # the master has no app to freeze
    assert gc.get_freeze_count() == 0
    config["post_worker_init"](_server(preload=False))
    assert gc.get_freeze_count() > 10_000
