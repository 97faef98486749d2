"""The inbox (/kotak-masuk) and its header count, fed by ``portal_pending_tasks``."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.mechanisms.switches import set_switch
from portal.types import PendingTask, PluginInfo


class TaskPlugin:
    """A throw-away mechanism that has tasks waiting for everyone."""

    def __init__(self, slug: str, title: str, tasks: list[PendingTask]) -> None:
        self.slug, self.title, self.tasks = slug, title, tasks
        self.calls = 0

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=self.slug, title=self.title, model=70)

    @hookimpl
    def portal_pending_tasks(self, user):
        self.calls += 1
        return self.tasks


def header_count(body: str) -> int | None:
    match = re.search(r"Kotak masuk \((\d+)\)", body)
    return int(match.group(1)) if match else None


@pytest.fixture
def staff(two_units):
    return two_units["A"]["staff"]


def signed_in(app, employee):
    client = app.test_client()
    client.login(employee.nip)
    return client


@pytest.mark.hook("portal_pending_tasks")
def test_portal_pending_tasks_are_listed_grouped_by_kind_with_links(make_app, staff):
    approvals = TaskPlugin("uji_satu", "Mekanisme Satu", [
        PendingTask("Setujui usulan magang", "home.index", (), "Persetujuan", dt.date(2026, 3, 2)),
        PendingTask("Setujui usulan lama", "home.index", (("tab", "lama"),), "Persetujuan", dt.date(2026, 1, 5)),
    ])
    forms = TaskPlugin("uji_dua", "Mekanisme Dua", [
        PendingTask("Isi formulir evaluasi", "inbox.index", (), "Formulir", None),
    ])
    app = make_app(plugins=[(approvals.slug, approvals), (forms.slug, forms)])
    page = signed_in(app, staff).get("/kotak-masuk").get_data(as_text=True)
    assert page.index("Formulir") < page.index("Persetujuan")  # groups by kind
    assert page.index("Setujui usulan lama") < page.index("Setujui usulan magang")  # oldest first
    assert 'href="/?tab=lama"' in page and 'href="/kotak-masuk"' in page
    assert "5 Januari 2026" in page and "Mekanisme Satu" in page and "Mekanisme Dua" in page
    assert header_count(page) == 3


def test_header_count_on_every_page_one_hook_call_per_plugin(make_app, staff):
    plugin = TaskPlugin("uji_satu", "Mekanisme Satu", [PendingTask("Tugas", "home.index")])
    app = make_app(plugins=[(plugin.slug, plugin)])
    client = signed_in(app, staff)
    plugin.calls = 0
    home = client.get("/").get_data(as_text=True)
    assert header_count(home) == 1
    assert plugin.calls == 1
    assert 'href="/kotak-masuk"' in home


def test_header_count_is_not_computed_for_htmx_fragments_or_anonymous(make_app, staff):
    plugin = TaskPlugin("uji_satu", "Mekanisme Satu", [PendingTask("Tugas", "home.index")])
    app = make_app(plugins=[(plugin.slug, plugin)])
    anonymous = app.test_client().get("/masuk").get_data(as_text=True)
    assert "Kotak masuk" not in anonymous and plugin.calls == 0
    client = signed_in(app, staff)
    plugin.calls = 0
    fragment = client.get("/kotak-masuk", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Tugas" in fragment and "<html" not in fragment
    assert plugin.calls == 1  # the list itself, no second call for a header


def test_empty_inbox_says_what_happens_next(make_app, staff):
    page = signed_in(make_app(), staff).get("/kotak-masuk").get_data(as_text=True)
    assert "Tidak ada yang menunggu Anda" in page
    assert header_count(page) == 0


def test_switched_off_mechanism_adds_no_tasks(make_app, two_units, staff):
    plugin = TaskPlugin("uji_satu", "Mekanisme Satu", [PendingTask("Tugas tersembunyi", "home.index")])
    app = make_app(plugins=[(plugin.slug, plugin)])
    set_switch(two_units["A"]["top"], "uji_satu", "off", None)
    db.session.commit()
    page = signed_in(app, staff).get("/kotak-masuk").get_data(as_text=True)
    assert "Tugas tersembunyi" not in page and header_count(page) == 0


def test_tasks_the_user_may_not_open_or_with_unknown_pages_are_dropped(make_app, staff):
    plugin = TaskPlugin("uji_satu", "Mekanisme Satu", [
        PendingTask("Untuk admin", "employees.index"),
        PendingTask("Halaman hilang", "tidak.ada"),
        PendingTask("Argumen salah", "employees.detail", (("employee_id", "bukan-angka"),)),
        PendingTask("Boleh dibuka", "home.index"),
    ])
    app = make_app(plugins=[(plugin.slug, plugin)])
    page = signed_in(app, staff).get("/kotak-masuk").get_data(as_text=True)
    assert "Boleh dibuka" in page
    for hidden in ("Untuk admin", "Halaman hilang", "Argumen salah"):
        assert hidden not in page
    assert header_count(page) == 1


def test_anonymous_is_sent_to_sign_in(make_app):
    response = make_app().test_client().get("/kotak-masuk")
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]
