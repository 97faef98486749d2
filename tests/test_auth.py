"""Sign-in, sessions, safe redirects, throttling, password change and CSRF."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from flask import Flask
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select

from portal.access import PUBLIC, declared_access
from portal.extensions import db, limiter
from portal.models import Account, UnitMechanism
from portal.testing import TEST_PASSWORD
from tests.plugin_double import plugin
from tests.test_access import HTMX, RealIds, account_of, is_login_url, targets

CSRF_TEXT = "token CSRF"
# Pages anyone may open, each reviewed: sign-in, assets, public certificate verification.
REVIEWED_PUBLIC = {"static", "auth.login", "verify.by_token", "verify.search",
                   "health.healthz", "health.readyz"}  # liveness/readiness: no personal data
# Blueprints authenticated only by a bearer token (CSRF-exempt; cookies are ignored).
BEARER_BLUEPRINTS = {"api"}
_TOKEN = re.compile(r'(name="csrf-token" content="|name="csrf_token" type="hidden" value="|'
                    r'"X-CSRFToken": ")[^"]+')


def cookie(client, app: Flask) -> str | None:
    found = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    return found.value if found else None


def location(response) -> str:
    return response.headers.get("Location", "")


def attempt(client, nip: str, password: str, **kwargs):
    return client.post("/masuk", data={"nip": nip, "password": password}, **kwargs)


# --------------------------------------------------------------------------- sign in / out


def test_sign_in_with_nip_and_password(client, two_units):
    staff = two_units["A"]["staff"]
    response = attempt(client, staff.nip, TEST_PASSWORD)
    assert response.status_code == 302 and urlsplit(location(response)).path == "/"
    assert "Selamat datang, Staf A" in client.get("/").get_data(as_text=True)


def test_nip_may_be_typed_with_spaces(client, two_units):
    nip = two_units["A"]["staff"].nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert attempt(client, spaced, TEST_PASSWORD).status_code == 302


def test_unknown_nip_and_wrong_password_answer_alike(client, two_units):
    known = two_units["A"]["staff"].nip
    unknown = "198001012005011999"

    def answer(nip: str, password: str) -> tuple[int, str]:
        response = attempt(client, nip, password)
        body = _TOKEN.sub(r"\1TOKEN", response.get_data(as_text=True)).replace(nip, "NIP")
        return response.status_code, body

    wrong_password = answer(known, "salah-sekali-123")
    unknown_nip = answer(unknown, "salah-sekali-123")
    assert wrong_password == unknown_nip
    assert wrong_password[0] == 200
    assert "NIP atau kata sandi salah." in wrong_password[1]


def test_disabled_account_cannot_sign_in(client, two_units):
    staff = two_units["A"]["staff"]
    account_of(staff).is_enabled = False
    db.session.commit()
    response = attempt(client, staff.nip, TEST_PASSWORD)
    assert response.status_code == 200
    assert "NIP atau kata sandi salah." in response.get_data(as_text=True)


def test_sign_in_starts_a_new_session(app, client, two_units):
    client.get("/masuk")
    before = cookie(client, app)
    old_token = client.csrf_token()
    assert before
    client.login(two_units["A"]["staff"].nip)
    assert cookie(client, app) != before
    # Nothing of the pre-login session survives: its CSRF token is worthless now.
    response = client.post("/keluar", csrf=False, headers={"X-CSRFToken": old_token})
    assert response.status_code == 400
    assert client.get("/").status_code == 200


def test_logout_is_post_only_with_csrf(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    assert client.get("/keluar").status_code == 405
    assert client.post("/keluar", csrf=False).status_code == 400
    assert client.get("/").status_code == 200  # still signed in
    response = client.logout()
    assert response.status_code == 302 and is_login_url(location(response))
    assert is_login_url(location(client.get("/")))


def test_replayed_cookie_after_logout_is_anonymous(app, client, two_units):
    client.login(two_units["A"]["staff"].nip)
    stolen = cookie(client, app)
    client.logout()
    replay = app.test_client()
    replay.set_cookie(app.config["SESSION_COOKIE_NAME"], stolen)
    response = replay.get("/")
    assert response.status_code == 302 and is_login_url(location(response))
    assert replay.get("/", headers=HTMX).status_code == 401


def test_tampered_cookie_is_anonymous(app, client, two_units):
    client.login(two_units["A"]["staff"].nip)
    value = cookie(client, app)
    flipped = value[:-3] + ("A" if value[-3] != "A" else "B") + value[-2:]
    name = app.config["SESSION_COOKIE_NAME"]
    session_token = account_of(two_units["A"]["staff"]).session_token
    forged = URLSafeTimedSerializer("not-the-secret", salt="cookie-session",
                                    signer_kwargs={"key_derivation": "hmac", "digest_method": "sha1"})
    for bad in (flipped, "garbage", "", "." * 4000,
                forged.dumps({"_user_id": session_token, "_fresh": True})):
        other = app.test_client()
        other.set_cookie(name, bad)
        response = other.get("/")
        assert response.status_code == 302 and is_login_url(location(response)), bad[:20]
        assert other.get("/masuk").status_code == 200


def test_session_cookie_flags(app, client, two_units):
    response = client.post("/masuk", data={"nip": two_units["A"]["staff"].nip,
                                           "password": TEST_PASSWORD})
    header = next(h for h in response.headers.getlist("Set-Cookie")
                  if h.startswith(app.config["SESSION_COOKIE_NAME"] + "="))
    assert "HttpOnly" in header and "SameSite=Lax" in header


@pytest.mark.parametrize("target", [
    "https://evil.example", "//evil.example", "/\\evil.example", "%2F%2Fevil.example",
    "javascript:alert(1)", "///evil.example", "/\t/evil.example", "https:/evil.example",
])
def test_unsafe_next_lands_on_home(client, two_units, target):
    response = client.post("/masuk", query_string={"next": target},
                           data={"nip": two_units["A"]["staff"].nip, "password": TEST_PASSWORD})
    assert response.status_code == 302
    parts = urlsplit(location(response))
    assert (parts.scheme, parts.netloc, parts.path) == ("", "", "/")


def test_encoded_next_in_raw_query_lands_on_home(client, two_units):
    response = client.post("/masuk?next=%2F%2Fevil.example",
                           data={"nip": two_units["A"]["staff"].nip, "password": TEST_PASSWORD})
    assert location(response) == "/"


def test_safe_next_is_honoured(client, two_units):
    response = client.post("/masuk", query_string={"next": "/pegawai/"},
                           data={"nip": two_units["A"]["atasan"].nip, "password": TEST_PASSWORD})
    assert location(response) == "/pegawai/"


# --------------------------------------------------------------------------- throttling


def test_six_failures_for_one_nip_are_throttled(client, two_units):
    victim = two_units["A"]["staff"].nip
    answers = [attempt(client, victim, f"salah-{i}-abcdef").status_code for i in range(6)]
    assert answers == [200] * 5 + [429]
    blocked = attempt(client, victim, TEST_PASSWORD)
    assert blocked.status_code == 429
    body = blocked.get_data(as_text=True)
    assert "Terlalu banyak" in body and 'lang="id"' in body
    htmx = attempt(client, victim, TEST_PASSWORD, headers=HTMX)
    assert htmx.status_code == 429
    # Another account signs in from the same address.
    assert attempt(client, two_units["A"]["atasan"].nip, TEST_PASSWORD).status_code == 302


def test_rotating_forwarded_for_does_not_escape_the_limit(client, two_units):
    victim = two_units["A"]["staff"].nip
    answers = [attempt(client, victim, "salah-abcdef", headers={"X-Forwarded-For": f"10.0.0.{i}"})
               .status_code for i in range(7)]
    assert answers[-1] == 429


def test_address_limit(make_app, two_units):
    app = make_app(PORTAL_LOGIN_LIMIT_ADDRESS="4 per minute")
    client = app.test_client()
    others = [two_units[k][r].nip for k in ("A", "B") for r in ("head", "atasan")]
    assert [attempt(client, nip, "salah-abcdef").status_code for nip in others] == [200] * 4
    blocked = attempt(client, two_units["A"]["staff"].nip, TEST_PASSWORD)
    assert blocked.status_code == 429
    assert "Terlalu banyak" in blocked.get_data(as_text=True)
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "10.1.2.3"
    assert attempt(elsewhere, two_units["A"]["staff"].nip, TEST_PASSWORD).status_code == 302


def test_successful_sign_ins_do_not_count(make_app, two_units):
    app = make_app(PORTAL_LOGIN_LIMIT_ACCOUNT="2 per minute")
    nip = two_units["A"]["staff"].nip
    for _ in range(4):
        client = app.test_client()
        assert attempt(client, nip, TEST_PASSWORD).status_code == 302


def test_no_permanent_lockout_after_reset(client, two_units):
    victim = two_units["A"]["staff"].nip
    for i in range(6):
        attempt(client, victim, f"salah-{i}-abcdef")
    assert attempt(client, victim, TEST_PASSWORD).status_code == 429
    limiter.reset()
    assert attempt(client, victim, TEST_PASSWORD).status_code == 302


def test_throttle_window_expires(make_app, two_units):
    app = make_app(PORTAL_LOGIN_LIMIT_ACCOUNT="3 per 2 second")
    client = app.test_client()
    victim = two_units["A"]["staff"].nip
    statuses = []
    while 429 not in statuses and len(statuses) < 20:
        statuses.append(attempt(client, victim, "salah-abcdef").status_code)
    assert 429 in statuses
    time.sleep(2.2)
    assert attempt(client, victim, TEST_PASSWORD).status_code == 302


# --------------------------------------------------------------------------- passwords


def _change(client, current: str, new: str, confirm: str | None = None):
    return client.post("/akun/kata-sandi",
                       data={"current": current, "new": new, "confirm": confirm or new})


def _password_hash(employee) -> str:
    db.session.rollback()
    return account_of(employee).password_hash


def test_password_change_needs_the_current_password(client, two_units):
    staff = two_units["A"]["staff"]
    client.login(staff.nip)
    before = _password_hash(staff)
    response = _change(client, "bukan-sandi-lama", "kalimat sandi baru yang panjang")
    assert response.status_code == 200
    assert "Kata sandi saat ini salah." in response.get_data(as_text=True)
    assert _password_hash(staff) == before


@pytest.mark.parametrize("new, message", [
    ("pendek7", "minimal 8"),
    ("NIP", "mudah ditebak"),
    ("sandi-NIP-ku", "mudah ditebak"),
    ("password", "mudah ditebak"),
    ("x" * 10_000, "maksimal"),
])
def test_weak_new_passwords_are_refused(client, two_units, new, message):
    staff = two_units["A"]["staff"]
    client.login(staff.nip)
    before = _password_hash(staff)
    response = _change(client, TEST_PASSWORD, new.replace("NIP", staff.nip))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert _password_hash(staff) == before


def test_mismatched_confirmation_is_refused(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    response = _change(client, TEST_PASSWORD, "kalimat sandi baru", "kalimat sandi lain")
    assert "tidak sama" in response.get_data(as_text=True)


def test_password_change_ends_other_sessions(app, two_units):
    nip = two_units["A"]["staff"].nip
    here, elsewhere = app.test_client(), app.test_client()
    here.login(nip)
    elsewhere.login(nip)
    new = "kalimat sandi baru yang panjang ✓"
    response = _change(here, TEST_PASSWORD, new)
    assert response.status_code == 302
    assert here.get("/").status_code == 200  # this session continues
    assert is_login_url(location(elsewhere.get("/")))
    assert attempt(app.test_client(), nip, TEST_PASSWORD).status_code == 200
    assert app.test_client().login(nip, new).status_code == 302


def test_huge_password_is_refused_cleanly(client, two_units):
    response = attempt(client, two_units["A"]["staff"].nip, "x" * 10_240)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "x" * 300 not in body
    assert "characters" not in body and "Field" not in body  # messages are Indonesian
    assert "kata sandi" in body.lower()


def test_long_passphrase_is_accepted(client, two_units):
    staff = two_units["A"]["staff"]
    client.login(staff.nip)
    phrase = "Saya belajar 70:20:10 di Kementerian PUPR sejak 2023 — dengan semangat! " * 2
    assert len(phrase) > 128
    assert _change(client, TEST_PASSWORD, phrase).status_code == 302
    fresh = client.application.test_client()
    assert fresh.login(staff.nip, phrase).status_code == 302


# --------------------------------------------------------------------------- CSRF


@pytest.fixture
def portal(make_app):
    return make_app(plugins=[plugin()])


def test_every_post_without_token_is_refused(portal, two_units, people):
    ids = RealIds(two_units, people)
    signed = portal.test_client()
    signed.login(two_units["sdm"].nip)
    anonymous = portal.test_client()
    failures = []
    for target in targets(portal):
        if target.method != "POST":
            continue
        url = ids.url(portal, target)
        bearer_only = target.endpoint.split(".")[0] in BEARER_BLUEPRINTS
        for who, client in (("sdm", signed), ("anonymous", anonymous)):
            for headers in ({}, HTMX):
                response = client.post(url, csrf=False, headers=headers, data={"x": "1"})
                body = response.get_data(as_text=True)
                if bearer_only:  # CSRF-exempt: a cookie must not authenticate it at all
                    if response.status_code not in (401, 404, 405):
                        failures.append(f"{target} as {who}: {response.status_code}")
                elif response.status_code != 400 or CSRF_TEXT not in body:
                    failures.append(f"{target} as {who}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert signed.get("/").status_code == 200  # the logout POST did nothing either


def test_login_post_needs_a_token(client, two_units):
    response = client.post("/masuk", csrf=False,
                           data={"nip": two_units["A"]["staff"].nip, "password": TEST_PASSWORD})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Formulir sudah kedaluwarsa" in body and CSRF_TEXT in body


def test_token_in_query_string_is_refused(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    token = client.csrf_token()
    response = client.post(f"/keluar?csrf_token={token}", csrf=False)
    assert response.status_code == 400
    assert client.get("/").status_code == 200


def test_token_of_another_session_is_refused(app, client, two_units):
    client.login(two_units["A"]["staff"].nip)
    other = app.test_client()
    other.login(two_units["A"]["atasan"].nip)
    response = client.post("/keluar", csrf=False, headers={"X-CSRFToken": other.csrf_token()})
    assert response.status_code == 400


def test_token_in_form_field_works(client, two_units):
    client.login(two_units["A"]["staff"].nip)
    response = client.post("/keluar", csrf=False, data={"csrf_token": client.csrf_token()})
    assert response.status_code == 302 and is_login_url(location(response))


def test_htmx_request_with_header_token_works(portal, two_units):
    client = portal.test_client()
    client.login(two_units["A"]["admin"].nip)
    unit = two_units["A"]["top"]
    response = client.post(f"/mekanisme/unit/{unit.id}/contoh", data={"state": "off"},
                           headers={**HTMX, "X-CSRFToken": client.csrf_token()}, csrf=False)
    assert response.status_code in (200, 204, 302)
    db.session.rollback()
    rows = db.session.scalars(select(UnitMechanism).where(UnitMechanism.unit_id == unit.id)).all()
    assert [row.enabled for row in rows] == [False]


def test_public_endpoints_are_reviewed(portal):
    """A new PUBLIC page fails here until someone reviewed it and added it to the list."""
    with portal.app_context():
        public = {r.endpoint for r in portal.url_map.iter_rules()
                  if PUBLIC in (declared_access(r.endpoint) or ())}
    unreviewed = {e for e in public - REVIEWED_PUBLIC
                  if e.split(".")[0] not in BEARER_BLUEPRINTS and not e.endswith(".static")}
    assert unreviewed == set()


def test_account_ids_are_not_the_session_identifier(app, client, two_units):
    """The session carries the rotating token, not the account's primary key."""
    client.login(two_units["A"]["staff"].nip)
    account = db.session.scalar(select(Account).where(
        Account.employee_id == two_units["A"]["staff"].id))
    assert account.get_id() == account.session_token != str(account.id)
