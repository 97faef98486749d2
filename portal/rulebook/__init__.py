"""The rules of SE 07/SE/KM/2023 as the portal enforces them, declared in code.

The core declares the general rules (:mod:`portal.rulebook.core`); each plugin declares the rules
of its mechanism in ``PluginInfo.rules``. :mod:`portal.rulebook.catalogue` joins them with the
settings and caps that carry their figures; the "Aturan" page (:mod:`portal.rulebook.views`) and
docs/rules.md (:mod:`portal.rulebook.markdown`, ``flask rules docs``) show the same list.
"""
