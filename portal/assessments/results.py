"""Competency assessment results (§E.8, G-03): parsing a row, what is stored, and keeping the
employee's current gaps (``EmployeeGap``) in step.

The key is employee + assessment date + competency: loading the same row twice changes
nothing. A row whose key is stored with other values replaces them, but never silently: the
import preview lists it as a conflict and the API answers ``diperbarui`` with the old values;
both are audited. An older assessment never overrides a newer one: the current gap of a
competency is the one of its latest assessment date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from portal.assessments.people import clean_nip, past_date
from portal.assessments.spec import ResultSpec
from portal.extensions import db
from portal.i18n import tanggal
from portal.imports.validation import chunks
from portal.models import AssessmentResult, EmployeeGap
from portal.models.employee import GAP_STANDARD_LABELS
from portal.request_memo import per_request

COLUMNS = ("nip", "tanggal_asesmen", "standar", "kompetensi", "level_standar",
           "level_capaian", "kesenjangan", "asesor")
OPTIONAL = ("kesenjangan",)
STANDARD_WORDS = {"teknis": "teknis", "manajerial": "manajerial",
                  "sosial kultural": "sosial_kultural", "sosial_kultural": "sosial_kultural",
                  "sosiokultural": "sosial_kultural", "sosial-kultural": "sosial_kultural"}
LABELS = {"standard": "standar", "required_level": "level standar",
          "achieved_level": "level capaian", "gap": "kesenjangan", "assessor": "asesor"}
API_FIELDS = {"assessed_on": "tanggal_asesmen", "standard": "standar", "competency": "kompetensi",
              "required_level": "level_standar", "achieved_level": "level_capaian",
              "gap": "kesenjangan", "assessor": "asesor"}


@dataclass
class AssessmentRecord:
    nip: str
    assessed_on: dt.date | None
    standard: str
    kompetensi: str
    required_level: int | None
    achieved_level: int | None
    gap: int | None
    assessor: str


def _level(text: str, label: str, lowest: int) -> tuple[int | None, str | None]:
    text = str(text or "").strip()
    if text.endswith(".0"):  # a number cell read from Excel
        text = text[:-2]
    if not text.isdigit() or not lowest <= int(text) <= 5:
        return None, f"{label} harus bilangan bulat {lowest}–5."
    return int(text), None


def parse(raw: dict) -> tuple[AssessmentRecord, list[tuple[str, str]]]:
    """Clean one result (import row or API item); return (record, [(column, message)])."""
    v = {key: str(raw.get(key) if raw.get(key) is not None else "").strip() for key in COLUMNS}
    errors: list[tuple[str, str]] = []
    assessed_on, problem = past_date(v["tanggal_asesmen"], "Tanggal asesmen")
    if problem:
        errors.append(("tanggal_asesmen", problem))
    standard = STANDARD_WORDS.get(" ".join(v["standar"].lower().split()))
    if standard is None:
        errors.append(("standar", "Standar harus teknis, manajerial, atau sosial kultural."))
    kompetensi = " ".join(v["kompetensi"].split())
    if not kompetensi or len(kompetensi) > 200:
        errors.append(("kompetensi", "Nama kompetensi wajib diisi, paling banyak 200 karakter."))
    required, problem = _level(v["level_standar"], "Level standar", 1)
    if problem:
        errors.append(("level_standar", problem))
    achieved, problem = _level(v["level_capaian"], "Level capaian", 0)
    if problem:
        errors.append(("level_capaian", problem))
    gap = None
    if required is not None and achieved is not None:
        gap = max(0, required - achieved)
        if v["kesenjangan"] and v["kesenjangan"].removesuffix(".0") != str(gap):
            errors.append(("kesenjangan", f"Kesenjangan harus {gap} (level standar {required} "
                                          f"dikurangi level capaian {achieved}, paling kecil 0); "
                                          "kosongkan agar dihitung otomatis."))
    assessor = " ".join(v["asesor"].split())
    if not assessor or len(assessor) > 200:
        errors.append(("asesor", "Asesor atau lembaga penilai wajib diisi, paling banyak 200 "
                                 "karakter."))
    record = AssessmentRecord(clean_nip(v["nip"]), assessed_on, standard or "", kompetensi,
                              required, achieved, gap, assessor)
    return record, errors


def key(employee_id: int, record: AssessmentRecord) -> tuple:
    return (employee_id, record.assessed_on, record.kompetensi)


def stored(employee_ids: set[int]) -> dict[tuple, AssessmentResult]:
    """Every stored result of these employees, by key."""
    found: dict[tuple, AssessmentResult] = {}
    for chunk in chunks(sorted(employee_ids)):
        for row in db.session.scalars(select(AssessmentResult)
                                      .where(AssessmentResult.employee_id.in_(chunk))):
            found[(row.employee_id, row.assessed_on, row.kompetensi)] = row
    return found


def newer_notice(employee_id: int, record: AssessmentRecord,
                 results: dict[tuple, AssessmentResult]) -> str | None:
    """A message when a later assessment of the same competency is already stored."""
    dates = [row.assessed_on for row in results.values() if row.employee_id == employee_id
             and row.kompetensi.lower() == record.kompetensi.lower()]
    if not dates or record.assessed_on >= max(dates):
        return None
    return (f"NIP {record.nip}: sudah tersimpan asesmen {record.kompetensi} yang lebih baru "
            f"({tanggal(max(dates))}); baris ini disimpan sebagai riwayat dan tidak mengubah "
            "kesenjangan saat ini.")


def sync_gaps(employee_ids: set[int]) -> None:
    """Make each employee's current gaps follow their latest assessment per competency.

    A competency whose latest result shows a gap gets (or updates) an ``EmployeeGap``; one
    whose latest result shows none loses it (the gap was closed). Gaps typed in by hand for
    competencies never assessed are left alone.
    """
    db.session.flush()
    latest: dict[tuple[int, str], AssessmentResult] = {}
    for row in stored(employee_ids).values():
        slot = (row.employee_id, row.kompetensi.lower())
        if slot not in latest or row.assessed_on > latest[slot].assessed_on:
            latest[slot] = row
    gaps: dict[tuple[int, str], EmployeeGap] = {}
    for chunk in chunks(sorted(employee_ids)):
        for gap in db.session.scalars(select(EmployeeGap).where(EmployeeGap.employee_id.in_(chunk))):
            gaps[(gap.employee_id, gap.kompetensi.lower())] = gap
    for slot, row in latest.items():
        gap = gaps.get(slot)
        if row.gap <= 0:
            if gap is not None:
                db.session.delete(gap)
            continue
        if gap is None:
            db.session.add(EmployeeGap(employee_id=row.employee_id, standard=row.standard,
                                       kompetensi=row.kompetensi, gap_level=row.gap))
        else:
            gap.standard, gap.gap_level = row.standard, row.gap


def history(employee_id: int) -> list[AssessmentResult]:
    """The employee's results, latest assessment first."""
    return list(db.session.scalars(
        select(AssessmentResult).where(AssessmentResult.employee_id == employee_id)
        .order_by(AssessmentResult.assessed_on.desc(), AssessmentResult.standard,
                  AssessmentResult.kompetensi)))


def assessed_standards(employee_id: int) -> dict[str, dt.date]:
    """``{standard: latest assessment date}`` of the standards the employee was assessed on
    (asked once a page view: each offer's eligibility check asks it)."""
    def load() -> dict[str, dt.date]:
        found: dict[str, dt.date] = {}
        for standard, date in db.session.execute(
                select(AssessmentResult.standard, AssessmentResult.assessed_on)
                .where(AssessmentResult.employee_id == employee_id)):
            if standard not in found or date > found[standard]:
                found[standard] = date
        return found

    return dict(per_request(("assessed_standards", employee_id), load))


def as_json(item: AssessmentRecord | AssessmentResult) -> dict:
    return {"assessed_on": item.assessed_on.isoformat(), "standard": item.standard,
            "competency": item.kompetensi, "required_level": item.required_level,
            "achieved_level": item.achieved_level, "gap": item.gap, "assessor": item.assessor}


def _make(employee_id: int, record: AssessmentRecord, source: str) -> AssessmentResult:
    return AssessmentResult(employee_id=employee_id, assessed_on=record.assessed_on,
                            kompetensi=record.kompetensi, source=source,
                            **{name: getattr(record, name) for name in LABELS})


SPEC = ResultSpec(
    kind="assessments", noun="hasil asesmen", entity="assessment_result", columns=COLUMNS,
    optional=OPTIONAL, api_fields=API_FIELDS, labels=LABELS, parse=parse, key=key,
    stored=stored, as_json=as_json, make=_make, notice=newer_notice, after_write=sync_gaps,
    describe=lambda r: f"Hasil asesmen {r.kompetensi} NIP {r.nip} tanggal {tanggal(r.assessed_on)}",
    shown=lambda name, value: GAP_STANDARD_LABELS.get(value, str(value))
    if name == "standard" else str(value),
)
