"""The public API of the core for plugins: the one module a plugin imports from the core
(besides ``portal.testing`` and ``portal.testing_contract`` in its tests).

Every name here is documented in docs/plugins.md (a test checks it); a plugin importing
anything else from ``portal`` fails ``tests/test_sdk.py``. Names stay stable within a major
version of the plugin API (``API_VERSION``); the modules behind them may move.
"""

# ruff: noqa: F401 - re-exports
from __future__ import annotations

from portal import (
    clock,
    i18n,
)
from portal.access import (
    ADMINS,
    MANAGERS,
    PUBLIC,
    ROLES,
    SDM,
    TALENTA,
    access,
)
from portal.activities.fixed_types import (
    import_verdict,
)
from portal.activities.importer import (
    commit as commit_activity_import,
)
from portal.api import (
    tokens as api_tokens,
)
from portal.audit import (
    record,
)
from portal.authority import (
    self_approval_refusal,
)
from portal.certificates import (
    settings as certificate_settings,
)
from portal.certificates.context import (
    CertificateError,
    for_entry,
)
from portal.certificates.service import (
    issue as issue_certificate,
)
from portal.certificates.service import (
    revoke as revoke_certificate,
)
from portal.clock import (
    WIB,
    today,
    wib_date,
)
from portal.costs import (
    CATEGORIES,
    CostColumns,
    CostForm,
    apply_costs,
    cost_columns,
    cost_total,
    funding_label,
)
from portal.demo.accounts import (
    account_for,
    admin_sdm_account,
)
from portal.demo.loader import (
    DEMO_PASSWORD,
)
from portal.demo.loader import (
    load as load_demo,
)
from portal.demo.timeline import (
    waiting_since,
)
from portal.eligibility.core_rules import (
    gap_or_talent,
)
from portal.eligibility.gate import (
    EligibilityRefusal,
    JoinStep,
    refuse_if_not_eligible,
    require_eligible,
)
from portal.eligibility.service import (
    check as check_eligibility,
)
from portal.eligibility.testing import (
    assessed_two_units,
    record_gaps,
)
from portal.exports import (
    attach,
    content_disposition,
    download,
)
from portal.extensions import (
    db,
)
from portal.formfields import (
    DateText,
    Required,
    choices,
)
from portal.hookspecs import (
    hookimpl,
)
from portal.i18n import (
    rupiah,
    tanggal,
)
from portal.idempotency import (
    once_per_form,
)
from portal.inbox.notices import (
    notify,
    path_for,
)
from portal.ledger.locks import (
    lock_groups,
)
from portal.ledger.numbers import (
    jp_number,
)
from portal.ledger.service import (
    MIN_YEAR,
    LedgerError,
    credit,
    year_summary,
)
from portal.ledger.service import (
    cancel as cancel_ledger_entry,
)
from portal.letters import (
    MINISTRY,
    Letter,
    LetterPerson,
    render_letter,
)
from portal.mechanisms.switches import (
    set_switch,
)
from portal.models import (
    Account,
    AuditLog,
    Certificate,
    Employee,
    EmployeeGap,
    LedgerEntry,
    Notification,
    RoleGrant,
    StoredFile,
    Unit,
    UnitMechanism,
)
from portal.models.account import (
    utcnow,
)
from portal.models.employee import (
    GAP_STANDARD_LABELS,
)
from portal.models.plan import (
    DevelopmentPlan,
    DevelopmentPlanItem,
)
from portal.nip import (
    normalise as normalise_nip,
)
from portal.office_files import (
    store_document,
)
from portal.opportunities.service import (
    unit_decider,
)
from portal.pagination import (
    arg,
    int_arg,
    page_number,
    parse_id,
    year_filter,
)
from portal.placements import (
    monitoring as placement_monitoring,
)
from portal.placements import (
    outcome as placement_outcome,
)
from portal.placements import (
    service as placement_service,
)
from portal.placements.block import (
    blocks_of,
)
from portal.placements.demo_documents import (
    signed_document,
)
from portal.placements.demo_reports import (
    complete_monitoring,
    submit_due_reports,
)
from portal.placements.errors import (
    PlacementError,
)
from portal.placements.followup import (
    set_continuity,
)
from portal.placements.hooks import (
    join_steps_hook,
    opportunities_hook,
    report_rows_hook,
    scheduled_hook,
    standard_hooks,
)
from portal.placements.kinds import (
    kind_of,
)
from portal.placements.models import (
    DevelopmentBlock,
    EmployeeCompetency,
    NeedStatus,
    Placement,
    PlacementFollowup,
    PlacementNeed,
    PlacementNote,
    PlacementStatus,
)
from portal.placements.monitoring import (
    periods,
)
from portal.placements.reports import (
    report_rows,
)
from portal.placements.schedule import (
    add_span,
    last_day,
)
from portal.placements.testing_browser import (
    record_rapor,
    submit_every_report,
)
from portal.plugins import (
    API_VERSION,
    registry,
)
from portal.refusal import (
    Refusal,
)
from portal.reports import (
    document as report_document,
)
from portal.reports import (
    params as report_params,
)
from portal.reports import (
    xlsx as report_xlsx,
)
from portal.reports.document import (
    render as render_report,
)
from portal.reports.download import (
    flash_and,
    report_download,
)
from portal.reports.model import (
    JP_HEADING,
    Report,
    Signature,
    number_rows,
    totals_of,
)
from portal.reports.params import (
    current_quarter,
)
from portal.reports.pdf import (
    PdfError,
    render_pdf,
)
from portal.reports.recap import (
    period_label,
)
from portal.reports.signers import (
    eselon_two_head,
    place_date,
    signatures,
)
from portal.request_memo import (
    per_request,
)
from portal.routes import (
    Routes,
    assemble,
)
from portal.rule_settings.setting_jp import (
    SettingJP,
)
from portal.rule_settings.versions import (
    add_version,
    value_on,
)
from portal.scope import (
    can_manage_unit,
    can_view_employee,
    manageable_units,
    viewable_employees,
    viewable_units,
)
from portal.states import (
    Actions,
    HasStatus,
    State,
)
from portal.tasks.jobs import (
    JobFailed,
)
from portal.tasks.jobs import (
    handler as job_handler,
)
from portal.tasks.jobs import (
    start as start_job,
)
from portal.transitions import (
    StaleDecision,
    claim_state,
)
from portal.types import (
    ActivityLabels,
    ActivityRow,
    AgreementElement,
    CapSpec,
    CertificateContext,
    Choice,
    DashboardWidget,
    ExtraField,
    ImportVerdict,
    JPResult,
    MenuItem,
    Opportunity,
    Participation,
    PendingTask,
    PlacementKind,
    PlacementRules,
    PluginInfo,
    ReportColumn,
    ReportPeriod,
    ReportRows,
    RuleSpec,
    SettingSpec,
    Span,
    StageSpec,
    Verdict,
)
from portal.uploads import (
    UploadError,
    download_name,
    megabytes,
    send_stored,
)
from portal.uploads import (
    discard as discard_upload,
)
from portal.uploads import (
    store as store_upload,
)
from portal.web import (
    commit_or_flash,
    redirect_to,
    render,
    run_step,
)

__all__ = [
    "access",
    "Account",
    "account_for",
    "ActivityLabels",
    "ActivityRow",
    "add_span",
    "add_version",
    "admin_sdm_account",
    "ADMINS",
    "AgreementElement",
    "api_tokens",
    "API_VERSION",
    "JP_HEADING",
    "apply_costs",
    "arg",
    "assessed_two_units",
    "AuditLog",
    "blocks_of",
    "can_manage_unit",
    "can_view_employee",
    "cancel_ledger_entry",
    "CapSpec",
    "CATEGORIES",
    "Certificate",
    "certificate_settings",
    "CertificateContext",
    "CertificateError",
    "check_eligibility",
    "Choice",
    "choices",
    "claim_state",
    "job_handler",
    "start_job",
    "clock",
    "commit_activity_import",
    "commit_or_flash",
    "Refusal",
    "HasStatus",
    "State",
    "Routes",
    "assemble",
    "Actions",
    "run_step",
    "complete_monitoring",
    "attach",
    "content_disposition",
    "download",
    "cost_columns",
    "cost_total",
    "CostColumns",
    "CostForm",
    "credit",
    "current_quarter",
    "DashboardWidget",
    "DateText",
    "db",
    "DEMO_PASSWORD",
    "DevelopmentBlock",
    "DevelopmentPlan",
    "DevelopmentPlanItem",
    "discard_upload",
    "download_name",
    "EligibilityRefusal",
    "Employee",
    "EmployeeCompetency",
    "EmployeeGap",
    "eselon_two_head",
    "ExtraField",
    "for_entry",
    "funding_label",
    "gap_or_talent",
    "GAP_STANDARD_LABELS",
    "hookimpl",
    "i18n",
    "import_verdict",
    "ImportVerdict",
    "int_arg",
    "issue_certificate",
    "join_steps_hook",
    "JoinStep",
    "jp_number",
    "JPResult",
    "kind_of",
    "last_day",
    "LedgerEntry",
    "LedgerError",
    "Letter",
    "LetterPerson",
    "load_demo",
    "waiting_since",
    "lock_groups",
    "manageable_units",
    "MANAGERS",
    "megabytes",
    "MenuItem",
    "MIN_YEAR",
    "MINISTRY",
    "normalise_nip",
    "Notification",
    "notify",
    "number_rows",
    "once_per_form",
    "page_number",
    "parse_id",
    "Opportunity",
    "Participation",
    "path_for",
    "PdfError",
    "PendingTask",
    "period_label",
    "periods",
    "place_date",
    "Placement",
    "PlacementStatus",
    "NeedStatus",
    "placement_monitoring",
    "placement_outcome",
    "placement_service",
    "PlacementError",
    "PlacementFollowup",
    "PlacementKind",
    "PlacementRules",
    "PlacementNeed",
    "PlacementNote",
    "PluginInfo",
    "PUBLIC",
    "per_request",
    "record",
    "record_gaps",
    "record_rapor",
    "redirect_to",
    "refuse_if_not_eligible",
    "registry",
    "render",
    "render_letter",
    "render_pdf",
    "render_report",
    "Report",
    "report_document",
    "report_download",
    "flash_and",
    "report_params",
    "report_rows",
    "report_rows_hook",
    "opportunities_hook",
    "scheduled_hook",
    "unit_decider",
    "report_xlsx",
    "ReportColumn",
    "ReportPeriod",
    "ReportRows",
    "require_eligible",
    "Required",
    "revoke_certificate",
    "RoleGrant",
    "RuleSpec",
    "ROLES",
    "rupiah",
    "SDM",
    "self_approval_refusal",
    "send_stored",
    "set_continuity",
    "set_switch",
    "SettingJP",
    "SettingSpec",
    "Signature",
    "signatures",
    "signed_document",
    "Span",
    "StageSpec",
    "StaleDecision",
    "JobFailed",
    "standard_hooks",
    "store_document",
    "store_upload",
    "StoredFile",
    "submit_due_reports",
    "submit_every_report",
    "TALENTA",
    "tanggal",
    "today",
    "totals_of",
    "Unit",
    "UnitMechanism",
    "UploadError",
    "utcnow",
    "value_on",
    "Verdict",
    "viewable_employees",
    "viewable_units",
    "WIB",
    "wib_date",
    "year_filter",
    "year_summary",
]
