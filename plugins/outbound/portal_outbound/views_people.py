"""Participants, attendance, completion (JP to the ledger) and e-certificates (G-06)."""

from __future__ import annotations

from flask import abort, flash, request
from flask_login import current_user

from portal.sdk import Employee, Routes, access, db, parse_id, redirect_to, run_step
from portal_outbound import scope, workflow
from portal_outbound.forms import ParticipantForm
from portal_outbound.models import OutboundParticipant, OutboundProgramme, ProgrammeStatus
from portal_outbound.scope import ORGANISERS
from portal_outbound.views import organised_or_404, programme_page

routes = Routes()


def _participant_or_404(programme: OutboundProgramme, participant_id: int) -> OutboundParticipant:
    participant = db.session.get(OutboundParticipant, participant_id)
    if participant is None or participant.programme_id != programme.id:
        abort(404)
    return participant


def _step(programme: OutboundProgramme, action, success: str):
    """A workflow step (``run_step``), back to the programme page."""
    return run_step(action, success, lambda: redirect_to("outbound.programme", programme_id=programme.id))


@routes.route("/program/<int:programme_id>/peserta", methods=["POST"])
@access(*ORGANISERS)
def add_participant(programme_id: int):
    programme = organised_or_404(programme_id)
    form = ParticipantForm()
    raw = (form.employee_id.data or "").strip()
    employee = db.session.get(Employee, employee_id) if (employee_id := parse_id(raw)) else None
    if employee is None:
        if not form.validate_on_submit():
            return programme_page(programme, person_form=form, status=422)
        matches = scope.candidates(programme, form.q.data.strip())
        if len(matches) != 1:
            if not matches:
                form.q.errors = [*form.q.errors, f"Tidak ada pegawai {programme.unit.nama} "
                                 "dengan NIP atau nama ini."]
            return programme_page(programme, person_form=form, matches=matches,
                                  status=200 if matches else 422)
        employee = matches[0]

    def back(notes: list[str]):
        for note in notes:
            flash(note, "warning")
        return redirect_to("outbound.programme", programme_id=programme_id)

    return run_step(lambda: workflow.add_participant(programme, employee, actor=current_user,
                                                     override_reason=form.alasan_kelayakan.data or ""),
                    f"{employee.nama} ditambahkan sebagai peserta.", back,
                    refused=lambda _error: programme_page(organised_or_404(programme_id), person_form=form,
                                                          status=422),
                    field=form.q)


@routes.route("/program/<int:programme_id>/peserta/<int:participant_id>/hapus", methods=["POST"])
@access(*ORGANISERS)
def remove_participant(programme_id: int, participant_id: int):
    programme = organised_or_404(programme_id)
    participant = _participant_or_404(programme, participant_id)
    return _step(programme, lambda: workflow.remove_participant(participant),
                 "Peserta dihapus dari program.")


@routes.route("/program/<int:programme_id>/peserta/<int:participant_id>/kehadiran",
          methods=["POST"])
@access(*ORGANISERS)
def attendance(programme_id: int, participant_id: int):
    programme = organised_or_404(programme_id)
    participant = _participant_or_404(programme, participant_id)
    choice = request.form.get("hadir", "")
    if choice not in ("1", "0"):
        flash("Pilih hadir atau tidak hadir.", "error")
        return redirect_to("outbound.programme", programme_id=programme.id)
    return _step(programme, lambda: workflow.record_attendance(participant, choice == "1"),
                 f"Kehadiran {participant.employee.nama} dicatat.")


@routes.route("/program/<int:programme_id>/hadir-semua", methods=["POST"])
@access(*ORGANISERS)
def mark_all_present(programme_id: int):
    programme = organised_or_404(programme_id)
    return _step(programme, lambda: workflow.mark_all_present(programme),
                 "{result} peserta ditandai hadir.")


@routes.route("/program/<int:programme_id>/selesai", methods=["POST"])
@access(*ORGANISERS)
def complete(programme_id: int):
    """Close the programme: JP for everyone present (OB-01 setting), then e-certificates (G-06)."""
    programme = organised_or_404(programme_id)

    def then(credited):
        if credited is not None:  # committed: the certificates follow (G-06)
            _certificates(programme)
        return redirect_to("outbound.programme", programme_id=programme.id)

    return run_step(lambda: workflow.complete(programme, current_user),
                    "Program selesai: JP {result} peserta yang hadir masuk buku JP.", then)


def _certificates(programme: OutboundProgramme) -> None:
    issued, problems = workflow.issue_certificates(programme, current_user)
    if issued:
        flash(f"{issued} sertifikat elektronik diterbitkan (G-06).", "success")
    for message in problems[:5]:
        flash(message, "warning")


@routes.route("/program/<int:programme_id>/sertifikat", methods=["POST"])
@access(*ORGANISERS)
def issue_certificates(programme_id: int):
    programme = organised_or_404(programme_id)
    if programme.status != ProgrammeStatus.SELESAI:
        flash("Sertifikat diterbitkan setelah program diselesaikan dan JP dicatat (G-06).", "error")
    else:
        _certificates(programme)
    return redirect_to("outbound.programme", programme_id=programme.id)
