"""Tim & Unit's whole-scope figures are kept for a short time per process (issue 21), but never
across an audited change: a credit shows at once; only unaudited changes wait for the TTL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from portal.clock import today
from portal.extensions import db
from portal.ledger import overview_cache
from portal.ledger.models import LedgerYear
from portal.ledger.service import credit
from portal.testing import People
from tests.ledger_helpers import community_plugin, participation


@pytest.fixture
def cached_app(make_app):
    overview_cache.clear()
    app = make_app(plugins=[community_plugin()], PORTAL_TEAM_CACHE_SECONDS=60)
    yield app
    overview_cache.clear()


def _summary(client) -> str:
    html = client.get("/jp/tim?tampil=semua").get_data(as_text=True)
    start = html.index("sudah memenuhi target JP")
    return html[html.rindex("<strong>", 0, start):start]


def test_an_audited_credit_shows_at_once_and_an_unaudited_edit_waits(cached_app):
    with cached_app.app_context():
        people = People()
        unit = people.unit("C", "Direktorat C", eselon="II")
        sdm = people.person(unit, "admin_sdm", nama="Admin SDM")
        staff = people.person(unit, nama="Pegawai C")
        db.session.commit()
        client = cached_app.test_client()
        client.login(sdm.nip)
        assert "0 dari 2 pegawai" in _summary(client)
        for n in range(6):  # 6 × 4 JP over three months (KB-07: two a month): at target
            credit(participation(staff.id, on_date=dt.date(today().year, 1 + n % 3, 2 + n), reference=f"c{n}"))
        db.session.commit()
        assert "1 dari 2 pegawai" in _summary(client)  # the credits are audited: recomputed
        db.session.execute(update(LedgerYear.__table__).values(jp=0))  # behind the ledger's back
        db.session.commit()
        assert "1 dari 2 pegawai" in _summary(client)  # not audited: the kept figures stand
        overview_cache.clear()
        assert "0 dari 2 pegawai" in _summary(client)
        from portal.ledger import rollup
        rollup.rebuild()
        db.session.commit()
