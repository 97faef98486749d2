"""Plugin discovery (entry-point group ``portal``), mounting and per-unit hook calling."""

from __future__ import annotations

import sys
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pluggy
from flask import Flask, current_app

from portal import hookspecs
from portal.types import PluginInfo

ENTRY_POINT_GROUP = "portal"
# The plugin API this core provides (hooks, types, helpers): a plugin declares the version it was
# written for in ``PluginInfo.api_version``; same major and a minor not newer than this load.
# 1.0: the hooks of docs/hooks.md; 1.1: ``portal_join_steps``, ``PluginInfo.api_version``;
# 1.4: ``per_request`` (a value asked once per page view); 1.5: ``ReportColumn.group`` and
# ``JP_HEADING`` (a heading over several columns, as the circular's recap tables print).
API_VERSION = "1.5"


def _version(text: str) -> tuple[int, int]:
    major, _, minor = str(text).partition(".")
    return int(major), int(minor or 0)


def api_compatible(needed: str, provided: str = API_VERSION) -> bool:
    """A plugin written for ``needed`` runs on a core providing ``provided``."""
    try:
        (need_major, need_minor), (have_major, have_minor) = _version(needed), _version(provided)
    except ValueError:
        return False
    return need_major == have_major and need_minor <= have_minor


@dataclass(frozen=True)
class InstalledPlugin:
    slug: str
    info: PluginInfo
    version: str
    hooks: tuple[str, ...]


class PluginRegistry:
    """Wraps the pluggy manager: which plugins exist and which are on for a unit."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager("portal")
        self.pm.add_hookspecs(hookspecs)
        self._versions: dict[str, str] = {}
        self._info: dict[str, PluginInfo] = {}
        self._subsets: dict[tuple, object] = {}  # pluggy subset callers, built once each
        self._slugs: list[str] | None = None

    def load_entrypoints(self) -> None:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self.pm.get_plugin(ep.name) is not None:
                continue
            self.pm.register(ep.load(), name=ep.name)
            self._versions[ep.name] = ep.dist.version if ep.dist else "?"
        self._forget_callers()

    def register(self, plugin: object, slug: str, version: str = "0") -> None:
        """Register a plugin object directly (tests, embedded plugins)."""
        self.pm.register(plugin, name=slug)
        self._versions[slug] = version
        self._forget_callers()

    def _forget_callers(self) -> None:
        self._subsets.clear()
        self._slugs = None

    def check(self) -> None:
        """Fail fast on misspelled hooks and on plugins whose slug and entry point disagree."""
        self.pm.check_pending()
        for slug in self.slugs():
            info = self.info(slug)
            if info.slug != slug:
                raise RuntimeError(f"plugin {slug!r} declares slug {info.slug!r}")
            if not api_compatible(info.api_version):
                raise RuntimeError(
                    f"plugin {slug!r} is written for the portal plugin API {info.api_version}; this "
                    f"core provides {API_VERSION} (same major, minor up to {API_VERSION}): upgrade the "
                    f"core or install a version of the plugin made for it")

    def enable_tracing(self, write=None) -> None:
        writer = write or (lambda *args: print("[hook]", *args, file=sys.stderr))
        self.pm.trace.root.setwriter(writer)
        self.pm.enable_tracing()

    def slugs(self) -> list[str]:
        if self._slugs is None:  # asked many times a page; fixed once the plugins are registered
            self._slugs = sorted(
                name for name, plugin in self.pm.list_name_plugin() if _is_mechanism(self.pm, plugin))
        return list(self._slugs)

    def info(self, slug: str) -> PluginInfo:
        if slug not in self._info:  # static for the life of the app
            self._info[slug] = self.call_one(slug, "portal_plugin_info")
        return self._info[slug]

    def installed(self) -> list[InstalledPlugin]:
        result = []
        for slug in self.slugs():
            plugin = self.pm.get_plugin(slug)
            hooks = tuple(sorted(c.name for c in self.pm.get_hookcallers(plugin) or ()))
            result.append(InstalledPlugin(slug, self.info(slug), self._versions.get(slug, "?"), hooks))
        return result

    def per_plugin(self, hook_name: str, only: set[str] | None = None, **kwargs):
        """Yield (slug, result) of one hook for each plugin implementing it (or for ``only``
        those), each call made through pluggy so that tracing sees it."""
        for slug in self.implementers(hook_name):
            if only is None or slug in only:
                yield slug, self.call_one(slug, hook_name, **kwargs)

    def implementers(self, hook_name: str) -> list[str]:
        """Slugs of the plugins implementing a hook, in pluggy's calling order."""
        return [impl.plugin_name for impl in getattr(self.pm.hook, hook_name).get_hookimpls()]

    def call_one(self, slug: str, hook_name: str, **kwargs):
        """One plugin's result of one hook, called through pluggy (a subset caller)."""
        caller = getattr(self.pm.hook, hook_name)
        others = [impl.plugin for impl in caller.get_hookimpls() if impl.plugin_name != slug]
        if len(others) == len(caller.get_hookimpls()):
            raise KeyError(f"plugin {slug!r} does not implement {hook_name}")
        key = ("only", hook_name, slug)
        if key not in self._subsets:
            self._subsets[key] = self.pm.subset_hook_caller(hook_name, remove_plugins=others)
        result = self._subsets[key](**kwargs)
        if caller.spec and caller.spec.opts.get("firstresult"):
            return result
        return result[0] if result else None

    def hook_excluding(self, hook_name: str, disabled_slugs: AbstractSet[str]):
        """A caller for ``hook_name`` that leaves out the given plugins (pluggy subset caller)."""
        remove = [self.pm.get_plugin(slug) for slug in disabled_slugs if self.pm.get_plugin(slug)]
        if not remove:
            return getattr(self.pm.hook, hook_name)
        # Building a subset caller walks every plugin's hooks (≈1 ms); a page asks several times
        # for the same units' switches, so each subset is built once per process.
        key = (hook_name, frozenset(disabled_slugs))
        if key not in self._subsets:
            self._subsets[key] = self.pm.subset_hook_caller(hook_name, remove_plugins=remove)
        return self._subsets[key]

    def migration_dirs(self) -> list[Path]:
        return [Path(path) for _slug, path in self.per_plugin("portal_migrations_dir")]


def _is_mechanism(pm: pluggy.PluginManager, plugin: object) -> bool:
    callers = pm.get_hookcallers(plugin) or ()
    return any(c.name == "portal_plugin_info" for c in callers)


def registry() -> PluginRegistry:
    return current_app.extensions["portal_plugins"]


def init_plugins(app: Flask, extra_plugins: list[tuple[str, object]] | None = None) -> None:
    """Discover plugins, check them and mount their blueprints under ``/m/<slug>``."""
    plugins = PluginRegistry()
    plugins.load_entrypoints()
    for slug, plugin in extra_plugins or ():
        plugins.register(plugin, slug)
    plugins.check()
    if app.config.get("PORTAL_TRACE_HOOKS"):
        plugins.enable_tracing()
    app.extensions["portal_plugins"] = plugins

    blueprint_slugs: dict[str, str] = {}
    for slug, blueprints in plugins.per_plugin("portal_register_blueprints"):
        for blueprint in blueprints or ():
            app.register_blueprint(blueprint, url_prefix=f"/m/{slug}")
            blueprint_slugs[blueprint.name] = slug
    app.extensions["portal_blueprint_slugs"] = blueprint_slugs
