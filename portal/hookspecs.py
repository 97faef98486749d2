"""Hook specifications of Portal 70:20:10.

Every hook is documented in docs/hooks.md and exercised by a test marked
``@pytest.mark.hook("<name>")``; tests/test_plugins.py
fails when either is missing. Hooks return data (see portal/types.py), never HTML, and never
touch the Flask app.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from flask import Blueprint

    from portal.models import Account, Employee
    from portal.rule_settings.versions import JPSettings
    from portal.types import DashboardWidget, JPResult, MenuItem, Opportunity, Participation, PluginInfo

hookspec = pluggy.HookspecMarker("portal")
hookimpl = pluggy.HookimplMarker("portal")


@hookspec
def portal_plugin_info() -> PluginInfo:
    """Describe the mechanism this plugin provides.

    :return: a :class:`portal.types.PluginInfo` whose ``slug`` equals the plugin's
        entry-point name in the ``portal`` group.
    """


@hookspec
def portal_register_blueprints() -> list[Blueprint]:
    """Return the plugin's blueprints.

    The core mounts each under ``/m/<slug>`` and guards it: when the mechanism is switched off
    for the signed-in user's unit every route answers 404. Each view must still declare who may
    use it with :func:`portal.access.access`.

    :return: a list of :class:`flask.Blueprint`.
    """


@hookspec
def portal_migrations_dir() -> Path:
    """Return the folder of the plugin's Alembic revisions.

    The folder is one Alembic branch labelled with the plugin's slug whose first revision
    ``depends_on`` the core head, so ``flask db upgrade`` adds the plugin's tables without
    touching others.

    :return: an absolute :class:`pathlib.Path`.
    """


@hookspec
def portal_menu_items(user: Account) -> list[MenuItem]:
    """Navigation entries for ``user``.

    Called only for plugins switched on for the user's unit.

    :param user: the signed-in account.
    :return: a list of :class:`portal.types.MenuItem`.
    """


@hookspec
def portal_dashboard_widgets(user: Account) -> list[DashboardWidget]:
    """Dashboard cards for ``user``, loaded lazily by the browser.

    Called only for plugins switched on for the user's unit.

    :param user: the signed-in account.
    :return: a list of :class:`portal.types.DashboardWidget`.
    """


@hookspec
def portal_demo_data(rng: random.Random, scale: str) -> str | None:
    """Add the plugin's demo records after the core's units and employees exist.

    :param rng: a seeded random generator; use only it so demo data is deterministic.
    :param scale: ``"small"`` (``make run``) or ``"ministry"`` (benchmarks).
    :return: a one-line summary shown by ``flask demo load``, or ``None``.
    """


@hookspec(firstresult=True)
def portal_compute_jp(participation: Participation, settings: JPSettings) -> JPResult | None:
    """Compute the JP of one participation, with the rule that produced it.

    Called by the core ledger (:func:`portal.ledger.service.credit`, and on the recalculate
    page) for every installed plugin, switched on or not, until one returns a result: return
    ``None`` for a participation whose ``mechanism`` is not yours. Stops at the first
    non-``None`` result.

    Caps ("at most 2 per month") are not this hook's job: declare them as
    :class:`portal.types.CapSpec` in :class:`portal.types.PluginInfo` ``caps`` and the ledger
    applies them. Return the JP of the one participation as if no cap existed.

    :param participation: a :class:`portal.types.Participation`.
    :param settings: the rule settings in force on ``participation.on_date``:
        ``settings["jp_peserta"]`` reads your mechanism's own :class:`~portal.types.SettingSpec`
        key, ``settings["core.target_jp_pns"]`` a full key. Read only the setting the JP comes
        from: the ledger row records the version of the first setting read.
    :return: a :class:`portal.types.JPResult` (``jp`` ≥ 0, ``rule_id`` declared in ``PluginInfo.rules``,
        ``explanation`` in Indonesian), or ``None``.
    """


if TYPE_CHECKING:  # types of portal_check_eligibility, kept beside it
    import datetime as dt
    from collections.abc import Mapping

    from portal.models import Employee
    from portal.types import Verdict


@hookspec
def portal_check_eligibility(
    employee: Employee, mechanism: str, on_date: dt.date, context: Mapping[str, object]
) -> list[Verdict]:
    """Judge whether ``employee`` may join ``mechanism`` on ``on_date``.

    Called by :func:`portal.eligibility.service.check` for every plugin switched on for the
    employee's unit, whatever the mechanism asked about: a plugin answers for its own
    mechanism (``if mechanism != "magang": return []``) and may also answer for others
    (cross-plugin rules such as the MG-10 block after a failed internship). **All** verdicts
    are collected and every one is shown; any ``allow=False`` makes the employee not eligible;
    otherwise any ``allow=None`` makes the answer "cannot decide yet".

    Return ``Verdict(None, rule_id, "<what is missing>")`` when the data to judge a rule is
    missing; never skip a rule silently and never return ``True`` for lack of data.

    :param employee: the :class:`portal.models.Employee` being checked.
    :param mechanism: the slug of the mechanism asked about (e.g. ``"magang"``).
    :param on_date: the date the employee would take part.
    :param context: read-only extra facts from the caller (e.g. ``{"role": "pemateri"}``);
        empty when there are none.
    :return: a list of :class:`portal.types.Verdict` (empty when no rule of yours applies).
    """


if TYPE_CHECKING:
    from portal.types import PendingTask


@hookspec
def portal_pending_tasks(user: Account) -> list[PendingTask]:
    """What waits for ``user``: approvals, verifications, forms to fill, confirmations.

    The core's inbox (``/kotak-masuk``) lists every task, grouped by ``kind``, each linking to
    the page where it is done, and the header shows their number on every page: keep this
    hook cheap (one or two queries, no query per row) and return only what the user may open.
    Called only for plugins switched on for the user's unit.

    :param user: the signed-in account.
    :return: a list of :class:`portal.types.PendingTask` (empty when nothing waits).
    """


@hookspec
def portal_scheduled_participations(employee_ids: list[int] | None, start: dt.date,
                                    end: dt.date) -> list[Participation]:
    """What is scheduled but not yet credited, for the early warning on the JP target (issue 19):
    meetings people registered for, programmes they take part in, running placements, reports
    awaiting verification — each as the :class:`portal.types.Participation` that would be
    credited, dated when it would be (between ``start`` and ``end``).

    The core computes the JP with your ``portal_compute_jp`` and shows it apart from the counted
    JP; it never credits anything from here. Answer with one or two queries (the ministry view
    asks for everyone: ``employee_ids`` is None); leave out what is already in the ledger.
    Called only for installed plugins; tested in tests/test_projection.py.

    :param employee_ids: whose participations (None: everyone's).
    :return: a list of participations (empty when nothing is scheduled).
    """


@hookspec
def portal_opportunities(employee: Employee, on_date: dt.date) -> list[Opportunity]:
    """What is open now that ``employee`` could join (issue 19): komunitas meetings with open
    registration, programmes taking participants, coaching or mentoring available, assignments
    that fit the plan, placements recruiting — each an :class:`portal.types.Opportunity`.

    Answer only what ``employee`` may see, and leave out what they already joined. The core
    computes the JP and the eligibility verdict (no shortcut), ranks the offers by what closes
    the employee's gap to the yearly target first, and shows them on *Peluang untuk saya*, on the
    home page of an employee at risk, and to the atasan, who may recommend one. Called only for
    plugins switched on for the employee's unit; tested in tests/test_opportunities.py.

    :return: a list of opportunities (empty when nothing is open).
    """


@hookspec
def portal_confidential_parts(employee: Employee) -> list[str]:
    """The parts ``employee`` holds in your plugin that open other people's confidential
    records (e.g. ``"Mentor coaching di unit kerja"``), in Bahasa Indonesia.

    Such authority comes from data, not from a granted role: the core protects its holder like
    the holder of a granted role (an admin_unit may not set a temporary password on their
    account, portal.auth.temporary). Return an empty list when the employee holds none.
    """


if TYPE_CHECKING:  # types of portal_import_row, kept beside it
    from portal.types import ActivityRow, ImportVerdict


@hookspec(firstresult=True)
def portal_import_row(row: ActivityRow) -> ImportVerdict | None:
    """Accept or refuse one row of the historical activities import for your mechanism.

    Called by the activities import (:mod:`portal.activities`) for every installed plugin,
    switched on or not (history stays importable), until one answers: return ``None`` when
    ``row.mechanism`` is not yours. A row whose mechanism no plugin answers for is refused
    ("Mekanisme X belum mendukung impor").

    The core has already checked the NIP, the importer's scope, that the mechanism is
    installed, and the date. Check your own activity types and roles (the fixed ones of
    fixed identifiers: :mod:`portal.activities.fixed_types` does it in one call) and build the
    :class:`portal.types.Participation`; set ``jp_stated=row.jp`` only when your mechanism
    credits the JP stated on a document (``formal``, FL-01), otherwise leave it ``None`` and
    the ledger computes the JP through ``portal_compute_jp``. Caps and exact duplicates are the
    core's job. Do not write to the database.

    :param row: a :class:`portal.types.ActivityRow`.
    :return: :class:`portal.types.ImportVerdict` ``(True, "", participation)``, or
        ``(False, "<Indonesian reason with rule ID>", None)``, or ``None``.
    """


if TYPE_CHECKING:  # types of portal_certificate_context and portal_report_rows
    from portal.models import LedgerEntry, Unit
    from portal.types import CertificateContext, ReportPeriod, ReportRows


@hookspec(firstresult=True)
def portal_certificate_context(participation: LedgerEntry) -> CertificateContext | None:
    """Say what the e-certificate (G-06) of one credited participation states.

    Called by :func:`portal.certificates.service.issue` (single, bulk and reissue) for every
    installed plugin, switched on or not, until one answers: return ``None`` when
    ``participation.mechanism`` is not yours. Stops at the first non-``None`` result. When no
    plugin answers, the core states the ledger row itself: its title, the mechanism's title,
    the role, the activity date and the counted JP.

    Return data only: the core adds the holder, number, signer and QR code, escapes every text
    and renders the PDF. Do not write to the database.

    :param participation: the :class:`portal.ledger.models.LedgerEntry` being certified (read
        it, never change it).
    :return: a :class:`portal.types.CertificateContext` (Indonesian text; ``extra_lines`` are
        printed under the programme, at most 5 of 200 characters), or ``None``.
    """


@hookspec
def portal_report_rows(kind: str, unit: Unit, period: ReportPeriod) -> ReportRows | None:
    """Contribute rows to a core report for ``unit`` (and its sub-units) in ``period``.

    Called for the plugins switched on for ``unit``. Kinds: ``"rekap"`` (unit recap: add your
    mechanism's columns to each employee's line; every row carries ``"employee_id"``) and
    ``"mekanisme"`` (the mechanism report: your own columns and lines). The HTML page, the PDF
    and the XLSX show the same content. Return ``None`` for a kind you do not feed.

    :param kind: the report kind.
    :param unit: the :class:`portal.models.Unit` the report is for.
    :param period: a :class:`portal.types.ReportPeriod` (inclusive dates).
    :return: a :class:`portal.types.ReportRows`, or ``None``.
    """


if TYPE_CHECKING:  # types of portal_placement_kinds
    from portal.types import PlacementKind


@hookspec
def portal_placement_kinds() -> list[PlacementKind]:
    """Declare the placement kinds (magang, pertukaran, detasering) this plugin runs on the core
    placement lifecycle (:mod:`portal.placements`, docs/placements.md).

    Called for every installed plugin, switched on or not (old placements stay readable); the
    core's generic pages of a kind answer 404 where the mechanism is switched off. A kind's
    ``slug`` must be the plugin's own slug. Return data only.

    :return: a list of :class:`portal.types.PlacementKind` (empty when you run none).
    """


if TYPE_CHECKING:  # types of portal_join_steps
    from portal.eligibility.gate import JoinStep


@hookspec
def portal_join_steps() -> list[JoinStep]:
    """Every step of your plugin where a person joins something (registering for a meeting,
    being added as speaker or participant, reporting a training, being proposed or nominated).

    Each such step must call :func:`portal.eligibility.gate.require_eligible` before it changes
    anything. Declare it here as a :class:`portal.eligibility.gate.JoinStep` whose ``attempt``
    drives the real step; the core's test ``tests/test_join_steps.py`` walks every installed
    plugin's steps with an employee under an MG-10 block and fails if any step lets them in.
    Called for every installed plugin, switched on or not.

    :return: a list of :class:`~portal.eligibility.gate.JoinStep` (empty when nobody joins).
    """


if TYPE_CHECKING:  # types of portal_activity_labels
    from portal.types import ActivityLabels


@hookspec
def portal_activity_labels() -> ActivityLabels:
    """*Since API 1.1.* The names of your mechanism's activity types and roles, as the ledger,
    the reports and the imports show them (``ActivityLabels(activity_types=((id, label), …),
    roles=((id, label), …))``). The fixed identifiers stay; an installed
    plugin's labels win over the core's fallback names (used for rows of uninstalled plugins).
    Called for every installed plugin, switched on or not.
    """
