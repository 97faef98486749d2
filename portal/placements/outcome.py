"""Final evaluation and outcome (MG-08, MG-10 / PT-08) and the competency update (MG-11).

Lulus → the ledger credits the JP of the plugin's ``portal_compute_jp``; the caller then
issues the certificate (:func:`issue_certificate`, which commits). Tidak lulus → the cause is
recorded; a cause within the participant's control blocks every development programme
(:mod:`portal.placements.block`). The caller commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.audit import record
from portal.certificates.service import CertificateError, issue
from portal.extensions import db
from portal.i18n import tanggal
from portal.ledger.service import LedgerError, credit
from portal.models import Account, LedgerEntry
from portal.placements import block, rules
from portal.placements.errors import PlacementError
from portal.placements.gates import missing_to_finish
from portal.placements.kinds import choice_label, kind_of
from portal.placements.models import CAUSES, EmployeeCompetency, Placement, PlacementStatus
from portal.placements.service import log_step
from portal.request_memo import per_request
from portal.transitions import claim_state
from portal.types import Participation, PlacementKind


def participation(kind: PlacementKind, placement: Placement) -> Participation:
    """The ledger participation of a passed placement (activity type = role owner = the slug)."""
    title = f"{kind.title}: {placement.need.kompetensi} — {placement.host_name}"
    return Participation(employee_id=placement.employee_id, mechanism=kind.slug, activity_type=kind.slug,
                         role="peserta", on_date=placement.final_on, title=title[:300],
                         reference=f"placement:{placement.id}")


def scheduled(slug: str, employee_ids: list[int] | None, start: dt.date,
              end: dt.date) -> list[Participation]:
    """Running placements of ``slug`` ending between ``start`` and ``end``: what a pass would
    credit, dated on the planned end date."""
    kind = kind_of(slug)
    return [replace(participation(kind, placement), on_date=placement.end_date)
            for placement in _running(employee_ids, start, end) if placement.kind == slug]


def _running(employee_ids: list[int] | None, start: dt.date, end: dt.date) -> list[Placement]:
    """Running placements of every kind ending in the period: one query a request, however
    many placement kinds ask (magang, pertukaran and detasering each answer the hook)."""
    def load() -> list[Placement]:
        query = select(Placement).where(Placement.status == PlacementStatus.BERJALAN,
                                        Placement.end_date >= start, Placement.end_date <= end)
        if employee_ids is not None:
            query = query.where(Placement.employee_id.in_(employee_ids))
        return list(db.session.scalars(query.options(joinedload(Placement.need))))

    ids = None if employee_ids is None else tuple(employee_ids)
    return per_request(("running_placements", ids, start, end), load)


@dataclass(frozen=True)
class FinalEvaluation:
    """What the sending unit records at the end (A.d.6, B.6): how, when, the result and why."""

    method: str
    on_date: dt.date | None
    lulus: bool | None
    score: int | None
    notes: str
    cause: str
    cause_note: str
    reward: str


def _refusal(kind: PlacementKind, placement: Placement, actor: Account, ev: FinalEvaluation,
             today: dt.date) -> str | None:
    """Why the evaluation cannot be recorded (the rule named), or None."""
    rule = kind.rules.outcome
    if not rules.can_manage(actor, placement):
        return f"Evaluasi akhir dicatat oleh instansi pengirim (admin unit/unit SDM) ({rule})."
    if placement.status != PlacementStatus.BERJALAN:
        return f"Evaluasi akhir hanya untuk {kind.noun} yang sedang berjalan."
    if ev.method not in {m.key for m in kind.final_methods}:
        methods = " atau ".join(m.label.lower() for m in kind.final_methods)
        return f"Pilih bentuk evaluasi akhir: {methods} ({kind.rules.stage})."
    if ev.on_date is None or ev.on_date > today or ev.on_date < placement.start_date:
        return f"Tanggal evaluasi akhir antara {tanggal(placement.start_date)} dan hari ini ({kind.rules.stage})."
    if ev.lulus is None:
        return f"Pilih hasil evaluasi akhir: lulus atau tidak lulus ({rule})."
    if missing := missing_to_finish(kind, placement, ev.on_date, ev.lulus):
        return f"Evaluasi akhir belum dapat dicatat. Belum lengkap: {'; '.join(missing)}."
    if ev.score is not None and not 0 <= ev.score <= 100:
        return "Nilai evaluasi akhir 0–100."
    if not ev.lulus and (ev.cause not in CAUSES or not ev.cause_note):
        return (f"Peserta tidak lulus: instansi pengirim mencatat faktor penyebabnya — di luar atau dalam "
                f"kendali peserta — beserta uraiannya ({rule}).")
    return None


def _closing_extras(kind: PlacementKind, placement: Placement, closing: dict[str, str]) -> dict:
    extras = dict(placement.extras or {})
    for field in kind.extra_fields:
        if field.phase == "penutupan":
            extras[field.key] = (closing.get(field.key) or "").strip()[:8000]
            if field.required and not extras[field.key]:
                raise PlacementError(f"Isi {field.label.lower()} ({field.rule_id or kind.rules.outcome}).")
    return extras


def _store(placement: Placement, ev: FinalEvaluation) -> None:
    placement.final_method, placement.final_on, placement.final_score = ev.method, ev.on_date, ev.score
    placement.final_notes = ev.notes
    placement.outcome = "lulus" if ev.lulus else "tidak_lulus"
    placement.cause, placement.cause_note = ("", "") if ev.lulus else (ev.cause, ev.cause_note)
    placement.reward_note = ev.reward if ev.lulus else ""


def _credit_or_block(kind: PlacementKind, placement: Placement, actor: Account,
                     ev: FinalEvaluation) -> LedgerEntry | None:
    """A pass is credited (G-06); a failure within the participant's control blocks (MG-10/PT-08)."""
    if ev.lulus:
        try:
            entry = credit(participation(kind, placement), actor.id)
        except LedgerError as error:
            raise PlacementError(f"JP tidak dapat dicatat: {error}") from error
        placement.ledger_entry_id = entry.id
        return entry
    if ev.cause == "dalam_kendali" and kind.rules.block:
        block.create(placement, kind.rules.block, kind.noun, ev.on_date, actor)
    return None


def finish(kind: PlacementKind, placement: Placement, actor: Account, *, method: str, on_date: dt.date | None,
           lulus: bool | None, score: int | None, notes: str, cause: str, cause_note: str, reward: str,
           closing: dict[str, str], today: dt.date) -> LedgerEntry | None:
    """Record the final evaluation and its outcome; returns the ledger row of a pass."""
    ev = FinalEvaluation(method, on_date, lulus, score, (notes or "").strip()[:4000], cause,
                         (cause_note or "").strip()[:4000], (reward or "").strip()[:4000])
    if problem := _refusal(kind, placement, actor, ev, today):
        raise PlacementError(problem)
    placement.extras = _closing_extras(kind, placement, closing)
    _store(placement, ev)
    claim_state(placement, (PlacementStatus.BERJALAN,), PlacementStatus.SELESAI)  # a concurrent decision is refused
    entry = _credit_or_block(kind, placement, actor, ev)
    rule = kind.rules.outcome
    text = (f"Evaluasi akhir ({choice_label(kind.final_methods, method)}) {tanggal(on_date)}: "
            f"{'lulus' if lulus else 'tidak lulus — ' + CAUSES[cause].lower()} ({rule}).")
    if entry is not None:
        text += f" JP {entry.jp_counted} tercatat ({entry.rule_id})."
    log_step(placement, actor, "evaluasi_akhir", text)
    record("placement.finish", "placement", placement.id, {"status": PlacementStatus.BERJALAN},
           {"status": "selesai", "outcome": placement.outcome, "cause": placement.cause},
           f"Hasil {kind.noun}: {placement.outcome} ({rule})", actor.id)
    return entry


def issue_certificate(kind: PlacementKind, placement: Placement, actor: Account) -> str | None:
    """Issue the e-certificate of a passed placement (G-06; commits). Returns an error message."""
    if placement.ledger_entry_id is None or placement.certificate_id is not None:
        return None
    try:
        certificate = issue(placement.ledger_entry_id, actor.id)
    except CertificateError as error:
        current_app.logger.warning("certificate for placement %s: %s", placement.id, error)
        return f"Sertifikat belum dapat diterbitkan: {error}"
    placement.certificate_id = certificate.id
    log_step(placement, actor, "sertifikat", f"Sertifikat elektronik {certificate.number} diterbitkan (G-06).")
    db.session.commit()
    return None


def add_competency(kind: PlacementKind, placement: Placement, actor: Account, kompetensi: str,
                   on_date: dt.date) -> EmployeeCompetency:
    """Add a competency gained to the employee's competency data (MG-11)."""
    rule = kind.rules.log or kind.rules.outcome
    if not rules.can_manage(actor, placement):
        raise PlacementError(f"Data kompetensi dimutakhirkan oleh admin unit/unit SDM ({rule}).")
    if placement.outcome != "lulus":
        raise PlacementError(f"Kompetensi dicatat setelah peserta dinyatakan lulus ({rule}).")
    kompetensi = (kompetensi or "").strip()[:300]
    if not kompetensi:
        raise PlacementError(f"Tuliskan kompetensi yang diperoleh ({rule}).")
    gained = EmployeeCompetency(employee_id=placement.employee_id, kompetensi=kompetensi, mechanism=kind.slug,
                                reference=f"placement:{placement.id}", gained_on=on_date, created_by_id=actor.id)
    db.session.add(gained)
    log_step(placement, actor, "kompetensi", f"Data kompetensi pegawai dimutakhirkan: {kompetensi} ({rule}).")
    return gained


def competencies(placement: Placement) -> list[EmployeeCompetency]:
    return list(db.session.scalars(db.select(EmployeeCompetency).where(
        EmployeeCompetency.reference == f"placement:{placement.id}").order_by(EmployeeCompetency.id)))
