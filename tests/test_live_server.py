"""The browser tests' live server stops cleanly between tests: a request still running when the
next test restores the SQLite file failed that test's set-up with "disk I/O error"."""

from __future__ import annotations

import threading

from portal.testing_browser import _Stoppable


def test_a_stopped_live_server_waits_for_running_requests_and_answers_no_more():
    started, release = threading.Event(), threading.Event()

    def slow(environ, start_response):
        started.set()
        release.wait(5)
        start_response("200 OK", [])
        return [b"ok"]

    app = _Stoppable(slow)
    answered = {}
    request = threading.Thread(target=lambda: answered.update(body=b"".join(app({}, lambda *a: None))))
    request.start()
    assert started.wait(5)
    stopper = threading.Thread(target=app.stop)
    stopper.start()
    stopper.join(0.3)
    assert stopper.is_alive()  # the running request is waited for
    release.set()
    request.join(5)
    stopper.join(5)
    assert not stopper.is_alive() and answered["body"] == b"ok"
    statuses = []
    assert b"".join(app({}, lambda status, headers: statuses.append(status))) == b"stopped"
    assert statuses == ["503 Service Unavailable"]  # a later request never reaches the app
