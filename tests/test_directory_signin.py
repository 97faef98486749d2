"""Directory sign-in (issue 20 item 4) against a real OpenLDAP server (``slapd`` on a loopback
port, tests/slapd_server.py): the account is matched by NIP, a directory user signs in with the
directory password only, a directory outage gives a clear Indonesian message and local
passwords keep working where allowed (``PORTAL_LOCAL_PASSWORDS``)."""

from __future__ import annotations

import pytest

from portal.testing import TEST_PASSWORD
from tests.slapd_server import slapd  # noqa: F401 - the fixture

DIRECTORY_PASSWORD = "sandi-direktori-7"


@pytest.fixture
def directory_app(make_app, two_units, slapd):  # noqa: F811
    staff = two_units["A"]["staff"]
    slapd.add_person("staf-a", staff.nip, DIRECTORY_PASSWORD)
    return make_app(**slapd.config())


def sign_in(app, nip: str, password: str):
    return app.test_client().post("/masuk", data={"nip": nip, "password": password})


def test_right_directory_password_signs_in(directory_app, two_units):
    response = sign_in(directory_app, two_units["A"]["staff"].nip, DIRECTORY_PASSWORD)
    assert response.status_code == 302


def test_wrong_password_is_refused_and_the_local_one_does_not_replace_it(directory_app, two_units):
    nip = two_units["A"]["staff"].nip
    for password in ("salah-sekali", TEST_PASSWORD):
        response = sign_in(directory_app, nip, password)
        assert response.status_code == 200
        assert "NIP atau kata sandi salah." in response.get_data(as_text=True)


def test_directory_user_not_in_the_portal_is_told_so(directory_app, slapd):  # noqa: F811
    slapd.add_person("tamu", "199001012015011001", "sandi-tamu-1")
    response = sign_in(directory_app, "199001012015011001", "sandi-tamu-1")
    assert response.status_code == 200
    assert "belum memiliki akun di portal" in response.get_data(as_text=True)


def test_account_outside_the_directory_keeps_its_local_password(directory_app, two_units):
    assert sign_in(directory_app, two_units["B"]["staff"].nip, TEST_PASSWORD).status_code == 302


def test_local_passwords_can_be_switched_off(make_app, two_units, slapd):  # noqa: F811
    app = make_app(**slapd.config(PORTAL_LOCAL_PASSWORDS=False))
    assert sign_in(app, two_units["B"]["staff"].nip, TEST_PASSWORD).status_code == 200


def test_directory_down_gives_a_message_and_local_sign_in_keeps_working(directory_app, two_units,
                                                                      slapd):  # noqa: F811
    slapd.stop()
    staff = two_units["A"]["staff"]
    refused = sign_in(directory_app, staff.nip, DIRECTORY_PASSWORD)
    assert refused.status_code == 200
    assert "Direktori kementerian (LDAP) sedang tidak dapat dihubungi" in refused.get_data(as_text=True)
    assert sign_in(directory_app, staff.nip, TEST_PASSWORD).status_code == 302


def test_directory_down_with_local_passwords_off_refuses_with_the_reason(make_app, two_units,
                                                                       slapd):  # noqa: F811
    app = make_app(**slapd.config(PORTAL_LOCAL_PASSWORDS=False))
    slapd.stop()
    response = sign_in(app, two_units["A"]["staff"].nip, TEST_PASSWORD)
    assert response.status_code == 200
    assert "kata sandi portal dinonaktifkan" in response.get_data(as_text=True)
