"""POST steps of a placement page; each refuses with the rule and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, request
from flask_login import current_user

from portal.access import ADMINS, MANAGERS, ROLES, SDM, access
from portal.clock import today
from portal.placements import monitoring, outcome, rules, service
from portal.placements.errors import PlacementError
from portal.placements.kinds import kind_or_404
from portal.placements.views import (
    detail_page,
    employee_by_nip,
    need_or_404,
    parse_date,
    placement_or_404,
)
from portal.routes import Routes
from portal.web import redirect_to, run_step

routes = Routes()


def _int(raw: str | None) -> int | None:
    text = (raw or "").strip()
    if text.lstrip("-").isdigit() and len(text) < 6:
        return int(text)
    if text:
        raise PlacementError("Isi angka bulat, mis. 85.")
    return None


def _step(kind: str, placement_id: int, section: str, success: str, action: Callable,
          after: Callable | None = None) -> object:
    """Run ``action(spec, placement)``: commit and go back to the page, or show the error there.

    ``after(spec, placement, result)`` runs once committed and may return the id of the page to open."""
    spec = kind_or_404(kind)
    placement = placement_or_404(spec, placement_id)

    def back(result):
        target = after(spec, placement, result) if after else None
        return redirect_to("placements.detail", kind=spec.slug, placement_id=target or placement_id)

    return run_step(lambda: action(spec, placement), success, back, flash_refusal=False,
                    refused=lambda error: detail_page(spec, placement_or_404(spec, placement_id),
                                                      (section, str(error)), 422))


# --------------------------------------------------------------------------- needs and candidates

@routes.route("/<kind>/kebutuhan/<int:need_id>/setujui", methods=["POST"])
@access(*SDM)
def need_approve(kind: str, need_id: int):
    spec = kind_or_404(kind)
    need = need_or_404(spec, need_id)
    return run_step(lambda: service.approve_need(spec, need, current_user), "Kebutuhan disetujui unit SDM.",
                    lambda: redirect_to("placements.need_detail", kind=spec.slug, need_id=need_id))


@routes.route("/<kind>/kebutuhan/<int:need_id>/kandidat", methods=["POST"])
@access(*ADMINS)
def nominate(kind: str, need_id: int):
    spec = kind_or_404(kind)
    need = need_or_404(spec, need_id)
    nip = request.form.get("nip", "")
    employee = employee_by_nip(nip)

    def nominate_found():
        if employee is None:
            raise PlacementError("NIP tidak ditemukan. Periksa 18 digit NIP/NI PPPK kandidat.")
        return service.nominate(spec, need, employee, current_user, today(),
                                override_reason=request.form.get("alasan_kelayakan", ""))

    return run_step(nominate_found, f"{employee.nama if employee else ''} diusulkan sebagai kandidat.",
                    lambda placement: redirect_to("placements.detail", kind=spec.slug, placement_id=placement.id),
                    refused=lambda _error: redirect_to("placements.need_detail", kind=spec.slug,
                                                       need_id=need_id, nip=nip[:40]))


# --------------------------------------------------------------------------- preparation

@routes.route("/<kind>/<int:placement_id>/rekomendasi", methods=["POST"])
@access(*MANAGERS)
def endorse(kind: str, placement_id: int):
    return _step(kind, placement_id, "rekomendasi", "Rekomendasi atasan tersimpan.",
                 lambda s, p: service.endorse(s, p, current_user, request.form.get("endorsement", "")))


@routes.route("/<kind>/<int:placement_id>/penerima", methods=["POST"])
@access(*ADMINS)
def host(kind: str, placement_id: int):
    def action(spec, placement):
        mentor = None
        if request.form.get("mentor_nip", "").strip():
            mentor = employee_by_nip(request.form["mentor_nip"])
            if mentor is None:
                raise PlacementError("NIP mentor tidak ditemukan; kosongkan bila mentor bukan pegawai Kementerian.")
        service.set_host(spec, placement, current_user, request.form.to_dict(), mentor)

    return _step(kind, placement_id, "penerima", "Data instansi penerima tersimpan.", action)


@routes.route("/<kind>/<int:placement_id>/perjanjian", methods=["POST"])
@access(*ADMINS)
def agreement(kind: str, placement_id: int):
    def action(spec, placement):
        elements = {e.key: request.form.get(f"element_{e.key}", "") for e in spec.agreement_elements}
        service.set_agreement(spec, placement, current_user, elements, request.files.get("dokumen"))

    return _step(kind, placement_id, "perjanjian", "Perjanjian tersimpan.", action)


@routes.route("/<kind>/<int:placement_id>/jadwal", methods=["POST"])
@access(*ADMINS)
def schedule(kind: str, placement_id: int):
    def action(spec, placement):
        service.set_schedule(spec, placement, current_user, parse_date(request.form.get("start_date")),
                             parse_date(request.form.get("end_date")), request.form.get("cadence", ""),
                             request.form.get("justification", ""))

    return _step(kind, placement_id, "jadwal", "Jadwal tersimpan.", action)


@routes.route("/<kind>/<int:placement_id>/justifikasi", methods=["POST"])
@access(*SDM)
def justification(kind: str, placement_id: int):
    approve = request.form.get("decision") == "setujui"
    return _step(kind, placement_id, "justifikasi", "Keputusan justifikasi tersimpan.",
                 lambda s, p: service.decide_justification(s, p, current_user, approve,
                                                           request.form.get("note", "")))


@routes.route("/<kind>/<int:placement_id>/mulai", methods=["POST"])
@access(*ADMINS)
def start(kind: str, placement_id: int):
    return _step(kind, placement_id, "mulai", "Pelaksanaan dimulai.",
                 lambda s, p: service.start(s, p, current_user))


# --------------------------------------------------------------------------- monitoring (MG-09, MG-12)

@routes.route("/<kind>/<int:placement_id>/laporan", methods=["POST"])
@access(*ROLES)
def submit_report(kind: str, placement_id: int):
    return _step(kind, placement_id, "laporan", "Laporan kinerja terkirim.",
                 lambda s, p: monitoring.submit_report(s, p, current_user, _int(request.form.get("period_no")),
                                                       request.form.get("content", ""), today()))


@routes.route("/<kind>/<int:placement_id>/catatan", methods=["POST"])
@access(*ROLES)
def note(kind: str, placement_id: int):
    form = request.form
    on_track = {"ya": True, "tidak": False}.get(form.get("on_track", ""))
    return _step(kind, placement_id, "catatan", "Catatan monitoring tersimpan.",
                 lambda s, p: monitoring.add_note(
                     s, p, current_user, form.get("role", ""), form.get("author_name", ""),
                     form.get("observation", ""), form.get("corrective", ""),
                     observed_on=parse_date(form.get("observed_on")), target_progress=form.get("target_progress", ""),
                     on_track=on_track, action_kind=form.get("action_kind", ""), today=today()))


@routes.route("/<kind>/<int:placement_id>/rapor", methods=["POST"])
@access(*ROLES)
def rapor(kind: str, placement_id: int):
    form = request.form
    return _step(kind, placement_id, "rapor", "Rapor kinerja tersimpan.",
                 lambda s, p: monitoring.record_rapor(
                     s, p, current_user, _int(form.get("score")), form.get("predikat", ""), form.get("text", ""),
                     form.get("assessor", ""), parse_date(form.get("rapor_on"))))


@routes.route("/<kind>/<int:placement_id>/tarik", methods=["POST"])
@access(*ADMINS)
def recall(kind: str, placement_id: int):
    def action(spec, placement):
        replacement = None
        if request.form.get("replacement_nip", "").strip():
            replacement = employee_by_nip(request.form["replacement_nip"])
            if replacement is None:
                raise PlacementError(f"NIP pengganti tidak ditemukan ({spec.rules.recall}).")
        return monitoring.recall(spec, placement, current_user, request.form.get("reason", ""), today(), replacement)

    def after(spec, placement, new):
        if new is not None:
            flash("Pengganti diusulkan; lengkapi perjanjian dan jadwalnya.", "success")
            return new.id
        return None

    return _step(kind, placement_id, "tarik", "Peserta ditarik.", action, after)


# --------------------------------------------------------------------------- outcome (MG-10, MG-11)

@routes.route("/<kind>/<int:placement_id>/evaluasi-akhir", methods=["POST"])
@access(*ADMINS)
def finish(kind: str, placement_id: int):
    form = request.form
    lulus = {"lulus": True, "tidak_lulus": False}.get(form.get("outcome", ""))

    def action(spec, placement):
        closing = {f.key: form.get(f"extra_{f.key}", "") for f in spec.extra_fields if f.phase == "penutupan"}
        return outcome.finish(spec, placement, current_user, method=form.get("method", ""),
                       on_date=parse_date(form.get("final_on")), lulus=lulus, score=_int(form.get("score")),
                       notes=form.get("notes", ""), cause=form.get("cause", ""), cause_note=form.get("cause_note", ""),
                       reward=form.get("reward", ""), closing=closing, today=today())

    def after(spec, placement, entry):
        if entry is not None:
            problem = outcome.issue_certificate(spec, placement, current_user)
            flash(problem or "Sertifikat elektronik diterbitkan (G-06).", "error" if problem else "success")
        return None

    return _step(kind, placement_id, "evaluasi", "Hasil evaluasi akhir tersimpan.", action, after)


@routes.route("/<kind>/<int:placement_id>/sertifikat", methods=["POST"])
@access(*ADMINS)
def certificate(kind: str, placement_id: int):
    spec = kind_or_404(kind)
    placement = placement_or_404(spec, placement_id)
    if not rules.can_manage(current_user, placement):
        abort(404)
    problem = outcome.issue_certificate(spec, placement, current_user)
    flash(problem or "Sertifikat elektronik diterbitkan (G-06).", "error" if problem else "success")
    return redirect_to("placements.detail", kind=spec.slug, placement_id=placement_id)


@routes.route("/<kind>/<int:placement_id>/kompetensi", methods=["POST"])
@access(*ADMINS)
def competency(kind: str, placement_id: int):
    return _step(kind, placement_id, "kompetensi", "Data kompetensi pegawai dimutakhirkan.",
                 lambda s, p: outcome.add_competency(s, p, current_user, request.form.get("kompetensi", ""), today()))
