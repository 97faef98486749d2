"""Switching mechanisms per unit: inheritance, menus, 404 pages, data kept, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.mechanisms.switches import is_enabled, set_switch
from portal.models import AuditLog, Unit
from tests.plugin_double import plugin


@pytest.fixture
def world(make_app, people):
    app = make_app(plugins=[plugin()])
    with app.app_context():
        top = people.unit("T", "Ditjen Uji", eselon="I")
        sub = people.unit("T.01", "Direktorat Uji", parent=top)
        deeper = people.unit("T.01.01", "Subdit Uji", eselon="III", parent=sub)
        other = people.unit("L", "Ditjen Lain", eselon="I")
        ids = {"top": top.id, "sub": sub.id, "deeper": deeper.id, "other": other.id}
        nips = (people.person(top, "admin_unit", nama="Admin T").nip,
                people.person(deeper, nama="Staf Dalam").nip,
                people.person(other, nama="Staf Lain").nip)
    return app, ids, *nips


def test_sub_unit_inherits_switch_from_parent_unless_it_overrides(world):
    app, ids, *_ = world
    with app.app_context():
        top, sub, deeper = (db.session.get(Unit, ids[k]) for k in ("top", "sub", "deeper"))
        assert is_enabled("contoh", deeper)
        set_switch(top, "contoh", "off", None)
        db.session.commit()
    with app.app_context():
        top, sub, deeper = (db.session.get(Unit, ids[k]) for k in ("top", "sub", "deeper"))
        assert not is_enabled("contoh", deeper)
        set_switch(sub, "contoh", "on", None)
        db.session.commit()
    with app.app_context():
        deeper, top = db.session.get(Unit, ids["deeper"]), db.session.get(Unit, ids["top"])
        assert is_enabled("contoh", deeper)
        assert not is_enabled("contoh", top)


def test_admin_switches_off_then_menu_card_and_pages_vanish_for_the_unit(world):
    app, ids, admin_nip, staff_nip, outsider_nip = world
    admin, staff, outsider = app.test_client(), app.test_client(), app.test_client()
    admin.login(admin_nip)
    staff.login(staff_nip)
    outsider.login(outsider_nip)
    assert "Mekanisme Contoh" in staff.get("/").get_data(as_text=True)

    response = admin.post(f"/mekanisme/unit/{ids['top']}/contoh", data={"state": "off"})
    assert response.status_code == 302
    home = staff.get("/").get_data(as_text=True)
    assert "Mekanisme Contoh" not in home
    assert staff.get("/m/contoh/").status_code == 404
    assert staff.get("/m/contoh/kartu").status_code == 404
    assert outsider.get("/m/contoh/").status_code == 200  # other units unaffected

    admin.post(f"/mekanisme/unit/{ids['top']}/contoh", data={"state": "on"})
    assert staff.get("/m/contoh/").status_code == 200


def test_every_switch_is_in_the_audit_log(world):
    app, ids, admin_nip, *_ = world
    admin = app.test_client()
    admin.login(admin_nip)
    admin.post(f"/mekanisme/unit/{ids['sub']}/contoh", data={"state": "off"})
    admin.post(f"/mekanisme/unit/{ids['sub']}/contoh", data={"state": "inherit"})
    with app.app_context():
        entries = db.session.scalars(select(AuditLog).where(AuditLog.action == "mechanism.switch")
                                     .order_by(AuditLog.id)).all()
        assert [e.new_values["enabled"] for e in entries] == [False, "inherit"]
        assert all(e.actor_id is not None for e in entries)


def test_admin_unit_cannot_switch_outside_own_subtree(world):
    app, ids, admin_nip, *_ = world
    admin = app.test_client()
    admin.login(admin_nip)
    assert admin.post(f"/mekanisme/unit/{ids['other']}/contoh", data={"state": "off"}).status_code == 403
    assert admin.get(f"/mekanisme/unit/{ids['other']}").status_code == 403


def test_unknown_slug_or_state_changes_nothing(world):
    app, ids, admin_nip, *_ = world
    admin = app.test_client()
    admin.login(admin_nip)
    assert admin.post(f"/mekanisme/unit/{ids['top']}/tidakada", data={"state": "off"}).status_code == 404
    response = admin.post(f"/mekanisme/unit/{ids['top']}/contoh", data={"state": "hapus"},
                          follow_redirects=True)
    assert "tidak dikenal" in response.get_data(as_text=True)
    with app.app_context():
        assert is_enabled("contoh", db.session.get(Unit, ids["top"]))


def test_switch_page_shows_where_the_setting_comes_from(world):
    app, ids, admin_nip, *_ = world
    admin = app.test_client()
    admin.login(admin_nip)
    admin.post(f"/mekanisme/unit/{ids['top']}/contoh", data={"state": "off"})
    page = admin.get(f"/mekanisme/unit/{ids['deeper']}").get_data(as_text=True)
    assert "Mengikuti Ditjen Uji" in page
    assert "Nonaktif" in page


def test_plugins_page_lists_version_model_hooks_and_where_on(world):
    app, ids, admin_nip, *_ = world
    admin = app.test_client()
    admin.login(admin_nip)
    admin.post(f"/mekanisme/unit/{ids['sub']}/contoh", data={"state": "off"})
    page = admin.get("/admin/plugin").get_data(as_text=True)
    assert "Mekanisme Contoh" in page and "portal_menu_items" in page
    assert "Direktorat Uji (T.01)" in page and "nonaktif" in page
