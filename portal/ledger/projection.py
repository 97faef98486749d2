"""Early warning on the yearly JP target (issue 19): counted so far, scheduled, and whether the
employee will reach the target by 31 December.

*Counted* is what the ledger counts (never anything else). *Scheduled* is what plugins declare
through ``portal_scheduled_participations`` — registered meetings, programmes a person takes part
in, running placements, reports awaiting verification — each dated in the year and not yet in
the ledger; the core computes its JP with the ledger's own rules (``compute_jp``), before caps.
It is shown apart from the counted JP and never added to it.

The method, in one paragraph (shown on the pages as :data:`METHOD`): the JP still needed is the
target minus counted minus scheduled; spread over the months left in the year (the current
month counted as the fraction still to come) it gives the JP needed per month. The even pace is
the target divided by 12. *Sesuai jalur*: nothing more is needed, or no more than the even pace
per month. *Berisiko*: more than the even pace, but at most ``core.projection_risk_factor`` times
it (a setting, default 2). *Akan tertinggal*: more than that — unless the employee catches up
with the JP named. *Proyeksi laju* (the counted JP extended to 31 December at the pace so far)
is shown beside it for information.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from portal.i18n import angka
from portal.ledger.numbers import jp_number
from portal.ledger.service import LedgerError, compute_jp
from portal.ledger.team import ancestor_finder
from portal.plugins import registry
from portal.request_memo import per_request
from portal.rule_settings.versions import JPSettings, core_value, page_versions

REACHED, ON_TRACK, AT_RISK, WILL_MISS = "tercapai", "sesuai_jalur", "berisiko", "tertinggal"
LABELS = {REACHED: "Target tercapai", ON_TRACK: "Sesuai jalur", AT_RISK: "Berisiko",
          WILL_MISS: "Akan tertinggal"}
BADGES = {REACHED: "badge-on", ON_TRACK: "badge-on", AT_RISK: "badge-warn", WILL_MISS: "badge-off"}
STATUSES = tuple(LABELS)
METHOD = (
    "JP yang masih diperlukan = target − JP terhitung − JP terjadwal, dibagi bulan yang tersisa "
    "tahun ini (bulan berjalan dihitung sisa harinya). Laju merata = target ÷ 12 per bulan. "
    "Sesuai jalur: tidak perlu tambahan atau paling banyak laju merata per bulan; berisiko: di "
    "atas laju merata hingga {factor}× laju merata; akan tertinggal: lebih dari itu. JP terjadwal "
    "(pertemuan terdaftar, program yang diikuti, penempatan berjalan, laporan menunggu "
    "verifikasi) dihitung dengan aturan yang sama sebelum batas bulanan dan belum menjadi JP "
    "terhitung. Proyeksi laju memperpanjang JP terhitung sampai 31 Desember dengan laju sejauh ini."
)


@dataclass(frozen=True)
class Scheduled:
    employee_id: int
    mechanism: str
    title: str
    on_date: dt.date
    jp: Decimal


@dataclass(frozen=True)
class Projection:
    year: int
    target: Decimal
    counted: Decimal
    scheduled: Decimal
    pace: Decimal  # counted extended to 31 December at the pace so far
    needed: Decimal  # still needed after counted and scheduled
    months_left: Decimal
    needed_per_month: Decimal
    status: str
    items: tuple[Scheduled, ...] = field(default=())

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def reached(self) -> bool:
        return self.status == REACHED

    @property
    def behind(self) -> bool:
        """At risk or will miss: the atasan is offered to plan with the employee."""
        return self.status in AT_RISK_STATUSES

    @property
    def badge(self) -> str:
        return BADGES[self.status]

    @property
    def advice(self) -> str:
        if self.status == REACHED:
            return "Target tahun ini sudah tercapai."
        if self.needed <= 0:
            return "JP terjadwal mencukupi target bila semua kegiatan terlaksana dan dikreditkan."
        return (f"Masih perlu {angka(self.needed)} JP dalam {angka(self.months_left)} bulan "
                f"tersisa (±{angka(self.needed_per_month)} JP per bulan).")

    def as_dict(self) -> dict:
        return {"year": self.year, "target_jp": jp_number(self.target),
                "counted_jp": jp_number(self.counted), "scheduled_jp": jp_number(self.scheduled),
                "pace_jp": jp_number(self.pace), "needed_jp": jp_number(self.needed),
                "months_left": jp_number(self.months_left),
                "needed_per_month": jp_number(self.needed_per_month), "status": self.status,
                "label": self.label}


def risk_factor(year: int) -> Decimal:
    return Decimal(str(core_value("projection_risk_factor", dt.date(year, 12, 31))))


def months_left(year: int, on_date: dt.date) -> Decimal:
    """Months from ``on_date`` (inclusive) to 31 December: whole months after this one plus the
    fraction of this month still to come. 12 before the year, 0 after it."""
    if on_date.year < year:
        return Decimal(12)
    if on_date.year > year:
        return Decimal(0)
    days = calendar.monthrange(year, on_date.month)[1]
    this_month = Decimal(days - on_date.day + 1) / Decimal(days)
    return (Decimal(12 - on_date.month) + this_month).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Thresholds:
    """What decides the status for one target on one date, computed once for many employees:
    the JP still needed may be at most ``even`` (the even pace over the months left) to be on
    track, at most ``risk`` to be at risk."""

    target: Decimal
    left: Decimal
    even: Decimal
    risk: Decimal

    @classmethod
    def of(cls, year: int, on_date: dt.date, target, factor: Decimal) -> Thresholds:
        target, left = Decimal(str(target)), months_left(year, on_date)
        return cls(target, left, target * left / 12, factor * target * left / 12)

    def status(self, counted: Decimal, planned: Decimal) -> str:
        if counted >= self.target:
            return REACHED
        needed = self.target - counted - planned
        if needed <= 0 or needed <= self.even:
            return ON_TRACK
        if self.left > 0 and needed <= self.risk:
            return AT_RISK
        return WILL_MISS


def project(year: int, on_date: dt.date, target, counted, scheduled: Iterable[Scheduled] = (),
            factor: Decimal | None = None, thresholds: Thresholds | None = None) -> Projection:
    """The projection of one employee (all figures as Decimal)."""
    items = tuple(sorted(scheduled, key=lambda item: item.on_date))
    counted = Decimal(str(counted))
    planned = sum((item.jp for item in items), Decimal(0))
    limits = thresholds or Thresholds.of(year, on_date, target,
                                         factor if factor is not None else risk_factor(year))
    left = limits.left
    start = dt.date(year, 1, 1)
    elapsed = (min(on_date, dt.date(year, 12, 31)) - start).days + 1 if on_date >= start else 0
    length = 366 if calendar.isleap(year) else 365
    pace = (counted * length / elapsed).quantize(Decimal("0.1")) if elapsed else Decimal(0)
    needed = max(Decimal(0), limits.target - counted - planned)
    per_month = needed / left if left > 0 else needed
    return Projection(year, limits.target, counted, planned, max(pace, counted), needed, left,
                      per_month.quantize(Decimal("0.1")), limits.status(counted, planned), items)


def scheduled_for(employee_ids: list[int] | None, year: int) -> dict[int, list[Scheduled]]:
    """What every installed plugin declares as scheduled for ``employee_ids`` (None: everyone)
    in ``year``, with its JP computed by the ledger's rules; per employee.

    Within a page view, a question about employees an earlier answer covered is answered from
    it: Tim & Unit's summary asks about the whole scope, its listed page about 25 of them."""
    wanted = None if employee_ids is None else frozenset(employee_ids)
    answers: dict[frozenset[int] | None, dict[int, list[Scheduled]]] = per_request(
        ("scheduled_for", year), dict)
    for asked, found in answers.items():
        if asked is None or (wanted is not None and wanted <= asked):
            return found if wanted is None else {i: found[i] for i in wanted if i in found}
    found = _scheduled(employee_ids, year)
    answers[wanted] = found
    return found


def _scheduled(employee_ids: list[int] | None, year: int) -> dict[int, list[Scheduled]]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    found: dict[int, list[Scheduled]] = defaultdict(list)
    versions = page_versions()  # one query for every setting; a projection never writes them
    for participations in registry().pm.hook.portal_scheduled_participations(
            employee_ids=employee_ids, start=start, end=end):
        for participation in participations or ():
            if not start <= participation.on_date <= end:
                continue
            settings = JPSettings(participation.mechanism, participation.on_date, versions,
                                  materialise=False)
            try:
                result, _version = compute_jp(participation, settings)
            except LedgerError:
                continue
            found[participation.employee_id].append(Scheduled(
                participation.employee_id, participation.mechanism, participation.title,
                participation.on_date, Decimal(str(result.jp))))
    return dict(found)


def for_employee(employee, year: int, on_date: dt.date, counted) -> Projection:
    from portal.ledger.service import target_for

    items = scheduled_for([employee.id], year).get(employee.id, [])
    return project(year, on_date, target_for(employee.status_asn, year), counted, items)


# ------------------------------------------------------------------ teams, units, the ministry

ASK_ALL_FROM = 2000  # from this many employees one question for everyone beats an IN list
AT_RISK_STATUSES = (AT_RISK, WILL_MISS)


@dataclass
class UnitOutlook:
    unit: object  # portal.models.Unit
    employees: int = 0
    at_risk: int = 0
    will_miss: int = 0

    @property
    def share(self) -> float:
        """Share of the unit's employees at risk or about to miss, in %."""
        return round(100 * (self.at_risk + self.will_miss) / self.employees, 1) if self.employees else 0.0


@dataclass
class Outlook:
    counts: dict[str, int]
    by_employee: dict[int, Projection]
    units: list[UnitOutlook]

    @property
    def employees(self) -> int:
        return sum(self.counts.values())


def outlook(rows: Iterable, year: int, on_date: dt.date, units: Iterable = (),
            detail: Iterable[int] | None = None) -> Outlook:
    """Statuses of every row (``id``, ``jp``, ``target``, ``unit_path``: the team query's rows),
    their counts, and per unit of ``units`` (each row in the unit whose path prefixes its own)
    the number at risk and about to miss. Full projections are built for the rows in ``detail``
    (all rows when None) — a page lists 25 of the ministry's 26,000."""
    rows = list(rows)
    ids = [row.id for row in rows]
    scheduled = scheduled_for(ids if len(ids) < ASK_ALL_FROM else None, year) if ids else {}
    factor = risk_factor(year)
    limits: dict[object, Thresholds] = {}
    wanted = None if detail is None else set(detail)
    counts = dict.fromkeys(STATUSES, 0)
    by_employee = {}
    per_unit = {item.unit.path: item for item in (UnitOutlook(unit) for unit in units)}
    unit_of = ancestor_finder(per_unit)
    plain: dict[tuple, str] = {}  # (target, JP) -> status, for the many with nothing scheduled
    none: list[Scheduled] = []
    for row in rows:
        if row.target not in limits:
            limits[row.target] = Thresholds.of(year, on_date, row.target, factor)
        items = scheduled.get(row.id, none)
        if wanted is None or row.id in wanted:
            projection = project(year, on_date, row.target, Decimal(row.jp), items,
                                 thresholds=limits[row.target])
            by_employee[row.id] = projection
            status = projection.status
        elif items:
            status = limits[row.target].status(Decimal(row.jp), sum((i.jp for i in items), Decimal(0)))
        elif (status := plain.get((row.target, row.jp))) is None:
            status = plain[row.target, row.jp] = limits[row.target].status(Decimal(row.jp), Decimal(0))
        counts[status] += 1
        if per_unit and (item := unit_of(row.unit_path)) is not None:
            item.employees += 1
            item.at_risk += status == AT_RISK
            item.will_miss += status == WILL_MISS
    return Outlook(counts, by_employee, [item for item in per_unit.values() if item.employees])

