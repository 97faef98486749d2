"""The plugin system: discovery, per-unit hook calling, mounting, tracing, branches, docs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import inspect

from portal import hookspecs
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.mechanisms.switches import set_switch
from portal.plugins import registry
from portal.types import PluginInfo
from tests.plugin_double import plugin

ROOT = Path(__file__).resolve().parents[1]


def hook_names() -> list[str]:
    return sorted(name for name in vars(hookspecs) if name.startswith("portal_"))


def test_every_hookspec_is_documented():
    docs = (ROOT / "docs" / "hooks.md").read_text()
    missing = [name for name in hook_names() if f"## {name}" not in docs]
    assert not missing, f"undocumented hooks: {missing}"


def hook_tests() -> dict[str, list[str]]:
    """hook name -> tests marked ``@pytest.mark.hook("<name>")`` (read from the test modules'
    syntax trees: a marker on a test function or a module's ``pytestmark``, never a comment)."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "tests").rglob("test_*.py")) + sorted((ROOT / "plugins").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                decorators = node.decorator_list
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "pytestmark" for t in node.targets):
                decorators = node.value.elts if isinstance(node.value, ast.List) else [node.value]
            else:
                continue
            for decorator in decorators:
                if (isinstance(decorator, ast.Call) and ast.unparse(decorator.func) == "pytest.mark.hook"
                        and decorator.args and isinstance(decorator.args[0], ast.Constant)):
                    found.setdefault(decorator.args[0].value, []).append(
                        f"{path.relative_to(ROOT)}::{getattr(node, 'name', 'pytestmark')}")
    return found


def test_every_hookspec_has_a_test_marked_with_its_name():
    """A hook counts as tested when a test says so with ``@pytest.mark.hook("portal_…")``."""
    marked = hook_tests()
    assert [name for name in hook_names() if name not in marked] == []
    assert sorted(set(marked) - set(hook_names())) == []  # no marker names a hook that does not exist


@pytest.mark.hook("portal_plugin_info")
def test_plugin_is_registered_and_listed(make_app, people):
    app = make_app(plugins=[plugin()])
    with app.app_context():
        installed = {p.slug: p for p in registry().installed()}
        assert "contoh" in installed
        hooks = installed["contoh"].hooks
        for name in ("portal_plugin_info", "portal_register_blueprints", "portal_migrations_dir",
                     "portal_menu_items", "portal_dashboard_widgets", "portal_demo_data"):
            assert name in hooks


def test_misspelled_hook_is_refused_at_start_up(make_app):
    class Misspelled:
        @hookimpl
        def portal_menu_itemz(self, user):
            return []

    with pytest.raises(Exception, match="portal_menu_itemz"):
        make_app(plugins=[("salah", Misspelled())])


def test_plugin_written_for_another_core_api_is_refused_at_start_up(make_app):
    from portal.plugins import API_VERSION, api_compatible

    class FromTheFuture:
        @hookimpl
        def portal_plugin_info(self):
            return PluginInfo(slug="masa_depan", title="Masa depan", model=70, api_version="2.0")

    with pytest.raises(RuntimeError, match=r"plugin API 2\.0; this core provides"):
        make_app(plugins=[("masa_depan", FromTheFuture())])
    major, minor = API_VERSION.split(".")
    assert api_compatible(f"{major}.0") and api_compatible(API_VERSION)
    assert not api_compatible(f"{major}.{int(minor) + 1}") and not api_compatible(f"{int(major) + 1}.0")
    assert not api_compatible("satu")


def test_hooks_of_one_plugin_are_called_through_pluggy(make_app, capsys):
    """``per_plugin`` (demo data, blueprints, migrations) goes through pluggy, so tracing sees it."""
    app = make_app(plugins=[plugin()], PORTAL_TRACE_HOOKS=True)
    with app.app_context():
        from portal.plugins import registry

        results = dict(registry().per_plugin("portal_migrations_dir"))
    assert "contoh" in results
    assert "portal_migrations_dir" in capsys.readouterr().err


@pytest.mark.hook("portal_activity_labels")
def test_portal_activity_labels_name_activity_types_and_roles(make_app):
    from portal.mechanisms.catalogue import activity_label, role_label
    from portal.types import ActivityLabels

    class Shadowing:
        @hookimpl
        def portal_plugin_info(self):
            return PluginInfo(slug="bayangan", title="Job shadowing", model=70, api_version="1.1")

        @hookimpl
        def portal_activity_labels(self):
            return ActivityLabels(activity_types=(("bayangan", "Job shadowing"),),
                                  roles=(("pengamat", "Pengamat"),))

    app = make_app(plugins=[("bayangan", Shadowing())])
    with app.app_context():
        assert activity_label("bayangan") == "Job shadowing" and role_label("pengamat") == "Pengamat"
        assert activity_label("berbagi_bahan") == "Berbagi Bahan Pembelajaran"  # core fallback
        assert activity_label("tidak_dikenal") == "Tidak dikenal"


def test_slug_must_match_entry_point_name(make_app):
    with pytest.raises(RuntimeError, match="declares slug"):
        make_app(plugins=[("lain", plugin()[1])])


def test_model_must_be_70_20_or_10():
    from portal.types import PluginInfo

    with pytest.raises(ValueError):
        PluginInfo(slug="x", title="X", model=50)


@pytest.mark.hook("portal_register_blueprints")
def test_blueprint_is_mounted_under_m_slug(make_app, people):
    app = make_app(plugins=[plugin()])
    client = app.test_client()
    with app.app_context():
        unit = people.unit("U1", eselon="I")
        nip = people.person(unit).nip
    client.login(nip)
    assert client.get("/m/contoh/").status_code == 200


@pytest.mark.hook("portal_menu_items")
@pytest.mark.hook("portal_dashboard_widgets")
def test_portal_menu_items_and_portal_dashboard_widgets_reach_the_page(make_app, people):
    app = make_app(plugins=[plugin()])
    client = app.test_client()
    with app.app_context():
        nip = people.person(people.unit("U1", eselon="I")).nip
    client.login(nip)
    home = client.get("/").get_data(as_text=True)
    assert "Mekanisme Contoh" in home  # menu entry and card title
    assert 'hx-get="/m/contoh/kartu"' in home


def test_hook_tracing_prints_each_call(make_app, people, capsys):
    app = make_app(plugins=[plugin()], PORTAL_TRACE_HOOKS=True)
    with app.app_context():
        registry().pm.hook.portal_plugin_info()
    assert "portal_plugin_info" in capsys.readouterr().err


def test_subset_caller_leaves_out_switched_off_plugins(make_app, people):
    app = make_app(plugins=[plugin(), plugin(slug="kedua", title="Kedua")])
    with app.app_context():
        unit = people.unit("U1", eselon="I")
        set_switch(unit, "kedua", "off", None)
        db.session.commit()
        slugs = [info.slug for info in registry().hook_excluding("portal_plugin_info", {"kedua"})()]
        assert "contoh" in slugs and "kedua" not in slugs


@pytest.mark.hook("portal_demo_data")
def test_portal_demo_data_is_called_with_seeded_rng(make_app):
    slug, instance = plugin()
    app = make_app(plugins=[(slug, instance)])
    result = app.test_cli_runner().invoke(args=["demo", "load", "--scale", "small"])
    assert result.exit_code == 0, result.output
    assert instance.demo_calls == ["small"]
    assert "[contoh] contoh:" in result.output


@pytest.mark.hook("portal_migrations_dir")
def test_plugin_installed_later_adds_its_tables_with_portal_migrations_dir(make_app):
    """A plugin branch applied after the core creates its tables and leaves others alone."""
    from flask_migrate import upgrade

    core_only = make_app()
    with core_only.app_context():
        before = set(inspect(db.engine).get_table_names())
        assert "contoh_note" not in before
    with_plugin = make_app(plugins=[plugin()])
    with with_plugin.app_context():
        upgrade(revision="heads")
        after = set(inspect(db.engine).get_table_names())
        db.session.remove()
        db.engine.dispose()
    assert after - before == {"contoh_note"}
    with_plugin_again = make_app(plugins=[plugin()])
    with with_plugin_again.app_context():
        from flask_migrate import downgrade

        downgrade(revision="contoh@base")
        assert "contoh_note" not in inspect(db.engine).get_table_names()
        db.engine.dispose()


def test_the_clock_fixture_sets_the_portals_date(clock):
    import datetime as dt

    from portal.sdk import today

    assert clock.set(dt.date(2024, 12, 31)) == today() == dt.date(2024, 12, 31)
    assert clock.advance(1) == today() == dt.date(2025, 1, 1)
