"""Hooks every placement plugin answers the same way, bound to its slug.

A placement plugin (magang, pertukaran, detasering) takes them into its ``__init__.py``::

    from portal.placements.hooks import standard_hooks

    portal_certificate_context, portal_import_row, portal_pending_tasks = standard_hooks(SLUG)

and adds only its own: plugin info, the kind, eligibility rules, JP, menu and demo data.
``portal_report_rows`` is offered separately (:func:`report_rows_hook`): a plugin that takes it
replaces the ledger-based rows of the core's mechanism report with its placements.
"""

from __future__ import annotations

from portal.hookspecs import hookimpl


def standard_hooks(slug: str) -> tuple:
    """``portal_certificate_context``, ``portal_import_row`` and ``portal_pending_tasks`` of the
    placement kind ``slug``."""

    @hookimpl
    def portal_certificate_context(participation):
        from portal.placements.certificates import context_for

        return context_for(participation, slug)

    @hookimpl
    def portal_import_row(row):
        from portal.activities.fixed_types import import_verdict

        return import_verdict(row, slug)

    @hookimpl
    def portal_pending_tasks(user):
        from portal.placements.tasks import pending_for

        return pending_for(user, slug)

    return portal_certificate_context, portal_import_row, portal_pending_tasks


def report_rows_hook(slug: str):
    """``portal_report_rows``: the kind's placements in the core's mechanism report."""

    @hookimpl
    def portal_report_rows(kind, unit, period):
        from portal.placements.reports import report_rows

        return report_rows(slug, kind, unit, period)

    return portal_report_rows


def scheduled_hook(slug: str):
    """``portal_scheduled_participations``: running placements of kind ``slug`` that end in the
    period, dated on their end date (the early warning counts them as scheduled)."""

    @hookimpl
    def portal_scheduled_participations(employee_ids, start, end):
        from portal.placements.outcome import scheduled

        return scheduled(slug, employee_ids, start, end)

    return portal_scheduled_participations


def opportunities_hook(slug: str):
    """``portal_opportunities``: approved needs of kind ``slug`` in the employee's unit or a unit
    above it, where the employee is not a candidate yet; the admin who recorded the need decides
    (a request through the core's *Minta diikutsertakan*)."""

    @hookimpl
    def portal_opportunities(employee, on_date):
        from portal.placements.join import opportunities

        return opportunities(slug, employee, on_date)

    return portal_opportunities


def join_steps_hook(slug: str):
    """``portal_join_steps``: nominating a candidate for a placement of kind ``slug``
    (:func:`portal.placements.service.nominate`, through the core's eligibility gate)."""

    @hookimpl
    def portal_join_steps():
        from portal.placements.join import join_steps

        return join_steps(slug)

    return portal_join_steps
