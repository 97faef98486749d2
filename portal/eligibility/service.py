"""``check``: may an employee join a mechanism on a date? The core's rules plus every enabled
plugin's ``portal_check_eligibility`` verdicts; all are kept and shown.

Example (a plugin's registration view)::

    from portal.eligibility.service import check

    answer = check(employee, "magang", start_date, context={"role": "peserta"})
    if answer.eligible is not True:
        flash(answer.summary, "error")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from flask import current_app

from portal.eligibility import core_rules
from portal.eligibility.answer import EligibilityAnswer
from portal.mechanisms.catalogue import mechanism_title
from portal.mechanisms.switches import disabled_slugs
from portal.models import Employee
from portal.plugins import registry
from portal.types import Verdict

HOOK = "portal_check_eligibility"


def check(employee: Employee, mechanism_slug: str, on_date: dt.date,
          context: Mapping[str, object] | None = None) -> EligibilityAnswer:
    """Whether ``employee`` may join ``mechanism_slug`` on ``on_date``.

    The verdicts are the core's (mechanism installed and on for the employee's unit; G-03)
    followed by those of every plugin switched on for the employee's unit. ``eligible`` is
    ``False`` when any verdict denies, else ``None`` when any cannot decide, else ``True``.

    :param context: extra facts passed read-only to the plugins (e.g. ``{"role": ...}``).
    :raises TypeError: ``on_date`` is not a :class:`datetime.date`.
    """
    if not isinstance(on_date, dt.date) or isinstance(on_date, dt.datetime):
        raise TypeError("on_date must be a datetime.date")
    facts = MappingProxyType(dict(context or {}))
    verdicts = core_rules.verdicts(employee, mechanism_slug, on_date)
    verdicts += _plugin_verdicts(employee, mechanism_slug, on_date, facts)
    from portal.placements import block  # MG-10 / PT-08: applies to every mechanism

    verdicts += block.verdicts(employee, on_date)
    return EligibilityAnswer(employee.id, mechanism_slug, mechanism_title(mechanism_slug), on_date,
                             tuple(verdicts))


def _plugin_verdicts(employee: Employee, slug: str, on_date: dt.date,
                     context: Mapping[str, object]) -> list[Verdict]:
    """Call the hook on each enabled plugin, keeping who answered so a failure is named."""
    skipped = disabled_slugs(employee.unit)
    arguments = {"employee": employee, "mechanism": slug, "on_date": on_date, "context": context}
    plugins = registry()
    found: list[Verdict] = []
    for plugin in reversed(plugins.implementers(HOOK)):  # pluggy's own call order (LIFO)
        if plugin in skipped:
            continue
        try:
            result = plugins.call_one(plugin, HOOK, **arguments)
        except Exception:
            current_app.logger.exception("%s of plugin %s failed", HOOK, plugin)
            found.append(_broken(plugin))
            continue
        found += _verdicts_of(plugin, result)
    return found


def _verdicts_of(plugin: str, result: object) -> list[Verdict]:
    if result is None:
        return []
    try:
        items = [result] if isinstance(result, Verdict) else list(result)
    except TypeError:
        items = [result]
    if all(isinstance(item, Verdict) for item in items):
        return items
    current_app.logger.error("%s of plugin %s returned %r, not Verdicts", HOOK, plugin, result)
    return [_broken(plugin)]


def _broken(plugin: str) -> Verdict:
    # Fail closed: a rule that could not run never makes anyone eligible.
    return Verdict(None, plugin, f"Aturan kelayakan plugin {mechanism_title(plugin)} tidak dapat "
                                 "diperiksa karena kesalahan sistem; hubungi admin.")
