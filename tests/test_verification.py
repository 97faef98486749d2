"""Public verification of e-certificates: by QR token, or by number together with NIP."""

from __future__ import annotations

import pytest

from portal.certificates.service import issue, reissue, revoke
from portal.extensions import db
from tests.certificate_helpers import entry_for


@pytest.fixture
def certificate(two_units, people):
    holder = people.person(two_units["A"]["sub"], nama="Siti Nurhaliza Ärni", golongan="III/a",
                           jabatan="Pengelola Jalan", supervisor=two_units["A"]["atasan"])
    return issue(entry_for(holder, title="Magang Pengelolaan Jembatan", jp=12).id, None)


def _body(response) -> str:
    return response.get_data(as_text=True)


def test_valid_certificate_shows_only_the_public_fields(app, certificate):
    anonymous = app.test_client()
    response = anonymous.get(f"/verifikasi/{certificate.token}")
    body = _body(response)
    assert response.status_code == 200
    assert "Sertifikat ini SAH" in body
    nip = certificate.holder_nip
    masked = nip[:4] + "*" * 10 + nip[-4:]
    for shown in ("Siti Nurhaliza Ärni", masked, "Magang Pengelolaan Jembatan", "12 JP",
                  f"{certificate.issued_on.day} "):
        assert shown in body, shown
    for hidden in (nip, "III/a", "Pengelola Jalan", "Direktorat A Satu", certificate.number):
        assert hidden not in body, hidden


def test_revoked_certificate_says_so_with_reason_and_date(app, certificate):
    revoke(certificate.id, "Kegiatan dibatalkan penyelenggara", None)
    body = _body(app.test_client().get(f"/verifikasi/{certificate.token}"))
    assert "DICABUT" in body and "SAH" not in body
    assert "Kegiatan dibatalkan penyelenggara" in body


def test_reissued_certificate_old_link_revoked_new_link_valid(app, certificate):
    new = reissue(certificate.id, "Nama salah", None)
    client = app.test_client()
    assert "DICABUT" in _body(client.get(f"/verifikasi/{certificate.token}"))
    assert "SAH" in _body(client.get(f"/verifikasi/{new.token}"))


@pytest.mark.parametrize("token", ["tidak-ada-sertifikat-seperti-ini-123", "x", "..%2F..%2Fetc%2Fpasswd",
                                   "<script>alert(1)</script>", "a" * 200])
def test_unknown_or_malformed_token_is_a_plain_404(app, certificate, token):
    response = app.test_client().get(f"/verifikasi/{token}")
    assert response.status_code == 404
    body = _body(response)
    assert "Sertifikat tidak ditemukan" in body and "<script>alert(1)</script>" not in body
    assert certificate.holder_name not in body


def test_tampered_token_is_refused(app, certificate):
    token = certificate.token
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = app.test_client().get(f"/verifikasi/{tampered}")
    assert response.status_code == 404 and "telah diubah" in _body(response)


def test_number_alone_finds_nothing(app, certificate):
    client = app.test_client()
    alone = client.get("/verifikasi/", query_string={"nomor": certificate.number})
    assert alone.status_code == 400 and "NIP pemegang" in _body(alone)
    assert certificate.holder_name not in _body(alone)
    wrong = client.get("/verifikasi/", query_string={"nomor": certificate.number,
                                                      "nip": "199001012015011001"})
    assert wrong.status_code == 404 and certificate.holder_name not in _body(wrong)
    nip = certificate.holder_nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    found = client.get("/verifikasi/", query_string={"nomor": certificate.number, "nip": spaced})
    assert found.status_code == 200 and "Sertifikat ini SAH" in _body(found)
    assert nip not in _body(found)
    form = client.get("/verifikasi/")
    assert form.status_code == 200 and 'name="nomor"' in _body(form)


def test_verification_is_rate_limited(make_app, two_units):
    app = make_app(PORTAL_VERIFY_LIMIT="3 per minute")
    client = app.test_client()
    codes = [client.get("/verifikasi/tidak-ada-sertifikat-seperti-ini-123").status_code for _ in range(4)]
    assert codes == [404, 404, 404, 429]
    assert "Terlalu banyak" in _body(client.get("/verifikasi/"))
    with app.app_context():
        db.session.remove()
