"""Role homes (issue 18): the home shows what waits for the user, grouped, oldest first, with
its age; atasan, pimpinan and admins also see their team's JP summary; a home card's count is
the card's own, never the inbox count."""

from __future__ import annotations

import datetime as dt

from portal.clock import today
from portal.types import PendingTask
from tests.certificate_helpers import entry_for
from tests.test_inbox import TaskPlugin, signed_in


def test_home_lists_waiting_tasks_grouped_oldest_first_with_their_age(make_app, two_units):
    day = today()
    plugin = TaskPlugin("uji_rumah", "Mekanisme Rumah", [
        PendingTask("Verifikasi laporan baru", "home.index", (), "Verifikasi", day - dt.timedelta(days=2)),
        PendingTask("Verifikasi laporan lama", "home.index", (("x", "1"),), "Verifikasi",
                    day - dt.timedelta(days=40)),
        PendingTask("Isi formulir evaluasi", "inbox.index", (), "Formulir", None),
    ])
    app = make_app(plugins=[(plugin.slug, plugin)])
    page = signed_in(app, two_units["A"]["staff"]).get("/").get_data(as_text=True)
    waiting = page[page.index("Menunggu Anda"):]
    assert waiting.index("Verifikasi") < waiting.index("Formulir")  # the longest-waiting group first
    assert waiting.index("Verifikasi laporan lama") < waiting.index("Verifikasi laporan baru")
    assert "menunggu 40 hari" in waiting and "menunggu 2 hari" in waiting
    assert "Mekanisme Rumah" in waiting


def test_home_without_tasks_says_so_and_a_plain_employee_sees_no_team(app, two_units):
    page = signed_in(app, two_units["A"]["staff"]).get("/").get_data(as_text=True)
    assert "Tidak ada tugas yang menunggu Anda." in page
    assert "Tim Anda tahun" not in page


def test_atasan_home_summarises_the_team_and_who_is_behind(app, two_units):
    atasan, staff = two_units["A"]["atasan"], two_units["A"]["staff"]
    entry_for(staff, title="Magang singkat", jp=4, day=today().replace(month=1, day=5))
    page = signed_in(app, atasan).get("/").get_data(as_text=True)
    team = page[page.index("Tim Anda tahun"):]
    assert "sudah mencapai target JP" in team
    assert "Paling tertinggal:" in team and staff.nama in team and "4 dari 20 JP" in team
    assert 'href="/jp/tim"' in team


def test_charts_where_people_would_rather_look(app, two_units):
    """Issue 18: Pengembangan Saya draws JP month by month against the target, and the home
    card a small 70:20:10 bar; both are server-rendered SVG with a text alternative."""
    staff = two_units["A"]["staff"]
    entry_for(staff, title="Magang awal tahun", jp=8, day=today().replace(month=1, day=10))
    client = signed_in(app, staff)
    mine = client.get("/jp/saya").get_data(as_text=True)
    chart = mine[mine.index('id="jp-kumulatif-title"') - 200:]
    assert "JP dihitung secara kumulatif per bulan" in chart and "Jan: 8 JP." in chart
    assert "Target 20 JP." in chart and "<script" not in chart
    home = client.get("/").get_data(as_text=True)
    assert 'aria-label="Komposisi 70:20:10: model 70 8 JP, model 20 0 JP, model 10 0 JP"' in home


def test_team_page_shows_per_unit_compliance_bars_for_admins(app, two_units):
    """Issue 18: per-unit compliance bars for pimpinan and admin SDM (one level below the view)."""
    staff = two_units["A"]["staff"]
    entry_for(staff, title="Magang panjang", jp=24, day=today().replace(month=1, day=10))
    sdm = signed_in(app, two_units["sdm"]).get("/jp/tim").get_data(as_text=True)
    assert "Capaian target per unit" in sdm and "Persentase pegawai yang mencapai target JP per unit:" in sdm
