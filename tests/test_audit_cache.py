"""Figures kept for a short time per process (issue 21) — Tim & Unit's figures and listed page,
each user's menu — but never across an audited change: a credit or a mechanism switch shows at
once; only unaudited changes wait for the TTL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from portal import audit_cache
from portal.clock import today
from portal.extensions import db
from portal.ledger.models import LedgerYear
from portal.ledger.service import credit
from portal.testing import People, sql_statements
from tests.ledger_helpers import community_plugin, participation
from tests.plugin_double import plugin


@pytest.fixture
def cached_app(make_app):
    audit_cache.clear()
    app = make_app(plugins=[community_plugin()], PORTAL_AUDIT_CACHE_SECONDS=60)
    yield app
    audit_cache.clear()


def _summary(client) -> str:
    html = client.get("/jp/tim?tampil=semua").get_data(as_text=True)
    start = html.index("sudah memenuhi target JP")
    return html[html.rindex("<strong>", 0, start):start]


def _listed_row(client, nama: str) -> str:
    html = client.get("/jp/tim?tampil=semua").get_data(as_text=True)
    return html[html.index(f"<td>{nama}<br>"):].split("</tr>")[0]


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
        assert "<strong>0</strong>" in _listed_row(client, "Pegawai C")
        for n in range(6):  # 6 × 4 JP over three months (KB-07: two a month): at target
            credit(participation(staff.id, on_date=dt.date(today().year, 1 + n % 3, 2 + n), reference=f"c{n}"))
        db.session.commit()
        assert "1 dari 2 pegawai" in _summary(client)  # the credits are audited: recomputed
        assert "<strong>24</strong>" in _listed_row(client, "Pegawai C")  # the list too
        db.session.execute(update(LedgerYear.__table__).values(jp=0))  # behind the ledger's back
        db.session.commit()
        assert "1 dari 2 pegawai" in _summary(client)  # not audited: the kept figures stand
        audit_cache.clear()
        assert "0 dari 2 pegawai" in _summary(client)
        from portal.ledger import rollup
        rollup.rebuild()
        db.session.commit()


@pytest.fixture
def switching(make_app, people):
    """(app, the unit admin's client, a staff member's client, the unit's id), with the menu
    kept: the admin switches the unit's mechanisms, the staff member sees the menu."""
    audit_cache.clear()
    app = make_app(plugins=[plugin()], PORTAL_AUDIT_CACHE_SECONDS=60)
    with app.app_context():
        top = people.unit("T", "Ditjen Uji", eselon="I")
        top_id = top.id
        admin_nip = people.person(top, "admin_unit", nama="Admin T").nip
        staff_nip = people.person(top, nama="Staf T").nip
    admin, staff = app.test_client(), app.test_client()
    admin.login(admin_nip)
    staff.login(staff_nip)
    yield app, admin, staff, top_id
    audit_cache.clear()


def test_the_menu_is_kept_per_user_but_a_mechanism_switch_shows_at_once(switching):
    _app, admin, staff, top_id = switching
    assert "Mekanisme Contoh" in staff.get("/").get_data(as_text=True)
    assert admin.post(f"/mekanisme/unit/{top_id}/contoh", data={"state": "off"}).status_code == 302
    assert "Mekanisme Contoh" not in staff.get("/").get_data(as_text=True)  # audited: at once
    # the kept entries are marked for the page being shown, not the page they were built on
    mine = staff.get("/jp/saya").get_data(as_text=True)
    assert 'href="/jp/saya" aria-current="page"' in mine
    assert 'href="/" aria-current="page"' not in mine
    # the unit's switches are kept too (portal.mechanisms.switches): switched back, at once
    assert admin.post(f"/mekanisme/unit/{top_id}/contoh", data={"state": "inherit"}).status_code == 302
    assert "Mekanisme Contoh" in staff.get("/").get_data(as_text=True)


def test_the_newest_audit_id_comes_with_the_account_and_a_change_still_shows_at_once(switching):
    """The kept menu is checked against the newest audit id, read in the account's own statement:
    a page with a kept menu asks nothing else for it, and an audited switch still shows."""
    app, admin, staff, top_id = switching
    staff.get("/aturan/")  # the menu is built and kept
    with app.app_context(), sql_statements() as statements:
        assert "Mekanisme Contoh" in staff.get("/aturan/").get_data(as_text=True)
    audit_heads = [s for s in statements if "max(audit_log.id)" in s]
    assert len(audit_heads) == 1 and "FROM account" in audit_heads[0]  # inside the account's statement
    assert admin.post(f"/mekanisme/unit/{top_id}/contoh", data={"state": "off"}).status_code == 302
    assert "Mekanisme Contoh" not in staff.get("/aturan/").get_data(as_text=True)  # audited: at once
