"""No impersonation path (issue 15 item 2): temporary passwords only below the admin's
authority (derived roles count), shown once, expiring, forcing a change, ending sessions and API
tokens, told to the holder and audited; admin SDM lists and revokes any API token."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from portal.api import tokens
from portal.extensions import db
from portal.models import Account, ApiToken, AuditLog
from portal.models.account import utcnow
from portal.models.notification import Notification

RESET = "/admin/pegawai/{}/kata-sandi-sementara"


def _account(employee) -> Account:
    db.session.expire_all()
    return db.session.scalar(select(Account).where(Account.employee_id == employee.id))


def _reset(client, employee) -> str:
    page = client.post(RESET.format(employee.id))
    assert page.status_code == 200, page.status_code
    return re.search(r'<code class="big">([^<]+)</code>', page.get_data(as_text=True)).group(1)


def _api(client, token):
    return client.get("/api/v1/plugins", headers={"Authorization": f"Bearer {token}"})


def test_admin_unit_cannot_reset_an_atasan_derived_role_counts(client, two_units):
    atasan = two_units["A"]["atasan"]  # supervises Staf A and heads A.01: derived roles only
    before = _account(atasan).password_hash
    client.login(two_units["A"]["admin"].nip)
    page = client.post(RESET.format(atasan.id), follow_redirects=True).get_data(as_text=True)
    assert "Hanya Admin SDM" in page and "atasan langsung" in page and "pimpinan unit" in page
    assert _account(atasan).password_hash == before


def test_admin_sdm_may_reset_an_atasan(client, two_units):
    client.login(two_units["sdm"].nip)
    assert _reset(client, two_units["A"]["atasan"])


def test_nobody_resets_their_own_account_here(client, two_units):
    admin = two_units["A"]["admin"]
    client.login(admin.nip)
    page = client.post(RESET.format(admin.id), follow_redirects=True).get_data(as_text=True)
    assert "halaman Ganti kata sandi" in page


def test_reset_ends_sessions_revokes_api_tokens_notifies_and_audits(make_app, two_units):
    staff = two_units["A"]["staff"]
    app = make_app()
    victim, admin = app.test_client(), app.test_client()
    victim.login(staff.nip)
    _, token = tokens.create(_account(staff), "skrip laporan")
    db.session.commit()
    assert _api(app.test_client(), token).status_code == 200
    admin.login(two_units["A"]["admin"].nip)
    page = admin.post(RESET.format(staff.id)).get_data(as_text=True)
    assert "hanya ditampilkan sekali" in page and "Berlaku sampai" in page
    assert victim.get("/").status_code == 302  # the old session ended
    assert _api(app.test_client(), token).status_code == 401  # and the API token
    account = _account(staff)
    assert account.must_change_password and account.temporary_password_expires_at > utcnow()
    assert account.temporary_password_expires_at < utcnow() + dt.timedelta(hours=73)
    notice = db.session.scalar(select(Notification).where(Notification.employee_id == staff.id))
    assert notice.title == "Kata sandi sementara dibuat untuk akun Anda" and "Admin A" in notice.body
    entry = db.session.scalar(select(AuditLog).where(AuditLog.action == "account.temporary_password"))
    assert entry.new_values["token_api_dicabut"] == 1


def test_first_sign_in_with_a_temporary_password_forces_a_change(make_app, two_units):
    staff = two_units["A"]["staff"]
    app = make_app()
    admin = app.test_client()
    admin.login(two_units["A"]["admin"].nip)
    password = _reset(admin, staff)
    user = app.test_client()
    response = user.post("/masuk", data={"nip": staff.nip, "password": password})
    assert response.headers["Location"].endswith("/akun/kata-sandi")
    for url in ("/", "/kotak-masuk", "/jp/saya"):
        assert user.get(url).headers["Location"].endswith("/akun/kata-sandi"), url
    assert user.get("/", headers={"HX-Request": "true"}).headers["HX-Redirect"].endswith("/akun/kata-sandi")
    page = user.get("/akun/kata-sandi").get_data(as_text=True)
    assert "kata sandi sementara" in page
    same = user.post("/akun/kata-sandi", data={"current": password, "new": password, "confirm": password})
    assert "harus berbeda" in same.get_data(as_text=True)
    new = "kalimat-rahasia-saya-sendiri"
    done = user.post("/akun/kata-sandi", data={"current": password, "new": new, "confirm": new})
    assert done.status_code == 302
    assert user.get("/").status_code == 200
    account = _account(staff)
    assert not account.must_change_password and account.temporary_password_expires_at is None


def test_an_expired_temporary_password_no_longer_signs_in(make_app, two_units):
    staff = two_units["A"]["staff"]
    app = make_app(PORTAL_TEMPORARY_PASSWORD_HOURS=1)
    admin = app.test_client()
    admin.login(two_units["A"]["admin"].nip)
    password = _reset(admin, staff)
    account = _account(staff)
    assert account.temporary_password_expires_at < utcnow() + dt.timedelta(hours=1, minutes=1)
    account.temporary_password_expires_at = utcnow() - dt.timedelta(minutes=1)
    db.session.commit()
    page = app.test_client().post("/masuk", data={"nip": staff.nip, "password": password})
    assert page.status_code == 200 and "sudah kedaluwarsa" in page.get_data(as_text=True)


def test_an_admin_who_set_a_temporary_password_cannot_then_appoint_that_account(client, two_units):
    """The account is one the admin controls until its holder chooses their own password."""
    from tests.test_authority import _unit_form

    staff, sub = two_units["A"]["staff"], two_units["A"]["sub"]
    client.login(two_units["A"]["admin"].nip)
    _reset(client, staff)
    body = client.post(f"/unit/{sub.id}/ubah", data=_unit_form(sub, pimpinan_nip=staff.nip)).get_data(as_text=True)
    assert "kata sandi sementaranya Anda buat" in body


def test_admin_sdm_lists_and_revokes_any_api_token(client, two_units):
    staff = two_units["B"]["staff"]
    row, token = tokens.create(_account(staff), "integrasi SIASN")
    db.session.commit()
    client.login(two_units["A"]["admin"].nip)
    assert client.get("/admin/token-api").status_code == 403  # admin_unit: not theirs to see
    client.logout()
    client.login(two_units["sdm"].nip)
    page = client.get("/admin/token-api").get_data(as_text=True)
    assert "integrasi SIASN" in page and "Staf B" in page and token not in page
    assert client.post(f"/admin/token-api/{row.id}/cabut").status_code == 302
    db.session.expire_all()
    assert db.session.get(ApiToken, row.id).is_revoked
    assert _api(client, token).status_code == 401
    assert db.session.scalar(select(Notification).where(Notification.employee_id == staff.id,
                                                        Notification.title == "Token API Anda dicabut"))
    again = client.post(f"/admin/token-api/{row.id}/cabut", follow_redirects=True)
    assert "sudah dicabut" in again.get_data(as_text=True)


def test_peers_are_not_below_each_other(client, two_units, people):
    """An admin SDM does not reset another admin SDM; an admin_unit does not reset an admin of
    the same subtree, only of a narrower one."""
    a = two_units["A"]
    other_sdm = people.person(a["sub"], "admin_sdm", nama="Admin SDM Dua", supervisor=a["atasan"])
    peer = people.person(a["sub"], "admin_unit", nama="Admin A Kembar", admin_of=a["top"],
                         supervisor=a["atasan"])
    narrower = people.person(a["sub"], "admin_unit", nama="Admin A Satu", admin_of=a["sub"],
                             supervisor=a["atasan"])
    client.login(two_units["sdm"].nip)
    page = client.post(RESET.format(other_sdm.id), follow_redirects=True).get_data(as_text=True)
    assert "setara atau di atas kewenangan Anda" in page
    client.logout()
    client.login(a["admin"].nip)
    page = client.post(RESET.format(peer.id), follow_redirects=True).get_data(as_text=True)
    assert "setara atau di atas kewenangan Anda" in page
    assert _reset(client, narrower)
