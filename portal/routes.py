"""Pages of one blueprint kept in several modules, without imports for their side effect
(issue 13).

The module that owns a blueprint decorates its views with ``@bp.route``; every other page
module of that blueprint declares its views on its own :class:`Routes`, and the module that
assembles the blueprint names those modules — ``assemble(views.bp, views_people.routes)`` — so
the reader sees where each page comes from and nothing is registered by being imported.
Endpoints keep the blueprint's name (``outbound.feedback``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint


class Routes:
    """The views of one page module, attached to a blueprint by :func:`assemble`."""

    def __init__(self) -> None:
        self._rules: list[tuple[str, Callable, dict[str, Any]]] = []
        self._globals: list[tuple[Callable, str | None]] = []

    def route(self, rule: str, **options: Any) -> Callable[[Callable], Callable]:
        """Like ``Blueprint.route``."""
        def register(view: Callable) -> Callable:
            self._rules.append((rule, view, options))
            return view
        return register

    def app_template_global(self, name: str | None = None) -> Callable[[Callable], Callable]:
        """Like ``Blueprint.app_template_global``."""
        def register(function: Callable) -> Callable:
            self._globals.append((function, name))
            return function
        return register

    def attach_to(self, blueprint: Blueprint) -> None:
        for rule, view, options in self._rules:
            options = dict(options)
            blueprint.add_url_rule(rule, options.pop("endpoint", None), view, **options)
        for function, name in self._globals:
            blueprint.add_app_template_global(function, name)


def assemble(blueprint: Blueprint, *routes: Routes) -> Blueprint:
    """``blueprint`` with the views of every page module in ``routes`` attached (once, where
    the assembling module is imported)."""
    for module_routes in routes:
        module_routes.attach_to(blueprint)
    return blueprint
