"""A running placement: periodic reports, monitoring notes, the host's rapor kinerja (MG-09) and
recall with replacement (MG-12). The caller commits."""

from __future__ import annotations

import datetime as dt

from portal.audit import record
from portal.authority import self_approval_refusal
from portal.extensions import db
from portal.i18n import tanggal
from portal.models import Account, Employee
from portal.placements import rules
from portal.placements.errors import PlacementError
from portal.placements.models import (
    NOTE_ACTIONS,
    NOTE_ROLES,
    Placement,
    PlacementNote,
    PlacementReport,
    PlacementStatus,
)
from portal.placements.schedule import report_periods
from portal.placements.service import log_step, nominate
from portal.transitions import claim_state
from portal.types import PlacementKind


def _running(kind: PlacementKind, placement: Placement) -> None:
    if placement.status != PlacementStatus.BERJALAN:
        raise PlacementError(f"{kind.noun.capitalize()} ini tidak sedang berjalan ({placement.status_label}).")


def periods(placement: Placement, today: dt.date):
    return report_periods(placement.start_date, placement.end_date, placement.cadence,
                          {r.period_no for r in placement.reports}, today)


def submit_report(kind: PlacementKind, placement: Placement, actor: Account, period_no: int | None,
                  content: str, today: dt.date) -> PlacementReport:
    """The participant's periodic performance report for one period (MG-09); 0 = final report."""
    rule = kind.rules.monitoring or kind.rules.stage
    _running(kind, placement)
    if not rules.is_participant(actor, placement):
        raise PlacementError(f"Laporan berkala disampaikan oleh peserta sendiri ({rule}).")
    content = (content or "").strip()[:8000]
    if not content:
        raise PlacementError(f"Tuliskan isi laporan kinerja ({rule}).")
    if period_no == 0:
        start, end = placement.start_date, placement.end_date
    else:
        period = next((p for p in periods(placement, today) if p.number == period_no), None)
        if period is None:
            raise PlacementError(f"Pilih periode laporan dari daftar ({rule}).")
        if period.start > today:
            raise PlacementError(f"Periode {period.number} baru mulai {tanggal(period.start)} ({rule}).")
        start, end = period.start, period.end
    if any(r.period_no == period_no for r in placement.reports):
        raise PlacementError(f"Laporan periode ini sudah disampaikan ({rule}).")
    report = PlacementReport(placement=placement, period_no=period_no, period_start=start, period_end=end,
                             content=content, submitted_by_id=actor.id)
    db.session.add(report)
    label = "Laporan akhir" if period_no == 0 else f"Laporan berkala periode {period_no}"
    log_step(placement, actor, "laporan", f"{label} ({tanggal(start)} – {tanggal(end)}) disampaikan ({rule}).")
    return report


def _form_refusal(kind: PlacementKind, placement: Placement, corrective: str, observed_on: dt.date | None,
                  action_kind: str, today: dt.date | None) -> str | None:
    """What the monitoring form (B.4.a) refuses: the action kind, its description, the date."""
    form_rule = kind.rules.monitoring_form or kind.rules.monitoring or kind.rules.stage
    if action_kind and action_kind not in NOTE_ACTIONS:
        return f"Pilih jenis tindakan: korektif atau represif ({form_rule})."
    if action_kind and not (corrective or "").strip():
        return f"Uraikan tindakan {action_kind} yang diambil ({form_rule})."
    if observed_on is not None and (observed_on > (today or observed_on) or
                                    (placement.start_date and observed_on < placement.start_date)):
        return f"Tanggal pengamatan antara {tanggal(placement.start_date)} dan hari ini ({form_rule})."
    return None


def _author_refusal(kind: PlacementKind, placement: Placement, actor: Account, role: str) -> str | None:
    """Who may write the note (A.7.c.1): the direct atasan, the mentor, or an admin for the mentor."""
    rule = kind.rules.monitoring or kind.rules.stage
    if role not in NOTE_ROLES:
        return f"Pilih penulis catatan: atasan atau mentor ({rule})."
    if role == "atasan" and not rules.is_atasan(actor, placement):
        return f"Catatan atasan ditulis oleh atasan langsung peserta ({rule})."
    if role == "mentor" and not (rules.is_mentor(actor, placement) or rules.can_manage(actor, placement)):
        return f"Catatan mentor ditulis oleh mentor atau dicatat admin atas nama mentor ({rule})."
    return None


def add_note(kind: PlacementKind, placement: Placement, actor: Account, role: str, author_name: str,
             observation: str, corrective: str, *, observed_on: dt.date | None = None, target_progress: str = "",
             on_track: bool | None = None, action_kind: str = "", today: dt.date | None = None) -> None:
    """An observation and corrective action by the atasan or the host mentor (A.7.c.1, MG-09), on
    the monitoring form (B.4.a): date observed, progress against the target, on track or not, and
    a corrective or repressive action.

    The atasan writes as themself; the mentor (who may be external) writes as themself when
    linked to an account, or an admin enters the mentor's note in the mentor's name."""
    rule = kind.rules.monitoring or kind.rules.stage
    _running(kind, placement)
    problem = (_form_refusal(kind, placement, corrective, observed_on, action_kind, today)
               or _author_refusal(kind, placement, actor, role))
    if problem:
        raise PlacementError(problem)
    observation = (observation or "").strip()[:4000]
    if not observation:
        raise PlacementError(f"Tuliskan hasil pengamatan ({rule}).")
    name = actor.employee.nama if role == "atasan" or rules.is_mentor(actor, placement) else (
        (author_name or "").strip()[:200] or placement.mentor_name or "Mentor")
    corrective = (corrective or "").strip()[:4000]
    placement.notes.append(PlacementNote(
        role=role, author_name=name, observation=observation, corrective_action=corrective,
        observed_on=observed_on, target_progress=(target_progress or "").strip()[:4000], on_track=on_track,
        action_kind=(action_kind or ("korektif" if corrective else "")), created_by_id=actor.id))
    log_step(placement, actor, "monitoring", f"Catatan monitoring {NOTE_ROLES[role].lower()} ({name}) ({rule}).")


def record_rapor(kind: PlacementKind, placement: Placement, actor: Account, score: int | None,
                 predikat: str, text: str, assessor: str, on_date: dt.date | None) -> None:
    """The host's rapor kinerja / final assessment, possibly with the mentor (MG-09)."""
    rule = kind.rules.monitoring or kind.rules.stage
    _running(kind, placement)
    if refusal := self_approval_refusal(actor, subject_id=placement.employee_id, rule=rule):
        raise PlacementError(refusal)
    if not (rules.can_manage(actor, placement) or rules.is_mentor(actor, placement)):
        raise PlacementError(f"Rapor kinerja dicatat oleh mentor instansi penerima atau admin ({rule}).")
    if score is None or not 0 <= score <= 100:
        raise PlacementError(f"Nilai rapor kinerja 0–100 ({rule}).")
    if on_date is None:
        raise PlacementError(f"Isi tanggal rapor kinerja ({rule}).")
    assessor = (assessor or "").strip()[:200] or placement.mentor_name
    if not assessor:
        raise PlacementError(f"Isi nama penilai di instansi penerima ({rule}).")
    placement.rapor_score, placement.rapor_predikat = score, (predikat or "").strip()[:40]
    placement.rapor_text, placement.rapor_assessor = (text or "").strip()[:4000], assessor
    placement.rapor_on = on_date
    log_step(placement, actor, "rapor", f"Rapor kinerja dari instansi penerima: nilai {score} "
             f"({placement.rapor_predikat or '—'}), penilai {assessor} ({rule}).")


def recall(kind: PlacementKind, placement: Placement, actor: Account, reason: str, on_date: dt.date,
           replacement: Employee | None) -> Placement | None:
    """The sending agency recalls the participant and may replace them (MG-12); audited."""
    rule = kind.rules.recall
    if not rule:
        raise PlacementError(f"Penarikan peserta tidak diatur untuk {kind.noun}.")
    if not rules.can_manage(actor, placement):
        raise PlacementError(f"Penarikan dilakukan oleh instansi pengirim (admin unit/unit SDM) ({rule}).")
    if placement.status not in (PlacementStatus.PERSIAPAN, PlacementStatus.BERJALAN):
        raise PlacementError(f"Peserta hanya dapat ditarik dari {kind.noun} yang belum selesai ({rule}).")
    reason = (reason or "").strip()[:4000]
    if not reason:
        raise PlacementError(f"Tuliskan alasan penarikan, misalnya kebutuhan mendesak ({rule}).")
    old = claim_state(placement, (placement.status,), PlacementStatus.DITARIK)  # as read and checked above
    placement.recall_reason, placement.recalled_on = reason, on_date
    log_step(placement, actor, "penarikan", f"Peserta ditarik per {tanggal(on_date)}: {reason} ({rule}).")
    record("placement.recall", "placement", placement.id, {"status": old},
           {"status": PlacementStatus.DITARIK, "reason": reason},
           f"Peserta {kind.noun} ditarik ({rule})", actor.id)
    if replacement is None:
        return None
    if replacement.id == placement.employee_id:
        raise PlacementError(f"Pengganti harus pegawai lain yang setara kualifikasinya ({rule}).")
    new = nominate(kind, placement.need, replacement, actor, on_date, replaces=placement)
    for name in ("host_type", "host_name", "locus", "host_location", "supply_experience", "supply_competency",
                 "mentor_name", "mentor_institution", "mentor_employee_id", "role_at_host", "variant",
                 "approach", "approach_detail", "cadence"):
        setattr(new, name, getattr(placement, name))
    new.extras = dict(placement.extras or {})
    log_step(new, actor, "pengganti", f"Menggantikan {placement.employee.nama} yang ditarik ({rule}); data "
             "instansi penerima disalin, perjanjian dan jadwal disusun ulang.")
    log_step(placement, actor, "pengganti", f"Diganti oleh {replacement.nama} ({rule}).")
    return new
