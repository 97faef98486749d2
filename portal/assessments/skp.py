"""The yearly SKP performance rating (predikat kinerja, PermenPANRB 6/2022) from the ministry's
performance system: one per employee and year, with its period. Used where the circular bases
development on performance: the evidence of the plan's basis 1 (G-02, a gap from the
competency/performance assessment) and of the clearing performance evaluation that ends an
MG-10/PT-08 block."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from portal.assessments.people import clean_nip
from portal.assessments.spec import ResultSpec
from portal.clock import today
from portal.employees.service import parse_iso_date
from portal.extensions import db
from portal.imports.validation import chunks
from portal.models import SkpRating
from portal.models.assessment import SKP_PREDIKAT_LABELS

COLUMNS = ("nip", "tahun", "predikat", "periode_mulai", "periode_selesai")
OPTIONAL = ("periode_mulai", "periode_selesai")
LABELS = {"predikat": "predikat", "period_start": "periode mulai", "period_end": "periode selesai"}
API_FIELDS = {"year": "tahun", "predikat": "predikat", "period_start": "periode_mulai",
              "period_end": "periode_selesai"}
PREDIKAT_WORDS = {label.lower(): key for key, label in SKP_PREDIKAT_LABELS.items()} | {
    key: key for key in SKP_PREDIKAT_LABELS}
# Ratings below "Baik" show a performance gap (G-02 basis 1).
BELOW_EXPECTATION = ("butuh_perbaikan", "kurang", "sangat_kurang")


@dataclass
class SkpRecord:
    nip: str
    year: int | None
    predikat: str
    period_start: dt.date | None
    period_end: dt.date | None


def _period_date(text: str, label: str, errors: list, column: str) -> dt.date | None:
    if not text:
        return None
    value = parse_iso_date(text)
    if value is None:
        errors.append((column, f"{label} harus berformat YYYY-MM-DD dan ada di kalender."))
    return value


def parse(raw: dict) -> tuple[SkpRecord, list[tuple[str, str]]]:
    """Clean one rating (import row or API item); return (record, [(column, message)])."""
    v = {key: str(raw.get(key) if raw.get(key) is not None else "").strip() for key in COLUMNS}
    errors: list[tuple[str, str]] = []
    year_text = v["tahun"].removesuffix(".0")
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
    if year is None or not 2000 <= year <= today().year:
        errors.append(("tahun", f"Tahun harus empat angka antara 2000 dan {today().year}."))
        year = None
    predikat = PREDIKAT_WORDS.get(" ".join(v["predikat"].lower().replace("_", " ").split()))
    predikat = predikat or PREDIKAT_WORDS.get(v["predikat"].lower())
    if predikat is None:
        errors.append(("predikat", "Predikat harus Sangat Baik, Baik, Butuh Perbaikan, Kurang, "
                                   "atau Sangat Kurang."))
    start = _period_date(v["periode_mulai"], "Periode mulai", errors, "periode_mulai")
    end = _period_date(v["periode_selesai"], "Periode selesai", errors, "periode_selesai")
    if year is not None:
        start = start or (None if v["periode_mulai"] else dt.date(year, 1, 1))
        end = end or (None if v["periode_selesai"] else dt.date(year, 12, 31))
        if start and end and not (start.year == end.year == year and start <= end):
            errors.append(("periode_mulai", f"Periode harus di dalam tahun {year} dan tanggal "
                                            "mulai tidak sesudah tanggal selesai."))
    record = SkpRecord(clean_nip(v["nip"]), year, predikat or "", start, end)
    return record, errors


def key(employee_id: int, record: SkpRecord) -> tuple:
    return (employee_id, record.year)


def stored(employee_ids: set[int]) -> dict[tuple, SkpRating]:
    found: dict[tuple, SkpRating] = {}
    for chunk in chunks(sorted(employee_ids)):
        for row in db.session.scalars(select(SkpRating).where(SkpRating.employee_id.in_(chunk))):
            found[(row.employee_id, row.year)] = row
    return found


def history(employee_id: int) -> list[SkpRating]:
    """The employee's ratings, latest year first."""
    return list(db.session.scalars(select(SkpRating).where(SkpRating.employee_id == employee_id)
                                   .order_by(SkpRating.year.desc())))


def latest(employee_id: int) -> SkpRating | None:
    ratings = history(employee_id)
    return ratings[0] if ratings else None


def since(employee_id: int, day: dt.date) -> list[SkpRating]:
    """Ratings whose period ended on or after ``day`` (evidence for an MG-10 clearing)."""
    return [r for r in history(employee_id) if r.period_end >= day]


def as_json(item: SkpRecord | SkpRating) -> dict:
    return {"year": item.year, "predikat": item.predikat,
            "period_start": item.period_start.isoformat(),
            "period_end": item.period_end.isoformat()}


def _make(employee_id: int, record: SkpRecord, source: str) -> SkpRating:
    return SkpRating(employee_id=employee_id, year=record.year, source=source,
                     **{name: getattr(record, name) for name in LABELS})


def _shown(name: str, value) -> str:
    if name == "predikat":
        return SKP_PREDIKAT_LABELS.get(value, str(value))
    return value.isoformat() if isinstance(value, dt.date) else str(value)


SPEC = ResultSpec(
    kind="skp", noun="predikat SKP", entity="skp_rating", columns=COLUMNS, optional=OPTIONAL,
    api_fields=API_FIELDS, labels=LABELS, parse=parse, key=key, stored=stored, as_json=as_json,
    make=_make, describe=lambda r: f"Predikat SKP {r.year} NIP {r.nip}", shown=_shown,
)
