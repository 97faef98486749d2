"""BM-02 (Tabel 6, tahapan pelaksanaan): the employee sets their own schedule with targets and
marks what is realised."""

from __future__ import annotations

import datetime as dt

from bm_helpers import BASE, last, text

from portal.sdk import today

HTMX = {"HX-Request": "true"}


def test_schedule_only_after_receiving_the_assignment_bm02(world):
    a = world.assigned()
    response = world.schedule(a)
    assert response.status_code == 422 and "menunggu diterima" in text(response)
    assert last().activities == []


def test_employee_sets_own_schedule_inside_the_period_bm02(world):
    a = world.accepted()
    late = world.schedule(a, day=today() + dt.timedelta(days=90), kegiatan="Terlalu jauh")
    assert late.status_code == 422 and "BM-02" in text(late) and 'value="Terlalu jauh"' in text(late)
    assert world.schedule(a, client=world.atasan).status_code == 403
    assert world.schedule(a).status_code == 302
    a = last()
    assert [(x.kegiatan, x.target, x.tanggal) for x in a.activities] == [
        ("Mempelajari modul SIG", "Modul 1 selesai", today())]


def test_mark_realised_in_place_with_htmx_and_without_js_bm02(world):
    a = world.accepted()
    world.schedule(a)
    world.schedule(a, kegiatan="Latihan kasus")
    first, second = last().activities
    assert world.atasan.post(f"{BASE}/kegiatan/{first.id}/selesai").status_code == 404
    fragment = world.me.post(f"{BASE}/kegiatan/{first.id}/selesai", headers=HTMX)
    body = text(fragment)
    assert fragment.status_code == 200 and body.startswith(f'<tr id="kegiatan-{first.id}">')
    assert "Terealisasi" in body and "<html" not in body
    plain = world.me.post(f"{BASE}/kegiatan/{second.id}/selesai")
    assert plain.status_code == 302
    assert last().done_count == 2


def test_realised_activity_cannot_be_removed_bm02(world):
    a = world.in_progress()
    activity = a.activities[0]
    world.me.post(f"{BASE}/kegiatan/{activity.id}/hapus")
    assert len(last().activities) == 1
    world.schedule(a, kegiatan="Dibatalkan")
    extra = last().activities[-1]
    assert world.me.post(f"{BASE}/kegiatan/{extra.id}/hapus").status_code == 302
    assert [x.kegiatan for x in last().activities] == ["Mempelajari modul SIG"]
