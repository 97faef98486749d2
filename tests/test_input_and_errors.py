"""Bad input and a broken database never give a bare 500 (issue 16): a NUL character in any query
or form value is refused in one place with an Indonesian message, and the error page renders
without the database."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Unit
from portal.web import NUL_REFUSED


def test_a_nul_character_in_a_search_is_refused_with_a_message(two_units, login):
    response = login(two_units["sdm"]).get("/pegawai/?q=bud%00i")
    assert response.status_code == 400 and NUL_REFUSED in response.get_data(as_text=True)


def test_a_nul_character_in_a_form_changes_nothing(two_units, login):
    before = db.session.scalar(select(func.count()).select_from(Unit))
    response = login(two_units["sdm"]).post("/unit/baru", data={"kode": "X1", "nama": "Unit\x00X",
                                                                 "eselon": "II"})
    assert response.status_code == 400 and NUL_REFUSED in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Unit)) == before


def test_the_error_page_needs_no_database(two_units, make_app, tmp_path):
    """A signed-in user whose database is unreachable gets an Indonesian answer, not a bare one:
    503 with Retry-After (issue 16 item 4), never a page that needs the database."""
    working = make_app()
    signed_in = working.test_client()
    signed_in.login(two_units["staff"].nip if "staff" in two_units else two_units["A"]["staff"].nip)
    cookie = signed_in.get_cookie(working.config["SESSION_COOKIE_NAME"])
    broken = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/tidak/ada/portal.db",
                      PROPAGATE_EXCEPTIONS=False)
    client = broken.test_client()
    client.set_cookie(cookie.key, cookie.value)
    response = client.get("/")
    body = response.get_data(as_text=True)
    assert response.status_code == 503 and response.headers["Retry-After"] == "30"
    assert "Basis data portal sedang tidak dapat dihubungi" in body and "Internal Server Error" not in body
