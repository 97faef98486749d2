"""Dates of a placement: duration limits (MG-04, PT-04), stage plan (MG-08, PT-07) and the
periodic reports at the agreed cadence with overdue ones flagged (MG-09)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from portal.i18n import tanggal
from portal.types import PlacementKind, Span, StageSpec

CADENCES = {"mingguan": ("Mingguan", Span(1, "weeks")), "bulanan": ("Bulanan", Span(1, "months")),
            "semesteran": ("Per semester", Span(6, "months"))}
DAY = dt.timedelta(days=1)


def add_span(start: dt.date, span: Span) -> dt.date:
    """``start`` moved forward by ``span`` (month ends are clamped: 31 Jan + 1 month = 28/29 Feb)."""
    if span.unit == "days":
        return start + dt.timedelta(days=span.count)
    if span.unit == "weeks":
        return start + dt.timedelta(weeks=span.count)
    months = span.count * (12 if span.unit == "years" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def last_day(start: dt.date, span: Span) -> dt.date:
    """The last day of a period of ``span`` starting on ``start`` (inclusive)."""
    return add_span(start, span) - DAY


def needs_justification(kind: PlacementKind, start: dt.date, end: dt.date) -> bool:
    return kind.max_duration is not None and end > last_day(start, kind.max_duration)


def duration_problem(kind: PlacementKind, start: dt.date, end: dt.date) -> str | None:
    """Why ``start``…``end`` breaks the kind's duration rule, or ``None``."""
    rule = kind.rules.duration
    if end < start:
        return f"Tanggal selesai sebelum tanggal mulai ({rule})."
    if end < last_day(start, kind.min_duration):
        return (f"Durasi {kind.noun} paling singkat {kind.min_duration.label}: dari {tanggal(start)} "
                f"paling cepat selesai {tanggal(last_day(start, kind.min_duration))} ({rule}).")
    if kind.extended_max is not None and end > last_day(start, kind.extended_max):
        return (f"Durasi {kind.noun} paling lama {kind.extended_max.label} walaupun dengan "
                f"justifikasi: dari {tanggal(start)} paling lambat selesai "
                f"{tanggal(last_day(start, kind.extended_max))} ({rule}).")
    minimum_days = sum(stage.days or 0 for stage in kind.stages) + 1
    if (end - start).days + 1 < minimum_days:
        return f"Jadwal terlalu singkat untuk semua tahapan ({kind.rules.stage})."
    return None


@dataclass(frozen=True)
class PlannedStage:
    spec: StageSpec
    start: dt.date
    end: dt.date


def stage_plan(kind: PlacementKind, start: dt.date, end: dt.date) -> list[PlannedStage]:
    """The stages in order from ``start``: fixed lengths first, the last runs to ``end``."""
    plan, day = [], start
    for spec in kind.stages:
        stage_end = end if spec.days is None else min(end, day + dt.timedelta(days=spec.days - 1))
        plan.append(PlannedStage(spec, day, stage_end))
        day = stage_end + DAY
    return plan


@dataclass(frozen=True)
class Period:
    number: int
    start: dt.date
    end: dt.date
    submitted: bool
    overdue: bool


def report_periods(start: dt.date | None, end: dt.date | None, cadence: str, submitted: set[int],
                   today: dt.date) -> list[Period]:
    """The periodic reports due from ``start`` to ``end``; a period is due on its last day and
    overdue from the day after while not submitted."""
    if start is None or end is None or cadence not in CADENCES:
        return []
    span, periods, number, day = CADENCES[cadence][1], [], 1, start
    while day <= end and number <= 600:
        period_end = min(end, add_span(start, Span(span.count * number, span.unit)) - DAY)
        periods.append(Period(number, day, period_end, number in submitted,
                              number not in submitted and today > period_end))
        day, number = period_end + DAY, number + 1
    return periods
