"""JSON API v1: shapes, bearer tokens (hashed, revocable, never a cookie), scope, errors,
and the OpenAPI document."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from openapi_spec_validator import validate
from sqlalchemy import select

from portal.api import tokens
from portal.api.openapi import document
from portal.clock import today
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.ledger.service import cancel, credit
from portal.mechanisms.catalogue import FIXED_MECHANISMS
from portal.models import Account, ApiToken, AuditLog, EmployeeGap, Unit
from portal.plugins import registry
from portal.types import CapSpec, JPResult, Participation, PluginInfo
from tests.plugin_double import plugin

YEAR = 2026


class MaterialStub:
    """A throw-away mechanism "bahan_uji": 4 JP per berbagi_bahan, at most 2 a month (KB-07).

    Its own slug, so it never clashes with the real komunitas plugin when that is installed.
    """

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug="bahan_uji", title="Bahan Uji", model=70,
                          caps=(CapSpec("KB-07", 2, "employee_month_activity", ("berbagi_bahan",)),))

    @hookimpl
    def portal_compute_jp(self, participation, settings):
        if participation.mechanism != "bahan_uji":
            return None
        return JPResult(4, "KB-07", "4 JP per bahan")


@pytest.fixture
def api_app(make_app, two_units):
    """The portal with two plugins; its context is pushed after ``two_units`` built the data."""
    app = make_app(plugins=[plugin(), ("bahan_uji", MaterialStub())])
    with app.app_context():
        yield app


def account_of(employee) -> Account:
    return db.session.scalar(select(Account).where(Account.employee_id == employee.id))


def token_for(employee, name: str = "uji") -> str:
    _, token = tokens.create(account_of(employee), name)
    db.session.commit()
    return token


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def get(app, url: str, token: str | None = None, **kwargs):
    return app.test_client().get(url, headers=bearer(token) if token else {}, **kwargs)


def _participation(employee, mechanism, activity, day, reference, jp=None):
    return Participation(employee_id=employee.id, mechanism=mechanism, activity_type=activity,
                         role="peserta" if mechanism == "formal" else "penulis",
                         on_date=day, title=f"Kegiatan {reference}", reference=reference,
                         jp_stated=jp)


@pytest.fixture
def ledger(api_app, two_units):
    """Staff A: formal 10 + 5 JP, three bahan_uji materials in March (the third beyond KB-07),
    and a cancelled formal row. Atasan A: 24 JP (meets the 20 JP target)."""
    staff, atasan = two_units["A"]["staff"], two_units["A"]["atasan"]
    credit(_participation(staff, "formal", "teknis", dt.date(YEAR, 2, 3), "f1", 10))
    credit(_participation(staff, "formal", "seminar", dt.date(YEAR, 4, 9), "f2", 5))
    for n in (1, 2, 3):
        credit(_participation(staff, "bahan_uji", "berbagi_bahan", dt.date(YEAR, 3, n), f"b{n}"))
    wrong = credit(_participation(staff, "formal", "teknis", dt.date(YEAR, 5, 1), "salah", 30))
    cancel(wrong.id, None, "Salah input")
    credit(_participation(staff, "formal", "teknis", dt.date(YEAR - 1, 6, 1), "lama", 40))
    credit(_participation(atasan, "formal", "kepemimpinan", dt.date(YEAR, 6, 1), "a1", 24))
    db.session.commit()
    return two_units


# --------------------------------------------------------------------------- shapes


def test_employee_jp_has_the_fixed_shape_and_counts_only_counted_jp(api_app, ledger):
    staff = ledger["A"]["staff"]
    response = get(api_app, f"/api/v1/employees/{staff.nip}/jp?year={YEAR}",
                   token_for(ledger["A"]["admin"]))
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    assert set(body) == {"nip", "year", "target_jp", "total_jp", "by_model", "by_mechanism",
                         "entries"}
    assert set(body["by_model"]) == {"70", "20", "10"}
    assert body["nip"] == staff.nip and body["year"] == YEAR
    assert body["target_jp"] == 20
    # 10 + 5 formal, 2 × 4 bahan_uji; the third material (KB-07) and the cancelled row do not count.
    assert body["total_jp"] == 23
    assert body["by_model"] == {"70": 8, "20": 0, "10": 15}
    assert body["by_mechanism"] == {"formal": 15, "bahan_uji": 8}
    assert len(body["entries"]) == 5  # cancelled and last year's rows are not listed
    for entry in body["entries"]:
        assert set(entry) == {"date", "mechanism", "activity_type", "role", "jp_claimed",
                              "jp_counted", "rule_id", "reason"}
    beyond = [e for e in body["entries"] if e["jp_counted"] == 0]
    assert len(beyond) == 1
    assert beyond[0]["jp_claimed"] == 4 and beyond[0]["mechanism"] == "bahan_uji"
    assert "KB-07" in beyond[0]["reason"]
    assert {e["rule_id"] for e in body["entries"]} == {"FL-01", "KB-07"}


def test_employee_jp_year_defaults_to_this_year(api_app, ledger):
    staff = ledger["A"]["staff"]
    body = get(api_app, f"/api/v1/employees/{staff.nip}/jp", token_for(staff)).get_json()
    assert body["year"] == today().year  # WIB


def test_eligibility_has_the_fixed_shape_with_every_reason(api_app, two_units):
    staff = two_units["A"]["staff"]
    token = token_for(staff)
    response = get(api_app, f"/api/v1/employees/{staff.nip}/eligibility/contoh?date={YEAR}-12-01",
                   token)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"nip", "mechanism", "eligible", "reasons"}
    assert body["mechanism"] == "contoh"
    assert body["eligible"] is None  # no assessment gap recorded, not Hi-Po: cannot decide (G-03)
    for reason in body["reasons"]:
        assert set(reason) == {"rule_id", "allow", "message"}
    g03 = [r for r in body["reasons"] if r["rule_id"] == "G-03"]
    assert [r["allow"] for r in g03] == [True, None]
    assert "G-03" in g03[1]["message"]

    db.session.add(EmployeeGap(employee_id=staff.id, standard="teknis", kompetensi="Hidrologi",
                               gap_level=2))
    db.session.commit()
    body = get(api_app, f"/api/v1/employees/{staff.nip}/eligibility/contoh", token).get_json()
    assert body["eligible"] is True
    assert all(r["allow"] is True for r in body["reasons"])


def test_eligibility_for_a_fixed_mechanism_not_installed_is_a_deny_not_a_404(api_app, two_units):
    staff = two_units["A"]["staff"]
    absent = sorted(set(FIXED_MECHANISMS) - set(registry().slugs()))
    if not absent:
        pytest.skip("every mechanism of the circular is installed")
    body = get(api_app, f"/api/v1/employees/{staff.nip}/eligibility/{absent[0]}",
               token_for(staff)).get_json()
    assert body["eligible"] is False
    assert any(r["rule_id"] == "UNIT" and "belum terpasang" in r["message"] for r in body["reasons"])


def test_unit_compliance_has_the_fixed_shape_and_covers_the_subtree(api_app, ledger):
    response = get(api_app, f"/api/v1/units/A/compliance?year={YEAR}", token_for(ledger["A"]["admin"]))
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"unit", "year", "employees", "meeting_target", "percent", "by_model"}
    assert set(body["by_model"]) == {"70", "20", "10"}
    # Unit A and A.01: head, atasan, staff, admin and the admin SDM placed in A.01.
    assert body["unit"] == "A" and body["year"] == YEAR
    assert body["employees"] == 5
    assert body["meeting_target"] == 2  # staff A (23 JP) and atasan A (24 JP) reach 20 JP
    assert body["by_model"] == {"70": 8, "20": 0, "10": 39}
    assert body["percent"] == 40.0


def test_plugins_lists_installed_mechanisms(api_app, two_units):
    response = get(api_app, "/api/v1/plugins", token_for(two_units["A"]["staff"]))
    assert response.status_code == 200
    body = response.get_json()
    assert [p["slug"] for p in body] == [p.slug for p in registry().installed()]
    for item in body:
        assert set(item) == {"slug", "model", "version", "title"}
    listed = {p["slug"]: (p["model"], p["title"]) for p in body}
    assert listed["contoh"] == (70, "Mekanisme Contoh")
    assert listed["bahan_uji"] == (70, "Bahan Uji")


# --------------------------------------------------------------------------- authentication


PROTECTED = ("/api/v1/plugins", "/api/v1/units/A/compliance")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer"}, {"Authorization": "Basic eDp5"},
                                     {"Authorization": "Bearer p70_tidak-ada"}])
def test_missing_or_unknown_token_is_401_with_a_bearer_challenge(api_app, two_units, headers):
    for url in PROTECTED:
        response = api_app.test_client().get(url, headers=headers)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.mimetype == "application/json"
        assert response.headers["Cache-Control"] == "no-store"
        assert set(response.get_json()) == {"message"}
        assert "Token" in response.get_json()["message"]


def test_a_signed_in_browser_session_alone_is_not_accepted(api_app, two_units):
    client = api_app.test_client()
    client.login(two_units["sdm"].nip)
    assert client.get("/kelayakan").status_code == 200  # the cookie is valid for the pages
    for url in PROTECTED:
        response = client.get(url)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_revoked_token_is_refused(api_app, two_units):
    token = token_for(two_units["A"]["staff"])
    assert get(api_app, "/api/v1/plugins", token).status_code == 200
    row = tokens.find(token)
    tokens.revoke(row.id)
    db.session.commit()
    response = get(api_app, "/api/v1/plugins", token)
    assert response.status_code == 401
    assert "dicabut" in response.get_json()["message"]
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_token_of_a_disabled_account_is_refused(api_app, two_units):
    token = token_for(two_units["A"]["staff"])
    account_of(two_units["A"]["staff"]).is_enabled = False
    db.session.commit()
    assert get(api_app, "/api/v1/plugins", token).status_code == 401


def test_the_database_never_holds_the_token(api_app, two_units):
    staff = two_units["A"]["staff"]
    result = api_app.test_cli_runner().invoke(
        args=["users", "create-token", staff.nip, "--name", "Dasbor unit"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"p70_[A-Za-z0-9_-]{40,}", token)
    db.session.rollback()
    row = db.session.scalar(select(ApiToken).where(ApiToken.account_id == account_of(staff).id))
    assert row.name == "Dasbor unit"
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = [str(getattr(row, column.key)) for column in ApiToken.__table__.columns]
    audit = [str(a.new_values) + a.summary for a in db.session.scalars(select(AuditLog))]
    assert not any(token in value or token[4:] in value for value in stored + audit)
    # The printed token works, and its use is recorded.
    assert get(api_app, "/api/v1/plugins", token).status_code == 200
    db.session.expire_all()
    assert row.last_used_at is not None


def test_cli_lists_and_revokes_tokens(api_app, two_units):
    staff = two_units["A"]["staff"]
    cli = api_app.test_cli_runner()
    token = cli.invoke(args=["users", "create-token", staff.nip]).stdout.strip().splitlines()[-1]
    row = tokens.find(token)
    listing = cli.invoke(args=["users", "list-tokens", staff.nip])
    assert f"#{row.id}" in listing.output and "aktif" in listing.output
    assert token not in listing.output
    assert cli.invoke(args=["users", "revoke-token", str(row.id)]).exit_code == 0
    assert get(api_app, "/api/v1/plugins", token).status_code == 401
    again = cli.invoke(args=["users", "revoke-token", str(row.id)])
    assert again.exit_code != 0 and "sudah dicabut" in again.output


def test_cli_refuses_unknown_nip_and_employee_without_account(api_app, people, two_units):
    cli = api_app.test_cli_runner()
    assert cli.invoke(args=["users", "create-token", "196804111993031009"]).exit_code != 0
    lonely = people.employee(db.session.get(Unit, two_units["A"]["sub"].id), nama="Tanpa Akun")
    result = cli.invoke(args=["users", "create-token", lonely.nip])
    assert result.exit_code != 0 and "belum memiliki akun" in result.output
    assert db.session.scalar(select(ApiToken)) is None


# --------------------------------------------------------------------------- scope and errors


def test_a_token_sees_what_its_account_may_see(api_app, ledger):
    a, b = ledger["A"], ledger["B"]
    admin_a = token_for(a["admin"])
    staff_a = token_for(a["staff"])
    sdm = token_for(ledger["sdm"])
    # Another unit's employee and unit: the same 404 as for an unknown one (issue 15 item 7).
    for url in (f"/api/v1/employees/{b['staff'].nip}/jp", f"/api/v1/employees/{b['staff'].nip}/eligibility/contoh",
                "/api/v1/units/B/compliance"):
        response = get(api_app, url, admin_a)
        assert response.status_code == 404, url
        assert set(response.get_json()) == {"message"}
        assert b["staff"].nama not in response.get_data(as_text=True)
    # A pegawai sees only themselves, and no unit figures.
    assert get(api_app, f"/api/v1/employees/{a['staff'].nip}/jp", staff_a).status_code == 200
    assert get(api_app, f"/api/v1/employees/{a['atasan'].nip}/jp", staff_a).status_code == 404
    assert get(api_app, "/api/v1/units/A/compliance", staff_a).status_code == 404
    # Admin SDM sees the whole ministry.
    assert get(api_app, f"/api/v1/employees/{b['staff'].nip}/jp", sdm).status_code == 200
    assert get(api_app, "/api/v1/units/B/compliance", sdm).get_json()["employees"] == 4


def test_an_atasan_token_sees_direct_reports(api_app, ledger):
    token = token_for(ledger["A"]["atasan"])
    staff = ledger["A"]["staff"]
    assert get(api_app, f"/api/v1/employees/{staff.nip}/jp?year={YEAR}", token).get_json()["total_jp"] == 23


@pytest.mark.parametrize("url", [
    "/api/v1/employees/196804111993031009/jp",
    "/api/v1/employees/bukan-nip/eligibility/contoh",
    "/api/v1/employees/{nip}/eligibility/tidak_ada",
    "/api/v1/units/ZZZ/compliance",
    "/api/v1/tidak-ada",
])
def test_unknown_nip_unit_mechanism_or_path_is_a_json_404(api_app, two_units, url):
    token = token_for(two_units["sdm"])
    response = get(api_app, url.format(nip=two_units["A"]["staff"].nip), token)
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert response.get_json()["message"]


@pytest.mark.parametrize("query", ["year=20x6", "year=1999", f"year={YEAR + 5}", "year=٢٠٢٦", "year=-1"])
def test_bad_year_is_400(api_app, two_units, query):
    token = token_for(two_units["sdm"])
    for url in (f"/api/v1/employees/{two_units['A']['staff'].nip}/jp?{query}",
                f"/api/v1/units/A/compliance?{query}"):
        response = get(api_app, url, token)
        assert response.status_code == 400
        assert "year" in response.get_json()["message"]


@pytest.mark.parametrize("value", ["2026-02-30", "besok", "28-11-2026", "1999-12-31", "2026-1-5",
                                   f"{YEAR + 3}-01-01"])
def test_bad_date_is_400(api_app, two_units, value):
    token = token_for(two_units["sdm"])
    staff = two_units["A"]["staff"]
    response = get(api_app, f"/api/v1/employees/{staff.nip}/eligibility/contoh?date={value}", token)
    assert response.status_code == 400
    assert "date" in response.get_json()["message"]


def test_writes_are_refused_with_json_405_not_a_csrf_page(api_app, two_units):
    token = token_for(two_units["sdm"])
    client = api_app.test_client()
    response = client.post("/api/v1/plugins", headers=bearer(token), csrf=False)
    assert response.status_code == 405
    assert response.mimetype == "application/json"
    assert "GET" in response.headers["Allow"]


# --------------------------------------------------------------------------- OpenAPI


def _openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.removeprefix("/api/v1"))


def test_openapi_document_describes_every_api_route(api_app):
    response = api_app.test_client().get("/api/v1/openapi.json")  # no token needed
    assert response.status_code == 200
    served = response.get_json()
    assert served == document()
    routes = {_openapi_path(rule.rule) for rule in api_app.url_map.iter_rules()
              if rule.rule.startswith("/api/v1/") and rule.endpoint != "api.unknown"}
    assert routes == set(served["paths"])
    for path, item in served["paths"].items():
        responses = item["get"]["responses"]
        assert "200" in responses
        if path != "/openapi.json":
            assert "401" in responses and "WWW-Authenticate" in responses["401"]["headers"]
        for name in re.findall(r"{(\w+)}", path):
            assert any(p["name"] == name and p["in"] == "path" for p in item["get"]["parameters"])
    assert served["components"]["securitySchemes"]["bearerAuth"] == {
        **served["components"]["securitySchemes"]["bearerAuth"], "type": "http", "scheme": "bearer"}


def test_openapi_document_is_valid_openapi_3_1():
    validate(document())  # openapi-spec-validator (test extra) raises on any error
    assert document()["openapi"].startswith("3.1")


def test_projection_of_an_employee_and_a_unit_has_the_fixed_shape(api_app, ledger, clock):
    clock.set(dt.date(YEAR, 12, 3))
    staff = ledger["A"]["staff"]
    token = token_for(ledger["A"]["admin"])
    body = get(api_app, f"/api/v1/employees/{staff.nip}/projection?year={YEAR}", token).get_json()
    assert set(body) == {"nip", "year", "target_jp", "counted_jp", "scheduled_jp", "pace_jp",
                         "needed_jp", "months_left", "needed_per_month", "status", "label",
                         "scheduled"}
    # 23 counted of 20: reached; the projection never adds what is only scheduled.
    assert (body["counted_jp"], body["status"], body["label"]) == (23, "tercapai", "Target tercapai")
    unit = get(api_app, f"/api/v1/units/A/projection?year={YEAR}", token).get_json()
    assert set(unit) == {"unit", "year", "employees", "by_status"}
    assert unit["employees"] == sum(unit["by_status"].values())
    assert unit["by_status"]["tercapai"] == 2  # staff A and atasan A
    outsider = get(api_app, f"/api/v1/employees/{ledger['B']['staff'].nip}/projection", token)
    assert outsider.status_code == 404


def test_opportunities_of_an_employee_have_the_fixed_shape(api_app, ledger):
    staff = ledger["A"]["staff"]
    body = get(api_app, f"/api/v1/employees/{staff.nip}/opportunities",
               token_for(ledger["A"]["admin"])).get_json()
    assert set(body) == {"nip", "opportunities"} and body["nip"] == staff.nip
    for offer in body["opportunities"]:
        assert set(offer) == {"title", "mechanism", "date", "closes_on", "jp", "model", "eligible",
                              "reasons", "why"}
