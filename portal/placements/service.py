"""Preparing a placement: needs and candidates, endorsement, host, agreement, schedule, start.

Every function checks the rule it names and raises :class:`PlacementError` (Indonesian, with
the rule ID); it logs the step (MG-11) and audits approvals and status changes. The caller
commits (``portal.web.commit_or_flash``).
"""

from __future__ import annotations

import datetime as dt

from werkzeug.datastructures import FileStorage

from portal.audit import record
from portal.authority import controls, self_approval_refusal
from portal.eligibility.gate import EligibilityRefusal, require_eligible
from portal.extensions import db
from portal.i18n import tanggal
from portal.models import Account, Employee, Unit
from portal.models.account import utcnow
from portal.placements import rules
from portal.placements.errors import PlacementError
from portal.placements.kinds import choice_label
from portal.placements.models import (
    NeedStatus,
    Placement,
    PlacementAgreementItem,
    PlacementLog,
    PlacementNeed,
    PlacementStatus,
)
from portal.placements.schedule import CADENCES, duration_problem, needs_justification
from portal.plans.rules import BASES, model_refusal
from portal.transitions import claim_state
from portal.types import Choice, PlacementKind
from portal.uploads import UploadError, store

ACTIVE = ("persiapan", "berjalan")
OVERRIDE_STEP = "alasan_kelayakan"  # the stage-log step holding an eligibility override reason


def log_step(placement: Placement, actor: Account | None, step: str, text: str) -> None:
    """One line of the stage log (MG-11)."""
    db.session.add(PlacementLog(placement=placement, step=step, text=text[:4000],
                                actor_id=actor.id if actor else None))


def _text(value: object, limit: int) -> str:
    return str(value or "").strip()[:limit]


# --------------------------------------------------------------------------- needs (MG-13, G-02)

def create_need(kind: PlacementKind, unit: Unit, actor: Account, *, kompetensi: str, basis: str,
                akpk: str, target: str) -> PlacementNeed:
    """The participant unit's competency need with its basis (G-02) and target (A.7.a)."""
    if not rules.can_manage_unit_needs(actor, unit):
        raise PlacementError(f"Kebutuhan {kind.noun} dikelola unit SDM bersama admin unit peserta "
                             f"({kind.rules.needs}).")
    kompetensi, target = _text(kompetensi, 300), _text(target, 4000)
    if not kompetensi or not target:
        raise PlacementError(f"Isi kompetensi yang dibutuhkan dan target {kind.noun} (A.7.a, {kind.rules.needs}).")
    if basis not in BASES:
        raise PlacementError("Pilih dasar pengembangan (§F, G-02).")
    refusal = model_refusal(basis, kind.slug)
    if refusal:
        raise PlacementError(refusal)
    need = PlacementNeed(kind=kind.slug, unit_id=unit.id, kompetensi=kompetensi, basis=basis,
                         akpk=_text(akpk, 300), target=target, created_by_id=actor.id)
    db.session.add(need)
    db.session.flush()
    record("placement_need.create", "placement_need", need.id, None,
           {"kind": kind.slug, "unit_id": unit.id, "kompetensi": kompetensi}, f"Kebutuhan {kind.noun}", actor.id)
    return need


def approve_need(kind: PlacementKind, need: PlacementNeed, actor: Account) -> None:
    """The HR unit agrees the need with the participant unit (MG-13)."""
    if not rules.is_sdm(actor):
        raise PlacementError(f"Kebutuhan {kind.noun} disetujui oleh unit SDM ({kind.rules.needs}).")
    if need.status != NeedStatus.DRAF:
        raise PlacementError("Kebutuhan ini sudah disetujui.")
    claim_state(need, (NeedStatus.DRAF,), NeedStatus.DISETUJUI)
    need.approved_by_id, need.approved_at = actor.id, utcnow()
    record("placement_need.approve", "placement_need", need.id,
           {"status": NeedStatus.DRAF}, {"status": NeedStatus.DISETUJUI},
           f"Kebutuhan {kind.noun} disetujui", actor.id)


def nominate(kind: PlacementKind, need: PlacementNeed, employee: Employee, actor: Account,
             on_date: dt.date, replaces: Placement | None = None,
             override_reason: str = "") -> Placement:
    """Add a candidate of the participant unit through the core's eligibility gate: refused when
    the answer is "no"; when it is "cannot decide yet", only with ``override_reason`` (kept in the
    stage log and the audit log, and used again at the start)."""
    if not rules.can_manage_unit_needs(actor, need.unit):
        raise PlacementError(f"Kandidat {kind.noun} diusulkan oleh admin unit peserta atau unit SDM "
                             f"({kind.rules.needs}).")
    if not employee.unit.path.startswith(need.unit.path):
        raise PlacementError(f"{employee.nama} bukan pegawai unit {need.unit.nama}; kandidat berasal dari "
                             f"unit peserta ({kind.rules.needs}).")
    if any(p.employee_id == employee.id and p.status in ACTIVE for p in need.placements):
        raise PlacementError(f"{employee.nama} sudah menjadi kandidat kebutuhan ini.")
    override_reason = _text(override_reason, 1000)
    if override_reason and not rules.is_sdm(actor):
        override_reason = ""  # "cannot decide yet" is decided by the HR unit (MG-13), recorded
    try:
        answer = require_eligible(employee, kind.slug, on_date, {"role": "peserta"},
                                  override_reason=override_reason, actor=actor,
                                  pending=(kind.rules.endorsement,) if kind.rules.endorsement else ())
    except EligibilityRefusal as refusal:
        raise PlacementError(str(refusal)) from None
    placement = Placement(kind=kind.slug, need=need, employee_id=employee.id, unit_id=employee.unit_id,
                          created_by_id=actor.id, replaces=replaces, extras={})
    db.session.add(placement)
    db.session.flush()
    log_step(placement, actor, "kandidat", f"{employee.nama} diusulkan sebagai kandidat untuk kebutuhan "
                                           f"\"{need.kompetensi}\" ({kind.rules.needs}). {answer.summary}")
    if answer.eligible is None and override_reason:
        log_step(placement, actor, OVERRIDE_STEP, override_reason)
    record("placement.create", "placement", placement.id, None,
           {"kind": kind.slug, "employee_id": employee.id, "need_id": need.id}, f"Kandidat {kind.noun}", actor.id)
    return placement


def override_reason_of(placement: Placement) -> str:
    """Why the candidate was nominated although eligibility could not be decided ("" if not)."""
    reasons = [line.text for line in placement.log if line.step == OVERRIDE_STEP]
    return reasons[-1] if reasons else ""


def _manager(kind: PlacementKind, placement: Placement, actor: Account) -> None:
    if not rules.can_manage(actor, placement):
        raise PlacementError(f"Persiapan {kind.noun} dikelola admin unit peserta bersama unit SDM "
                             f"({kind.rules.needs}).")


def eligibility_context(placement: Placement) -> dict:
    """What the core tells ``portal_check_eligibility`` about a placement (docs/placements.md)."""
    return {"role": "peserta", "placement_id": placement.id, "start_date": placement.start_date,
            "end_date": placement.end_date}


def _preparing(kind: PlacementKind, placement: Placement) -> None:
    if placement.status != PlacementStatus.PERSIAPAN:
        raise PlacementError(f"{kind.noun.capitalize()} ini sudah {placement.status_label.lower()}; "
                             "data persiapan tidak dapat diubah lagi.")


def endorse(kind: PlacementKind, placement: Placement, actor: Account, text: str) -> None:
    """The nominating supervisor's endorsement: best qualified, related competency base (MG-03)."""
    _preparing(kind, placement)
    if refusal := self_approval_refusal(actor, subject_id=placement.employee_id,
                                        rule=kind.rules.endorsement):
        raise PlacementError(refusal)
    if not rules.is_atasan(actor, placement):
        raise PlacementError(f"Rekomendasi diberikan oleh atasan langsung peserta ({kind.rules.endorsement}).")
    text = _text(text, 4000)
    if not text:
        raise PlacementError("Tuliskan alasan rekomendasi: kualifikasi terbaik di bidangnya dan basis "
                             f"kompetensi yang terkait ({kind.rules.endorsement}).")
    placement.endorsement, placement.endorsed_by_id = text, actor.employee_id
    placement.endorsed_at = utcnow()
    log_step(placement, actor, "rekomendasi", f"Atasan merekomendasikan peserta ({kind.rules.endorsement}).")
    record("placement.endorse", "placement", placement.id, None, {"endorsed_by": actor.employee_id},
           f"Rekomendasi atasan ({kind.rules.endorsement})", actor.id)


# --------------------------------------------------------------------------- host (MG-05, MG-06)

def _choice(choices: tuple[Choice, ...], key: str, what: str, rule: str) -> Choice:
    choice = next((c for c in choices if c.key == key), None)
    if choice is None:
        raise PlacementError(f"Pilih {what} dari daftar ({rule}).")
    return choice


def set_host(kind: PlacementKind, placement: Placement, actor: Account, data: dict,
             mentor: Employee | None = None) -> None:
    """Host, locus, mentor, role at the host, variant and approach, and the kind's extra fields."""
    _manager(kind, placement, actor)
    _preparing(kind, placement)
    host_type = _choice(kind.host_types, data.get("host_type", ""), "jenis instansi penerima", kind.rules.host)
    _choice(kind.loci, data.get("locus", ""), "lingkup (nasional/internasional)", kind.rules.host)
    host_name = _text(data.get("host_name"), 300)
    if not host_name:
        raise PlacementError(f"Isi nama instansi/unit penerima ({kind.rules.host}).")
    if kind.variants:
        _choice(kind.variants, data.get("variant", ""), "variasi/tujuan", kind.rules.variant)
    detail = _text(data.get("approach_detail"), 300)
    if kind.approaches:
        approach = _choice(kind.approaches, data.get("approach", ""), "model pendekatan", kind.rules.variant)
        if approach.detail_label and not detail:
            raise PlacementError(f"Isi {approach.detail_label.lower()} untuk pendekatan {approach.label} "
                                 f"({kind.rules.variant}).")
        detail = detail if approach.detail_label else ""
    for name in ("host_location", "supply_experience", "supply_competency", "mentor_name",
                 "mentor_institution", "role_at_host"):
        setattr(placement, name, _text(data.get(name), 4000 if name.startswith("supply") else 300))
    placement.host_type, placement.host_name, placement.locus = host_type.key, host_name, data["locus"]
    placement.variant = data.get("variant", "") if kind.variants else ""
    placement.approach = data.get("approach", "") if kind.approaches else ""
    placement.approach_detail = detail
    if mentor is not None and mentor.id != placement.mentor_employee_id and (
            mentor.id == placement.employee_id or controls(actor, mentor)):
        # A mentor writes the rapor kinerja: authority from data (docs/security.md).
        raise PlacementError("Mentor bukan peserta sendiri, dan Anda tidak dapat menetapkan diri "
                             f"sendiri sebagai mentor ({kind.rules.host}).")
    placement.mentor_employee_id = mentor.id if mentor else None
    extras = dict(placement.extras or {})
    for field in kind.extra_fields:
        if field.phase == "rencana":
            extras[field.key] = _text(data.get(f"extra_{field.key}"), 4000)
    placement.extras = extras
    log_step(placement, actor, "penerima", f"Instansi penerima: {host_name} "
             f"({choice_label(kind.host_types, host_type.key)}, {choice_label(kind.loci, placement.locus)}); "
             f"mentor: {placement.mentor_name or '—'} ({kind.rules.host}).")


# --------------------------------------------------------------------------- agreement (MG-07)

def set_agreement(kind: PlacementKind, placement: Placement, actor: Account, elements: dict[str, str],
                  upload: FileStorage | None) -> None:
    """The agreement's elements (texts) and, when given, the signed MoU/PKS (PDF)."""
    _manager(kind, placement, actor)
    _preparing(kind, placement)
    if upload is not None and getattr(upload, "filename", ""):
        try:
            placement.agreement_file = store(upload, placement.employee_id, allowed=("pdf",))
        except UploadError as error:
            raise PlacementError(f"{error} ({kind.rules.agreement})") from error
    existing = {item.key: item for item in placement.items}
    for element in kind.agreement_elements:
        content = _text(elements.get(element.key), 4000)
        if element.key in existing:
            existing[element.key].content = content
        else:
            placement.items.append(PlacementAgreementItem(key=element.key, content=content))
    filled = sum(1 for e in kind.agreement_elements if _text(elements.get(e.key), 10))
    log_step(placement, actor, "perjanjian", f"Perjanjian kerja sama: {filled} dari "
             f"{len(kind.agreement_elements)} unsur terisi; dokumen bertanda tangan "
             f"{'ada' if placement.agreement_file_id or placement.agreement_file else 'belum ada'} "
             f"({kind.rules.agreement}).")


def missing_agreement(kind: PlacementKind, placement: Placement) -> list[str]:
    texts = placement.agreement
    missing = [e.label for e in kind.agreement_elements if not texts.get(e.key, "").strip()]
    if placement.agreement_file_id is None:
        missing.append(f"dokumen {kind.document_label} yang sudah ditandatangani (PDF)")
    return missing


# --------------------------------------------------------------------------- schedule (MG-04, MG-08)

def set_schedule(kind: PlacementKind, placement: Placement, actor: Account, start: dt.date | None,
                 end: dt.date | None, cadence: str, justification: str) -> None:
    """Dates, reporting cadence and — beyond the normal maximum — the written justification."""
    _manager(kind, placement, actor)
    _preparing(kind, placement)
    if start is None or end is None:
        raise PlacementError(f"Isi tanggal mulai dan tanggal selesai ({kind.rules.duration}).")
    problem = duration_problem(kind, start, end)
    if problem:
        raise PlacementError(problem)
    if cadence not in kind.cadences or cadence not in CADENCES:
        raise PlacementError(f"Pilih periode laporan berkala ({kind.rules.monitoring or kind.rules.stage}).")
    justification = _text(justification, 4000)
    long = needs_justification(kind, start, end)
    if long and not justification:
        raise PlacementError(f"Durasi lebih dari {kind.max_duration.label} hanya dengan justifikasi tertulis "
                             f"(kebutuhan atau substansi {kind.noun}) yang disetujui admin SDM "
                             f"({kind.rules.duration}).")
    changed = (start, end, justification) != (placement.start_date, placement.end_date, placement.justification)
    placement.start_date, placement.end_date, placement.cadence = start, end, cadence
    placement.justification = justification if long else ""
    if not long or changed or not placement.justification_status:
        claim_state(placement, (placement.justification_status,), "menunggu" if long else "",
                    attribute="justification_status")  # as read: a concurrent decision is refused
    log_step(placement, actor, "jadwal", f"Jadwal {tanggal(start)} s.d. {tanggal(end)}, laporan "
             f"{CADENCES[cadence][0].lower()}" + (" — dengan justifikasi, menunggu persetujuan admin SDM"
                                                   if placement.justification_status == "menunggu" else "")
             + f" ({kind.rules.duration}, {kind.rules.stage}).")


def decide_justification(kind: PlacementKind, placement: Placement, actor: Account, approve: bool,
                         note: str) -> None:
    """Admin SDM approves or refuses a duration beyond the normal maximum (MG-04, PT-04)."""
    if not rules.is_sdm(actor):
        raise PlacementError(f"Justifikasi durasi disetujui oleh admin SDM ({kind.rules.duration}).")
    if placement.justification_status != "menunggu":
        raise PlacementError("Tidak ada justifikasi durasi yang menunggu keputusan.")
    note = _text(note, 1000)
    if not approve and not note:
        raise PlacementError("Tuliskan alasan penolakan justifikasi.")
    status = "disetujui" if approve else "ditolak"
    claim_state(placement, ("menunggu",), status, attribute="justification_status")
    placement.justification_note = note
    placement.justification_by_id = actor.id
    log_step(placement, actor, "justifikasi", f"Justifikasi durasi {status} ({kind.rules.duration}).")
    record("placement.justification", "placement", placement.id, {"justification_status": "menunggu"},
           {"justification_status": status}, f"Justifikasi durasi {status} ({kind.rules.duration})", actor.id)


# --------------------------------------------------------------------------- start

def _missing_host(kind: PlacementKind, placement: Placement) -> list[str]:
    """The need, the endorsement and the host side (host, supply, mentor, plan fields)."""
    missing = []
    if placement.need.status != NeedStatus.DISETUJUI:
        missing.append(f"kebutuhan belum disetujui unit SDM ({kind.rules.needs})")
    if kind.rules.endorsement and not placement.endorsement:
        missing.append(f"rekomendasi atasan langsung ({kind.rules.endorsement})")
    if not placement.host_name:
        missing.append(f"instansi penerima ({kind.rules.host})")
    if kind.rules.supply and not (placement.supply_experience and placement.supply_competency):
        missing.append(f"konfirmasi supply experience dan supply competency instansi penerima ({kind.rules.supply})")
    if kind.mentor_required and not (placement.mentor_name and placement.mentor_institution):
        missing.append(f"nama dan instansi {kind.mentor_label.lower()} ({kind.rules.supply or kind.rules.host})")
    extras = placement.extras or {}
    return missing + [f"{f.label} ({f.rule_id or kind.rules.host})" for f in kind.extra_fields
                      if f.phase == "rencana" and f.required and not extras.get(f.key)]


def _missing_schedule(kind: PlacementKind, placement: Placement) -> list[str]:
    if placement.start_date is None:
        return [f"jadwal pelaksanaan ({kind.rules.duration})"]
    if placement.justification_status in ("menunggu", "ditolak"):
        return [f"justifikasi durasi lebih dari {kind.max_duration.label} belum disetujui admin SDM "
                f"({kind.rules.duration})"]
    return []


def missing_to_start(kind: PlacementKind, placement: Placement) -> list[str]:
    """Every unmet condition for starting, each with its rule ID."""
    from portal.placements.followup import missing_continuity

    missing = _missing_host(kind, placement) + missing_continuity(kind, placement)
    if lacking := missing_agreement(kind, placement):
        missing.append(f"perjanjian belum lengkap — belum ada: {'; '.join(lacking)} ({kind.rules.agreement})")
    return missing + _missing_schedule(kind, placement)


def start(kind: PlacementKind, placement: Placement, actor: Account) -> None:
    """persiapan → berjalan, only when every condition holds (MG-07: no start without the agreement)."""
    if not rules.can_manage(actor, placement):
        raise PlacementError(f"{kind.noun.capitalize()} dimulai oleh admin unit peserta atau unit SDM "
                             f"({kind.rules.needs}).")
    _preparing(kind, placement)
    missing = missing_to_start(kind, placement)
    if missing:
        raise PlacementError(f"{kind.noun.capitalize()} belum dapat dimulai. Belum lengkap: "
                             + "; ".join(missing) + ".")
    try:
        require_eligible(placement.employee, kind.slug, placement.start_date, eligibility_context(placement),
                         override_reason=override_reason_of(placement), actor=actor)
    except EligibilityRefusal as refusal:
        raise PlacementError(str(refusal)) from None
    claim_state(placement, (PlacementStatus.PERSIAPAN,), PlacementStatus.BERJALAN)
    placement.started_at = utcnow()
    log_step(placement, actor, "mulai", f"{kind.noun.capitalize()} dimulai; tahap pertama "
             f"{kind.stages[0].label.lower()} mulai {tanggal(placement.start_date)} ({kind.rules.stage}).")
    record("placement.start", "placement", placement.id,
           {"status": PlacementStatus.PERSIAPAN}, {"status": PlacementStatus.BERJALAN},
           f"{kind.noun.capitalize()} dimulai", actor.id)
