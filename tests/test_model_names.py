"""Every installed plugin shares the core's model registry: a class name used twice makes any
relationship that names it by string (or by a bare annotation) ambiguous for *both* plugins."""

from __future__ import annotations

from collections import defaultdict

from portal.extensions import db


def test_model_class_names_are_unique_across_core_and_plugins(app):
    modules: dict[str, set[str]] = defaultdict(set)
    for mapper in db.Model.registry.mappers:
        modules[mapper.class_.__name__].add(mapper.class_.__module__)
    clashes = {name: sorted(where) for name, where in modules.items() if len(where) > 1}
    assert clashes == {}, ("Prefix model classes with the mechanism (e.g. KomunitasMeeting): "
                           f"{clashes}")
