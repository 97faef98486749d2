"""The list, the dashboard card and the menu entries (portal_menu_items, portal_dashboard_widgets)."""

from __future__ import annotations

from bm_helpers import BASE, text
from sqlalchemy import select

from portal.sdk import Account, db, registry


def test_list_shows_own_and_scoped_assignments_with_search(world):
    a = world.proposed()
    assert "Analisis data spasial" in text(world.me.get(f"{BASE}/"))
    admin_page = text(world.admin.get(f"{BASE}/?q=Mandiri&status=diusulkan"))
    assert "Pegawai Mandiri" in admin_page and f"/penugasan/{a.id}" in admin_page
    assert "Tidak ada belajar mandiri yang cocok" in text(world.admin.get(f"{BASE}/?q=Tidakada"))
    assert "Pegawai Mandiri" not in text(world.other.get(f"{BASE}/"))
    empty = text(world.login(world.units["B"]["staff"]).get(f"{BASE}/"))
    assert "belum mendapat penugasan belajar mandiri" in empty and "/rencana/" in empty


def test_dashboard_card_is_a_fragment_for_htmx(world):
    world.proposed()
    card = world.me.get(f"{BASE}/kartu", headers={"HX-Request": "true"})
    body = text(card)
    assert "Analisis data spasial" in body and "<html" not in body
    assert "<html" in text(world.me.get(f"{BASE}/kartu"))


def test_portal_menu_items_and_portal_dashboard_widgets_by_role(world):
    hook = registry().pm.hook
    user = db.session.scalar(select(Account).where(Account.employee_id == world.employee.id))
    items = [i.endpoint for found in hook.portal_menu_items(user=user) for i in found]
    assert {"belajar_mandiri.index", "belajar_mandiri.monitoring", "belajar_mandiri.recap"} <= set(items)
    widgets = [w.endpoint for found in hook.portal_dashboard_widgets(user=user) for w in found]
    assert "belajar_mandiri.card" in widgets
    staff_home = text(world.me.get("/"))
    assert f"{BASE}/kartu" in staff_home
    assert f"{BASE}/rekap" not in staff_home and f"{BASE}/rekap" in text(world.sdm.get("/"))
