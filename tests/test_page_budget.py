"""Issue 21 item 2: a signed-in page costs a bounded number of SQL statements, independent of the
data's size — counted, never timed. Each page kind is opened on the two-unit world, then again
after the world grew (more units, employees and ledger rows); the statement count
must not grow (no query per row) and stays under the page's budget. The header's inbox count is
cached per user, so a second page within a minute runs no plugin's pending-tasks query."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.extensions import db
from portal.testing import sql_statements
from tests.certificate_helpers import entry_for

YEAR = 2026
# page -> (who opens it, budget of SQL statements)
PAGES = {
    "/": ("staff", 55),
    "/jp/saya": ("staff", 40),
    f"/jp/tim?tahun={YEAR}&tampil=semua": ("sdm", 65),
    "/pegawai/?q=a": ("sdm", 42),
    "/kotak-masuk": ("atasan", 40),
    "/peluang/": ("staff", 55),
    "/aturan/": ("staff", 45),
    "/m/komunitas/": ("staff", 35),
    "/m/formal/": ("staff", 30),
    "/m/coaching/unit/": ("atasan", 45),
    f"/jp/tim?tahun={YEAR}": ("atasan", 60),
}


def _cost(client, url: str) -> int:
    client.get(url)  # warm: caches, lazy imports
    with sql_statements() as statements:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(statements)


def _grow(world, people) -> None:
    """Five new units below each direktorat with four more people each, with ledger rows."""
    for kode in ("A", "B"):
        parent = db.session.merge(world[kode]["sub"])
        for number in range(20):
            if number % 4 == 0:
                sub = people.unit(f"{kode}.01.{number // 4 + 1}", f"Seksi Tambahan {kode}{number // 4}",
                                  eselon="III", parent=db.session.merge(parent))
            person = people.person(sub, nama=f"Pegawai Tambahan {kode}{number}",
                                   supervisor=db.session.merge(world[kode]["atasan"]))
            entry_for(person, title=f"Magang {kode}{number}", jp=4 + number % 5,
                      day=dt.date(YEAR, 1 + number % 11, 3))


@pytest.mark.parametrize("url", list(PAGES))
def test_a_page_costs_the_same_statements_whatever_the_data_size(app, two_units, people, clock, url):
    clock.set(dt.date(YEAR, 9, 1))
    who, budget = PAGES[url]
    account = {"staff": two_units["A"]["staff"], "sdm": two_units["sdm"],
               "atasan": two_units["A"]["atasan"]}[who]
    client = app.test_client()
    client.login(account.nip)
    small = _cost(client, url)
    _grow(two_units, people)
    large = _cost(client, url)
    assert large <= small, f"{url}: {small} statements before, {large} after the data grew"
    assert large <= budget, f"{url}: {large} statements, budget {budget}"


def test_the_inbox_count_is_cached_per_user_and_dropped_when_they_act(make_app, two_units):
    import time

    from portal.inbox.views import CACHE_KEY

    app = make_app(PORTAL_INBOX_CACHE_SECONDS=60)
    with app.app_context():
        client = app.test_client()
        client.login(two_units["A"]["atasan"].nip)
        client.get("/aturan/")  # warm (lazy imports); the count is now cached
        with sql_statements() as cached:
            client.get("/aturan/")
        with client.session_transaction() as stored:
            account_id = stored[CACHE_KEY][0]
            stored[CACHE_KEY] = (account_id, 987, time.time())
        assert "Kotak masuk (987)" in client.get("/aturan/").get_data(as_text=True)  # from the cache
        client.post("/akun/surel", data={})  # any form the user sends drops it
        assert "(987)" not in client.get("/aturan/").get_data(as_text=True)
    uncached = make_app(PORTAL_INBOX_CACHE_SECONDS=0)
    with uncached.app_context():
        client = uncached.test_client()
        client.login(two_units["A"]["atasan"].nip)
        client.get("/aturan/")
        with sql_statements() as counting:
            client.get("/aturan/")
    # Counting runs the plugins' pending-tasks queries; the cached count runs none.
    assert len(counting) > len(cached)
