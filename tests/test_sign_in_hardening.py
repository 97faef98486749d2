"""Issue 15 item 6: sign-in throttling that cannot lock a person out, shared storage, a real
common-password list, throttled re-authentication, an absolute session lifetime and
``Clear-Site-Data`` on logout."""

from __future__ import annotations

import time

from portal.auth import passwords
from portal.auth.session_limits import SIGNED_IN_AT
from portal.extensions import db
from portal.testing import TEST_PASSWORD
from tests.test_access import account_of, is_login_url
from tests.test_auth import attempt, location

ATTACKER = "10.66.6.6"


def _from(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_an_attacker_elsewhere_is_throttled_but_cannot_lock_the_holder_out(app, two_units):
    victim = two_units["A"]["staff"].nip
    attacker = _from(app, ATTACKER)
    answers = [attempt(attacker, victim, f"tebakan-{i}-xyz").status_code for i in range(7)]
    assert answers[:5] == [200] * 5 and answers[-1] == 429
    assert attempt(attacker, victim, TEST_PASSWORD).status_code == 429  # the attacker stays out
    holder = app.test_client()  # the usual address
    assert attempt(holder, victim, TEST_PASSWORD).status_code == 302


def test_rate_limit_storage_can_be_redis_shared_by_workers(make_app):
    app = make_app(RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/0")
    from limits.storage import RedisStorage

    from portal.extensions import limiter

    with app.app_context():
        assert isinstance(limiter._storage, RedisStorage)


def test_common_password_list_holds_tens_of_thousands_of_real_passwords():
    listed = passwords.common_passwords()
    assert len(listed) >= 10_000
    for weak in ("qwertyuiop", "1234567890", "Password123", "sunshine2026", "kemenpupr2025",
                 "pegawai123", "iloveyou!"):
        assert passwords.problems(weak), weak
    assert passwords.problems("kalimat sandi yang panjang sekali") == []


def test_probe_passwords_are_refused_on_change(client, two_units):
    staff = two_units["A"]["staff"]
    client.login(staff.nip)
    for weak in ("qwertyuiop", "1234567890"):
        response = client.post("/akun/kata-sandi", data={"current": TEST_PASSWORD, "new": weak,
                                                         "confirm": weak})
        assert response.status_code == 200
        assert "mudah ditebak" in response.get_data(as_text=True)


def test_current_password_check_on_change_is_throttled(make_app, two_units):
    app = make_app(PORTAL_REAUTH_LIMIT="3 per 15 minutes")
    staff = two_units["A"]["staff"]
    thief = app.test_client()
    thief.login(staff.nip)
    new = "kalimat sandi baru yang panjang"
    answers = [thief.post("/akun/kata-sandi", data={"current": f"tebakan-{i}", "new": new,
                                                    "confirm": new}).status_code for i in range(4)]
    assert answers == [200, 200, 200, 429]
    right = thief.post("/akun/kata-sandi", data={"current": TEST_PASSWORD, "new": new, "confirm": new})
    assert right.status_code == 429  # guessing has stopped, even when the guess is right
    db.session.expire_all()
    assert passwords.verify(account_of(staff).password_hash, TEST_PASSWORD)
    other = app.test_client()
    other.login(two_units["A"]["atasan"].nip)
    assert other.post("/akun/kata-sandi", data={"current": TEST_PASSWORD, "new": new,
                                                "confirm": new}).status_code == 302


def test_a_session_ends_after_its_absolute_lifetime_however_busy(app, client, two_units):
    client.login(two_units["A"]["staff"].nip)
    assert client.get("/").status_code == 200
    hours = app.config["PORTAL_SESSION_ABSOLUTE_HOURS"]
    with client.session_transaction() as session:
        session[SIGNED_IN_AT] = int(time.time()) - hours * 3600 + 60  # a minute left
    assert client.get("/").status_code == 200
    with client.session_transaction() as session:
        session[SIGNED_IN_AT] = int(time.time()) - hours * 3600 - 1
    ended = client.get("/")
    assert is_login_url(location(ended))
    page = client.get(location(ended)).get_data(as_text=True)
    assert f"paling lama {hours} jam sejak masuk" in page
    assert is_login_url(location(client.get("/")))  # signed out, not just redirected once
    htmx = app.test_client()
    htmx.login(two_units["A"]["atasan"].nip)
    with htmx.session_transaction() as session:
        session[SIGNED_IN_AT] = 0
    assert htmx.get("/", headers={"HX-Request": "true"}).headers.get("HX-Redirect") == "/masuk"


def test_absolute_lifetime_is_a_setting_of_twelve_hours_by_default(app):
    assert app.config["PORTAL_SESSION_ABSOLUTE_HOURS"] == 12
    idle = app.config["PERMANENT_SESSION_LIFETIME"]
    assert getattr(idle, "total_seconds", lambda: idle)() <= 12 * 3600  # the sliding idle limit


def test_logout_clears_site_data_and_says_so(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    response = client.post("/keluar")
    assert response.headers["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert is_login_url(location(response))
    assert "Anda telah keluar." in client.get(location(response)).get_data(as_text=True)
