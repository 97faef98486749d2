"""The "Mekanisme" drop-down groups plugin entries under their mechanism, 70 → 20 → 10."""

from __future__ import annotations

import re

from portal.hookspecs import hookimpl
from portal.types import MenuItem, PluginInfo
from tests.plugin_double import PluginDouble


class SocialPlugin:
    """A model-20 mechanism whose only entry is a core page it passes its ``kind`` to."""

    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug="sosial", title="Mekanisme Sosial", model=20)

    @hookimpl
    def portal_menu_items(self, user):
        return [MenuItem("Kelayakan sosial", "eligibility.index", 1, values=(("kind", "sosial"),))]


def test_menu_groups_entries_by_mechanism_in_model_order(make_app, people):
    app = make_app(plugins=[("sosial", SocialPlugin()), ("contoh", PluginDouble())])
    client = app.test_client()
    with app.app_context():
        nip = people.person(people.unit("U1", eselon="I")).nip
    client.login(nip)
    html = client.get("/").get_data(as_text=True)
    dropdown = html[html.index("<summary>Mekanisme</summary>"):]
    groups = re.findall(r'<li class="menu-group"[^>]*>([^<]+)</li>', dropdown)
    ours = [g for g in groups if g in ("Mekanisme Contoh", "Mekanisme Sosial")]
    assert ours == ["Mekanisme Contoh", "Mekanisme Sosial"]  # model 70 before model 20
    sosial = dropdown[dropdown.index("Mekanisme Sosial"):]
    assert 'href="/kelayakan?kind=sosial"' in sosial.split("menu-group")[0]
