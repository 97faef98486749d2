"""Frozen data the hooks return. Plugins build these; the core renders them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

MODELS = (70, 20, 10)
CAP_SCOPES = ("employee_month_activity", "employee_month", "employee_year", "organiser_month")
CAP_MEASURES = ("rows", "jp")
LEDGER_SOURCES = ("workflow", "import")


@dataclass(frozen=True)
class SettingSpec:
    """A rule setting a plugin declares; `open_value` marks a figure the circular leaves open."""

    key: str
    label: str
    default: float | int | str
    rule_id: str
    open_value: bool = False


@dataclass(frozen=True)
class CapSpec:
    """A limit on what an employee's ledger rows count, applied by the core ledger
    (portal/ledger/caps.py) to the rows of the declaring plugin's mechanism.

    ``per`` chooses the group that is limited:

    - ``"employee_month_activity"``: per employee, per calendar month, per activity type
      (each type in ``activity_types`` separately), e.g. KB-07 berbagi_bahan, CU-02 coaching;
    - ``"employee_month"``: per employee and month, all matching rows together;
    - ``"employee_year"``: per employee and calendar year, all matching rows together;
    - ``"organiser_month"``: per organiser unit and month, counted in distinct meetings
      (``reference``), e.g. KB-06 "an organiser holds at most 2 berbagi_pengalaman a month".

    ``measure`` says what ``limit`` counts (*since API 1.2*):

    - ``"rows"`` (default): counted rows — a row beyond the limit is not counted at all;
    - ``"jp"``: a **JP budget** — counted JP; the row that crosses the budget is counted in
      part (up to what is left) and shows the rest as not counted with the rule, rows after it
      count nothing. E.g. "2 JP a day, at most 8 JP counted a month":
      ``CapSpec("JS-02", 8, "employee_month", measure="jp")``.
      Not available for ``organiser_month`` (that one counts meetings).

    Rows are judged in order of activity date, then id, so the result depends only on the set of
    live rows. Empty ``activity_types`` / ``roles`` match every type / role of the mechanism.
    ``message`` (Indonesian) is shown next to a row beyond the limit; by default
    "Melebihi batas <limit> per bulan (<rule_id>)" (or "<limit> JP per tahun", …).

    ``limit_setting`` names one of the plugin's own ``SettingSpec`` keys when the limit is an
    interpretation the HR unit may change (e.g. CM-13): the ledger then uses the setting's value
    in force on the first day of the row's month, and ``limit`` is only the declared default.
    """

    rule_id: str
    limit: int
    per: str
    activity_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    message: str = ""
    limit_setting: str = ""
    measure: str = "rows"

    def __post_init__(self) -> None:
        if self.per not in CAP_SCOPES:
            raise ValueError(f"per must be one of {CAP_SCOPES}, got {self.per!r}")
        if self.measure not in CAP_MEASURES:
            raise ValueError(f"measure must be one of {CAP_MEASURES}, got {self.measure!r}")
        if self.measure == "jp" and self.per == "organiser_month":
            raise ValueError("an organiser_month cap counts meetings: measure must be 'rows'")
        if not isinstance(self.limit, int) or self.limit < 0:
            raise ValueError(f"limit must be a non-negative int, got {self.limit!r}")

    def matches(self, activity_type: str, role: str) -> bool:
        return ((not self.activity_types or activity_type in self.activity_types)
                and (not self.roles or role in self.roles))

    @property
    def period(self) -> str:
        return "tahun" if self.per == "employee_year" else "bulan"

    @property
    def text(self) -> str:
        unit = " JP" if self.measure == "jp" else ""
        return self.message or f"Melebihi batas {self.limit}{unit} per {self.period} ({self.rule_id})"

    def partial_text(self, uncounted) -> str:
        """The reason on a row counted in part by a JP budget."""
        amount = format(Decimal(uncounted).normalize(), "f").replace(".", ",")
        return f"{amount} JP tidak dihitung: batas {self.limit} JP per {self.period} ({self.rule_id})"


RULE_ID = re.compile(r"^[A-Z]{1,4}-(?:\d{2}|[A-Z]{2,6})$")


@dataclass(frozen=True)
class RuleSpec:
    """A rule of the circular that a plugin (or the core) enforces: its ID (``KB-07``), a short
    summary in Indonesian and where the circular says it (``Lamp. F.5``). Declared in
    ``PluginInfo.rules``; the "Aturan" page and docs/rules.md list them with their settings and
    caps. A rule the circular implies but the catalogue lacks gets the next free number of its
    mechanism's prefix."""

    id: str
    summary: str
    source: str

    def __post_init__(self) -> None:
        if not RULE_ID.match(self.id):
            raise ValueError(f"rule id must look like 'KB-07' or 'PRA-SE', got {self.id!r}")
        if not self.summary.strip() or not self.source.strip():
            raise ValueError(f"rule {self.id} needs a summary and a source")

    @property
    def prefix(self) -> str:
        return self.id.split("-")[0]


@dataclass(frozen=True)
class PluginInfo:
    """Identity of a learning mechanism. `slug` must equal the entry-point name."""

    slug: str
    title: str
    model: int
    description: str = ""
    settings: tuple[SettingSpec, ...] = field(default_factory=tuple)
    caps: tuple[CapSpec, ...] = ()
    # The rules of the circular the mechanism enforces (since API 1.2; see RuleSpec).
    rules: tuple[RuleSpec, ...] = ()
    # The core plugin API ("major.minor", see portal.plugins.API_VERSION) the plugin was written
    # for: the core refuses at start-up a plugin needing another major or a newer minor.
    api_version: str = "1.0"

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise ValueError(f"model must be one of {MODELS}, got {self.model!r}")


@dataclass(frozen=True)
class ActivityLabels:
    """Names of a mechanism's activity types and roles (``portal_activity_labels``)."""

    activity_types: tuple[tuple[str, str], ...] = ()
    roles: tuple[tuple[str, str], ...] = ()

    @classmethod
    def single(cls, slug: str, title: str) -> ActivityLabels:
        """A mechanism whose one activity type is its slug and whose one role is ``peserta``
        (ARCHITECTURE's fixed identifiers for magang, pertukaran, detasering, …)."""
        return cls(activity_types=((slug, title),), roles=(("peserta", "Peserta"),))


@dataclass(frozen=True)
class MenuItem:
    """A navigation entry; `endpoint` is a Flask endpoint name, resolved by the core."""

    label: str
    endpoint: str
    order: int = 100
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DashboardWidget:
    """A dashboard card whose body is loaded lazily from `endpoint` (a plain link without JS)."""

    title: str
    endpoint: str
    order: int = 100


@dataclass(frozen=True)
class Participation:
    """One participation to credit in the JP ledger (see portal/ledger/service.py ``credit``).

    ``reference`` identifies the activity in its source (a meeting, a submission, an import
    row): together with employee, mechanism, activity type, role and date it makes a credit
    unique. ``jp_stated`` is the JP given by a document (a formal training's certificate, an
    import file); ``organiser_unit_id`` is the unit that held the activity (organiser caps).
    """

    employee_id: int
    mechanism: str
    activity_type: str
    role: str
    on_date: dt.date
    title: str
    reference: str
    jp_stated: Decimal | int | float | None = None
    organiser_unit_id: int | None = None
    source: str = "workflow"
    # From a confidential record (CM-01): the ledger's audit entry is then confidential too.
    confidential: bool = False


@dataclass(frozen=True)
class JPResult:
    """JP for one participation (``portal_compute_jp``) and the rule that produced it."""

    jp: Decimal | int | float
    rule_id: str
    explanation: str = ""


@dataclass(frozen=True)
class Verdict:
    """One eligibility rule's answer (``portal_check_eligibility``; portal/eligibility/).

    ``allow`` is ``True`` (the rule is met), ``False`` (the rule refuses) or ``None`` (cannot
    decide: ``message`` names the data that is missing). ``rule_id`` is a declared rule ID (docs/rules.md), and
    ``message`` (Indonesian) is shown to the user next to it.
    """

    allow: bool | None
    rule_id: str
    message: str

    def __post_init__(self) -> None:
        if not (self.allow is None or isinstance(self.allow, bool)):
            raise ValueError(f"allow must be True, False or None, got {self.allow!r}")


@dataclass(frozen=True)
class PendingTask:
    """Something waiting for a user (``portal_pending_tasks``), shown in the core's inbox.

    ``endpoint`` and ``values`` (pairs of URL arguments) name the page where it is done;
    ``kind`` is a short Indonesian group label ("Verifikasi", "Persetujuan", "Formulir");
    ``since`` is the date it has been waiting from, if known.
    """

    title: str
    endpoint: str
    values: tuple[tuple[str, object], ...] = ()
    kind: str = "Tugas"
    since: dt.date | None = None


@dataclass(frozen=True)
class ActivityRow:
    """One row of the historical activities import, already checked by the core.

    The core has checked that the NIP exists and is in the importer's scope (``employee_id``,
    ``unit_id``), that ``mechanism`` is installed and that ``on_date`` is a real date not in
    the future. ``jp`` is the file's ``jp`` cell (``None`` when empty): use it only where the
    mechanism credits a stated JP (``formal``, FL-01); otherwise the ledger computes the JP.
    ``row_number`` is the spreadsheet row (the header is row 1).
    """

    row_number: int
    employee_id: int
    unit_id: int
    nip: str
    mechanism: str
    activity_type: str
    role: str
    on_date: dt.date
    title: str
    reference: str
    jp: Decimal | None = None


@dataclass(frozen=True)
class ImportVerdict:
    """A plugin's answer to one import row (``portal_import_row``).

    ``accepted=True`` comes with the :class:`Participation` to credit; ``accepted=False``
    with an Indonesian ``message`` naming the rule ID, shown against the row.
    """

    accepted: bool
    message: str = ""
    participation: Participation | None = None


@dataclass(frozen=True)
class CertificateContext:
    """What an e-certificate says about one participation (``portal_certificate_context``).

    Plugins fill the programme fields; the core adds the holder (name, NIP, golongan, position,
    unit), the number, the signer and the QR code. ``employee_id``, ``mechanism`` and
    ``reference`` may stay empty when the certificate is for a ledger row (the core takes them
    from the row); they are required when a programme completion is certified without one
    (``portal.certificates.service.issue(context, actor_id)``).
    """

    programme_title: str
    mechanism_title: str
    role_label: str
    start_date: dt.date
    end_date: dt.date
    jp: Decimal | int | float
    model: int
    extra_lines: tuple[str, ...] = ()
    employee_id: int | None = None
    mechanism: str = ""
    reference: str = ""

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise ValueError(f"model must be one of {MODELS}, got {self.model!r}")
        if self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")


@dataclass(frozen=True)
class ReportPeriod:
    """The dates a report covers, both inclusive."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class ReportColumn:
    """One column a plugin adds to a report; ``numeric`` columns are summed in the total row.

    Columns side by side with the same ``group`` share one heading above their labels, as the
    circular's tables print "JAM PELAJARAN (JP)" over "Berbagi Pengetahuan", "Berbagi
    Pengalaman"…; a column without a group has its label over both header lines."""

    key: str
    label: str
    numeric: bool = False
    group: str = ""


@dataclass(frozen=True)
class ReportRows:
    """A plugin's contribution to a core report (``portal_report_rows``).

    For the unit recap (``kind == "rekap"``) every row carries ``"employee_id"`` and the core
    puts the row's values into that employee's line under ``columns``. For the mechanism
    report (``kind == "mekanisme"``) the rows are the report's lines as given, in order.
    ``title`` names the mechanism's section; values are text, numbers or dates.
    """

    slug: str
    title: str
    columns: tuple[ReportColumn, ...]
    rows: tuple[dict, ...] = ()


# --------------------------------------------------------------------------- placements
# A placement kind (magang, pertukaran, detasering) declared through ``portal_placement_kinds``
# and run by the core lifecycle in portal/placements/ (see docs/placements.md).

SPAN_UNITS = {"days": "hari", "weeks": "minggu", "months": "bulan", "years": "tahun"}


@dataclass(frozen=True)
class Span:
    """A length of time such as 2 weeks or 1 year (``unit`` one of ``SPAN_UNITS``)."""

    count: int
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in SPAN_UNITS:
            raise ValueError(f"unit must be one of {tuple(SPAN_UNITS)}, got {self.unit!r}")

    @property
    def label(self) -> str:
        return f"{self.count} {SPAN_UNITS[self.unit]}"


@dataclass(frozen=True)
class Choice:
    """An option; choosing one with ``detail_label`` requires a text detail of that name."""

    key: str
    label: str
    detail_label: str = ""


@dataclass(frozen=True)
class AgreementElement:
    """One element the placement agreement (MoU/PKS) must hold."""

    key: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class StageSpec:
    """A stage planned from the start date; ``days=None`` runs until the end date."""

    key: str
    label: str
    days: int | None = None


@dataclass(frozen=True)
class ExtraField:
    """A kind's own text field, stored by the core; ``phase`` "rencana" or "penutupan"."""

    key: str
    label: str
    rule_id: str = ""
    required: bool = False
    help: str = ""
    phase: str = "rencana"


DEFAULT_LOCI = (Choice("nasional", "Nasional"), Choice("internasional", "Internasional"))
DEFAULT_CADENCES = ("mingguan", "bulanan", "semesteran")
DEFAULT_FINAL_METHODS = (Choice("presentasi", "Presentasi hasil"),
                         Choice("uji_kompetensi", "Uji kompetensi"))


@dataclass(frozen=True)
class PlacementRules:
    """Which rule of the circular each step of a placement kind cites (docs/rules.md). A step
    with ``""`` is not part of the kind: no endorsement, no recall, no block, no sending back,
    no follow-up."""

    agreement: str
    duration: str
    stage: str
    host: str
    outcome: str
    needs: str = "G-02"
    endorsement: str = ""
    supply: str = ""
    variant: str = ""
    monitoring: str = ""
    # The monitoring form of the atasan and the mentor (B.4.a); "" = cite monitoring/stage rule.
    monitoring_form: str = ""
    recall: str = ""
    log: str = ""
    # A failure within the participant's control blocks further development only where the
    # circular says so (MG-10, PT-08): the rule cited by the block, or "" for no block.
    block: str = ""
    # The host may send the participant back to the origin unit (A.d.3.a.2, B.5.c.3); the
    # placement then ends without JP.
    host_return: str = ""
    # The origin unit checks the unit left behind before the start (A.d.6.c) and records the
    # career follow-up afterwards (A.d.6.b).
    followup: str = ""


@dataclass(frozen=True)
class PlacementKind:
    """A placement mechanism run by the core lifecycle (docs/placements.md): what it is called,
    the rules its steps cite (:class:`PlacementRules`), and the choices and forms it offers."""

    slug: str
    title: str
    noun: str
    rules: PlacementRules
    agreement_elements: tuple[AgreementElement, ...]
    min_duration: Span
    max_duration: Span | None
    stages: tuple[StageSpec, ...]
    host_types: tuple[Choice, ...]
    extended_max: Span | None = None
    participant_label: str = "Peserta"
    loci: tuple[Choice, ...] = DEFAULT_LOCI
    mentor_label: str = "Mentor di instansi penerima"
    mentor_required: bool = True
    variants: tuple[Choice, ...] = ()
    approaches: tuple[Choice, ...] = ()
    cadences: tuple[str, ...] = DEFAULT_CADENCES
    final_methods: tuple[Choice, ...] = DEFAULT_FINAL_METHODS
    extra_fields: tuple[ExtraField, ...] = ()
    approach_label: str = "Model pendekatan"
    document_label: str = "MoU/PKS"

    def __post_init__(self) -> None:
        open_ended = [stage for stage in self.stages if stage.days is None]
        if len(open_ended) != 1 or self.stages[-1].days is not None:
            raise ValueError("exactly one stage, the last, must have days=None")
        if any(field.phase not in ("rencana", "penutupan") for field in self.extra_fields):
            raise ValueError("ExtraField.phase must be 'rencana' or 'penutupan'")


@dataclass(frozen=True)
class Opportunity:
    """Something open now that an employee may join (``portal_opportunities``, issue 19).

    ``participation`` is what joining would credit (dated when it would be): the core computes
    its JP with the ledger's rules and asks the core eligibility check (``context`` passed to the
    plugins' rules), so a plugin never states either itself. ``endpoint`` and ``values`` name
    the next step: a page, or with ``post`` a one-click POST action (the core adds the CSRF
    token). Where the employee cannot join by themselves, ``contacts`` names who decides
    (employee ids) and ``contact_accounts`` the accounts that do (e.g. ``created_by_id``; the
    core finds their employees): the next step is then the core's *Minta diikutsertakan*, a
    notice to them linking to ``endpoint``. ``closes_on``: the last day to join, if any.
    """

    title: str
    participation: Participation
    endpoint: str
    values: tuple[tuple[str, object], ...] = ()
    action: str = "Lihat"
    post: bool = False
    closes_on: dt.date | None = None
    context: tuple[tuple[str, object], ...] = ()
    detail: str = ""  # one line: place, organiser, schedule
    contacts: tuple[int, ...] = ()
    contact_accounts: tuple[int | None, ...] = ()

    @property
    def asks_someone(self) -> bool:
        return bool(self.contacts or any(self.contact_accounts))
