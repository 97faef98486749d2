"""Issue 15 item 7: no query parameter of any GET route answers 5xx, for any role.

A hypothesis property test: it draws a GET route of the URL map (core and installed plugins),
an identity (anonymous or one of the two_units roles) and a query string built from every
parameter name the views read, with hostile values (``tahun=9999``/``0000``, Unicode digits,
huge numbers, impossible dates, markup, CR/LF). Examples are limited so it runs in well under a
minute; the property is: the answer is never a server error.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.access import PUBLIC, declared_access
from tests.test_access import IDENTITIES, RealIds, Target, identity

PARAMETERS = ("tahun", "year", "dari", "sampai", "date", "tanggal", "page", "unit", "pegawai",
              "nip", "q", "status", "mekanisme", "jenis", "topik", "nomor", "kunci", "aksi",
              "eselon", "jabatan", "tahap", "tampil", "urut", "no", "next", "kode")
HOSTILE = ("9999", "0000", "0", "-1", "1999", "2101", "10000", "²⁰²⁶", "٢٠٢٦", "２０２６", "²", "١٢",
           "99999999999999999999", "1e9", "2026-02-30", "2026-13-01", "0001-01-01",
           "9999-12-31", "2026-1-1", "20260101", "", " ", "A", "A.01", "\r\nX: y", '"',
           "<script>", "../../etc/passwd", "%00", "\x00", "1;DROP TABLE units", "null")
VALUES = st.one_of(st.sampled_from(HOSTILE), st.integers().map(str), st.text(max_size=12))
QUERY = st.dictionaries(st.sampled_from(PARAMETERS), VALUES, min_size=1, max_size=6)
SKIPPED = {"static", "auth.logout"}


def get_routes(app) -> list[Target]:
    found = []
    with app.app_context():
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
            if "GET" in rule.methods and rule.endpoint not in SKIPPED \
                    and not rule.endpoint.endswith(".static"):
                roles = declared_access(rule.endpoint) or frozenset()
                found.append(Target(rule.endpoint, rule.rule, "GET", "real", roles))
    return found


ROLE_OF = {"staff": "pegawai", "atasan": "atasan", "head": "pimpinan_unit", "admin": "admin_unit",
           "sdm": "admin_sdm"}
EXAMPLES = 400  # 20–60 s, depending on how busy the machine is


def allowed(target: Target) -> list[str]:
    """The identities the route lets in (anonymous only on public pages): others only meet the
    access check, which the access sweep already covers."""
    who = [name for name, role in ROLE_OF.items() if role in target.roles or PUBLIC in target.roles]
    return who + ["anonim"] if PUBLIC in target.roles or not who else who


def test_no_query_parameter_of_any_get_route_gives_a_server_error(app, two_units, people):
    ids = RealIds(two_units, people)
    clients = {"anonim": app.test_client()}
    for who in IDENTITIES:
        clients[who] = app.test_client()
        clients[who].login(identity(two_units, who).nip)
    routes = get_routes(app)
    urls = {target: ids.url(app, target) for target in routes}
    assert {"/m/formal/", "/m/outbound/program"} <= {t.rule for t in routes}
    calls = st.sampled_from(routes).flatmap(
        lambda target: st.tuples(st.just(target), st.sampled_from(allowed(target))))
    started = time.perf_counter()

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(call=calls, query=QUERY)
    def answers_without_server_error(call, query):
        route, who = call
        try:
            response = clients[who].get(urls[route], query_string=query)
        except Exception as error:  # noqa: BLE001 - TESTING propagates what would be a 500
            raise AssertionError(f"{who} GET {urls[route]} {query!r}: {error!r}") from error
        assert response.status_code < 500, f"{who} GET {urls[route]} {query!r}"

    answers_without_server_error()
    print(f"{len(routes)} GET routes, {EXAMPLES} examples in {time.perf_counter() - started:.1f} s")


@pytest.mark.parametrize("url", ["/m/formal/", "/m/outbound/program", "/jp/saya", "/laporan/transkrip"])
@pytest.mark.parametrize("year", ["9999", "0000", "²⁰²⁶"])
def test_year_out_of_range_is_no_server_error(app, two_units, url, year):
    """The probe's finding: ?tahun=9999 or 0000 gave 500 on /m/formal/ and /m/outbound/program."""
    client = app.test_client()
    client.login(two_units["sdm"].nip)
    assert client.get(url, query_string={"tahun": year}).status_code < 500
