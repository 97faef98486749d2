"""The contract every mechanism plugin satisfies, as a test kit a plugin runs against itself.

A plugin's ``tests/test_<slug>_contract.py`` is a few lines::

    from portal.testing_contract import PluginContract

    class TestContract(PluginContract):
        slug = "formal"

pytest then runs every check below against the installed plugin ``formal`` (fixtures from
``portal.testing``). The checks are what the core promises for every mechanism: every view
declares who may use it and denies by default, the mechanism answers 404 where it is switched
off, htmx and plain requests agree, every state change needs a CSRF token, models and
migrations agree (constraint names included), tables carry the slug and model class names are
unique, hooks return the core's types, the inbox hook stays within a statement budget, and demo
data loads. Eligibility at every join step is walked over every installed plugin by the core's
``tests/test_join_steps.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import event

from portal.access import PUBLIC, declared_access
from portal.extensions import db
from portal.types import DashboardWidget, MenuItem, PendingTask, PluginInfo

HTMX = {"HX-Request": "true"}
# Statements one plugin's ``portal_pending_tasks`` may run for one user (the header runs every
# enabled plugin's hook on every page).
INBOX_STATEMENT_BUDGET = 8
_ARGUMENT = re.compile(r"<(?:[^:<>]+:)?(\w+)>")


class StatementCounter:
    """Counts the SQL statements the engine runs inside a ``with`` block."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.statements: list[str] = []

    def _count(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements.append(statement)

    def __enter__(self) -> StatementCounter:
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._count)

    def __len__(self) -> int:
        return len(self.statements)


def plugin_rules(app: Flask, slug: str) -> Iterator:
    """The URL rules of the plugin's blueprints (mounted under ``/m/<slug>``)."""
    blueprints = {name for name, owner in app.extensions["portal_blueprint_slugs"].items() if owner == slug}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.partition(".")[0] in blueprints and not rule.endpoint.endswith(".static"):
            yield rule


def concrete_path(rule) -> str:
    """The rule's path with every argument filled: 1 for ids, the first choice of an ``any``."""
    from werkzeug.routing.converters import AnyConverter

    values = {name: sorted(converter.items)[0] if isinstance(converter, AnyConverter) else 1
              for name, converter in rule._converters.items()}
    return rule.build(values, append_unknown=False)[1]


def _diff_table(diff) -> str | None:
    """The table an Alembic autogenerate difference is about."""
    first = diff[0] if isinstance(diff, list) else diff
    kind, subject = first[0], first[1]
    if kind.endswith("_table"):
        return subject.name
    if kind.endswith("_column") or kind.startswith("modify_"):
        return first[2]
    table = getattr(subject, "table", None)
    return getattr(table, "name", None)


def account_of(employee):
    from sqlalchemy import select

    from portal.models import Account

    return db.session.scalar(select(Account).where(Account.employee_id == employee.id))


def _mapped_classes(slug: str) -> list[type]:
    package = f"portal_{slug}"
    return [mapper.class_ for mapper in db.Model.registry.mappers
            if mapper.class_.__module__.split(".")[0] == package]


class PluginContract:
    """Subclass in the plugin's tests and set ``slug``; every ``test_*`` runs against it."""

    slug: str = ""

    # ------------------------------------------------------------------ fixtures

    @pytest.fixture
    def contract_world(self, two_units, login):
        return {"world": two_units, "staff": login(two_units["A"]["staff"]),
                "sdm": login(two_units["sdm"])}

    def _info(self, app: Flask) -> PluginInfo:
        from portal.plugins import registry

        with app.app_context():
            return registry().info(self.slug)

    # ------------------------------------------------------------------ declarations

    def test_plugin_is_installed_and_describes_itself(self, app):
        from portal.plugins import registry

        assert self.slug, "set `slug` on the PluginContract subclass"
        assert self.slug in registry().slugs(), f"plugin {self.slug!r} is not installed"
        info = self._info(app)
        assert isinstance(info, PluginInfo) and info.slug == self.slug
        assert info.model in (70, 20, 10), "model is 70, 20 or 10 (ARCHITECTURE)"
        assert info.title.strip() and info.description.strip()

    def test_names_its_activity_types_and_roles_and_declares_its_rules(self, app):
        """The core keeps no table of mechanism names (labels hook) and lists on the "Aturan" page
        only the rules plugins declare (``PluginInfo.rules``)."""
        from portal.plugins import registry
        from portal.types import ActivityLabels, RuleSpec

        with app.app_context():
            labels = registry().call_one(self.slug, "portal_activity_labels")
        assert isinstance(labels, ActivityLabels), "implement portal_activity_labels"
        assert labels.activity_types and labels.roles
        assert all(name.strip() for _, name in labels.activity_types + labels.roles)
        info = self._info(app)
        assert info.rules and all(isinstance(rule, RuleSpec) for rule in info.rules)

    def test_every_view_declares_who_may_use_it(self, app):
        undeclared = [rule.endpoint for rule in plugin_rules(app, self.slug)
                      if declared_access(rule.endpoint) is None]
        assert undeclared == [], "views without @access(...) are denied to everyone"

    def test_creation_forms_are_sent_once(self, app):
        """A POST route ending in ``/baru`` creates a record: wrapped by ``once_per_form`` (its
        form carries ``{{ once() }}``), a double submit creates one."""
        unguarded = [rule.rule for rule in plugin_rules(app, self.slug)
                     if "POST" in rule.methods and rule.rule.endswith("/baru")
                     and not getattr(app.view_functions[rule.endpoint], "once_per_form", False)]
        assert unguarded == [], "decorate creation views with @once_per_form (portal.sdk)"

    def test_tables_carry_the_slug_and_model_names_are_unique(self, app):
        names = [mapper.class_.__name__ for mapper in db.Model.registry.mappers]
        for cls in _mapped_classes(self.slug):
            assert cls.__tablename__.startswith(f"{self.slug}_"), cls.__tablename__
            # One SQLAlchemy registry is shared by every plugin: string relationships to a name
            # two plugins use would be ambiguous.
            assert names.count(cls.__name__) == 1, f"model class name {cls.__name__} is not unique"

    def test_models_match_migrations_including_constraint_names(self, app):
        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        prefix = f"{self.slug}_"

        def mine(diff) -> bool:
            return (_diff_table(diff) or "").startswith(prefix)

        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": False})
            diffs = [d for d in compare_metadata(context, db.metadata) if mine(d)]
        assert diffs == [], "the plugin's models and migrations disagree"

    def test_migrations_dir_holds_the_plugins_branch(self, app):
        from portal.plugins import registry

        dirs = [Path(path) for slug, path in registry().per_plugin("portal_migrations_dir") if slug == self.slug]
        for folder in dirs:
            assert folder.is_dir() and any(folder.glob("*.py")), f"{folder}: no revisions"

    def test_menu_and_dashboard_entries_point_at_declared_pages(self, app, contract_world):
        from portal.plugins import registry

        user = account_of(contract_world["world"]["sdm"])
        hooks = (("portal_menu_items", MenuItem), ("portal_dashboard_widgets", DashboardWidget))
        with app.test_request_context():
            for hook, kind in hooks:
                for slug, items in registry().per_plugin(hook, user=user):
                    if slug != self.slug:
                        continue
                    for item in items or ():
                        assert isinstance(item, kind), f"{hook} returns {kind.__name__} items"
                        assert declared_access(item.endpoint) is not None, item.endpoint

    # ------------------------------------------------------------------ requests

    def _get_paths(self, app: Flask) -> list[str]:
        return sorted({concrete_path(rule) for rule in plugin_rules(app, self.slug)
                       if "GET" in rule.methods and not rule.arguments})

    def test_anonymous_requests_are_sent_to_sign_in(self, app, client):
        for rule in plugin_rules(app, self.slug):
            if PUBLIC in (declared_access(rule.endpoint) or ()):
                continue
            path = concrete_path(rule)
            if "GET" in rule.methods:
                response = client.get(path)
                assert response.status_code == 302 and "/masuk" in response.headers["Location"], path
                response = client.get(path, headers=HTMX)
                assert response.status_code == 401 and "/masuk" in response.headers["HX-Redirect"], path
            else:
                response = client.post(path, data={"x": "1"})
                assert response.status_code in (302, 401), (path, response.status_code)

    def test_switched_off_mechanism_answers_404(self, app, contract_world):
        from portal.models import UnitMechanism

        top = contract_world["world"]["A"]["top"]
        db.session.add(UnitMechanism(unit_id=top.id, slug=self.slug, enabled=False))
        db.session.commit()
        for rule in plugin_rules(app, self.slug):
            roles = declared_access(rule.endpoint) or frozenset()
            if PUBLIC in roles:
                continue
            staff, path = contract_world["staff"], concrete_path(rule)
            response = staff.get(path) if "GET" in rule.methods else staff.post(path, data={"x": "1"})
            # A page for every employee is gone (404); a page for other roles stays forbidden.
            expected = {404} if "pegawai" in roles else {403, 404}
            assert response.status_code in expected, (rule.rule, response.status_code)

    def test_htmx_and_plain_requests_agree(self, app, contract_world):
        for who in ("staff", "sdm"):
            client = contract_world[who]
            for path in self._get_paths(app):
                plain = client.get(path)
                partial = client.get(path, headers=HTMX)
                assert plain.status_code < 500 and partial.status_code < 500, path
                assert plain.status_code == partial.status_code or partial.status_code == 200, (
                    who, path, plain.status_code, partial.status_code)

    def test_every_state_change_needs_a_csrf_token(self, app, contract_world):
        for rule in plugin_rules(app, self.slug):
            if not rule.methods & {"POST", "PUT", "PATCH", "DELETE"}:
                continue
            for headers in ({}, HTMX):
                response = contract_world["sdm"].post(concrete_path(rule), csrf=False, headers=headers,
                                                      data={"x": "1"})
                assert response.status_code == 400, (rule.rule, response.status_code)

    # ------------------------------------------------------------------ hooks with data

    def test_inbox_hook_returns_tasks_within_its_statement_budget(self, app, contract_world):
        from portal.plugins import registry

        for who in ("sdm", "staff"):
            employee = contract_world["world"]["sdm"] if who == "sdm" else contract_world["world"]["A"]["staff"]
            user = account_of(employee)
            with app.test_request_context():
                for impl in registry().pm.hook.portal_pending_tasks.get_hookimpls():
                    if impl.plugin_name != self.slug:
                        continue
                    with StatementCounter(db.engine) as counter:
                        tasks = impl.function(user=user)
                    assert all(isinstance(task, PendingTask) for task in tasks or ())
                    assert len(counter) <= INBOX_STATEMENT_BUDGET, counter.statements

    def test_demo_data_loads(self, app):
        from portal.demo import loader

        lines = loader.load("small", seed=7, echo=lambda _line: None, plugins={self.slug})
        assert any(line.startswith(f"[{self.slug}]") for line in lines), lines
