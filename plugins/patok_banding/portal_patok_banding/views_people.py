"""A participant's page: execution (PB-03), report and monitoring (PB-05), JP and certificate."""

from __future__ import annotations

from flask import abort, flash
from flask_login import current_user
from sqlalchemy import select

from portal.sdk import ROLES, SDM, Certificate, LedgerEntry, Routes, access, db, redirect_to, render, run_step
from portal_patok_banding import execution, rules
from portal_patok_banding.actions import participant_actions
from portal_patok_banding.forms import ExecutionForm, NoteForm, ReportForm, ReturnForm
from portal_patok_banding.models import PBParticipant
from portal_patok_banding.steps import EXECUTION, PB05
from portal_patok_banding.views import program_or_404

routes = Routes()


def participant_or_404(program_id: int, person_id: int) -> PBParticipant:
    """The participant, visible to the HR unit, the participant unit and the participant."""
    program = program_or_404(program_id)
    person = db.session.get(PBParticipant, person_id)
    if person is None or person.program_id != program.id:
        abort(404)
    own = person.employee_id == current_user.employee_id
    if not (own or rules.is_sdm(current_user) or rules.is_participant_unit(current_user,
                                                                           program.unit)):
        abort(404)
    return person


def participant_page(person: PBParticipant, status: int = 200, **forms):
    own = person.employee_id == current_user.employee_id
    entry = db.session.get(LedgerEntry, person.ledger_entry_id) if person.ledger_entry_id else None
    certificate = None
    if entry is not None:
        certificate = db.session.scalar(select(Certificate).where(
            Certificate.source_key == f"ledger:{entry.id}", Certificate.revoked_at.is_(None)))
    return render("patok_banding/participant.html", person=person, p=person.program, own=own,
                  sdm=rules.is_sdm(current_user), execution=EXECUTION, entry=entry,
                  actions=participant_actions.allowed(person, current_user),
                  certificate=certificate, refusal=execution.execution_refusal(person),
                  execution_form=forms.get("execution_form") or ExecutionForm(obj=person),
                  report_form=forms.get("report_form") or ReportForm(obj=person),
                  accept_form=forms.get("accept_form") or NoteForm(),
                  return_form=forms.get("return_form") or ReturnForm()), status


def _run(person: PBParticipant, action, success: str, form_name: str, form):
    return run_step(
        action, success,
        lambda: redirect_to("patok_banding.participant", program_id=person.program_id, person_id=person.id),
        refused=lambda _error: participant_page(db.session.get(PBParticipant, person.id), 422,
                                                **{form_name: form}))


def _post(program_id: int, person_id: int, form_cls, form_name: str, action, success: str):
    person = participant_or_404(program_id, person_id)
    form = form_cls()
    if not form.validate_on_submit():
        return participant_page(person, 422, **{form_name: form})
    return _run(person, lambda: action(person, form), success, form_name, form)


@routes.route("/<int:program_id>/peserta/<int:person_id>")
@access(*ROLES)
def participant(program_id: int, person_id: int):
    return participant_page(participant_or_404(program_id, person_id))


@routes.route("/<int:program_id>/peserta/<int:person_id>/pelaksanaan", methods=["POST"])
@access(*ROLES)
def record_execution(program_id: int, person_id: int):
    return _post(program_id, person_id, ExecutionForm, "execution_form",
                 lambda p, f: execution.record_execution(p, f.values(), current_user),
                 "Catatan pelaksanaan patok banding disimpan (PB-03).")


@routes.route("/<int:program_id>/peserta/<int:person_id>/laporan", methods=["POST"])
@access(*ROLES)
def submit_report(program_id: int, person_id: int):
    return _post(program_id, person_id, ReportForm, "report_form",
                 lambda p, f: execution.submit_report(p, f.laporan.data.strip(), current_user),
                 f"Laporan dikirim ke admin SDM untuk monitoring dan verifikasi ({PB05}).")


@routes.route("/<int:program_id>/peserta/<int:person_id>/terima-laporan", methods=["POST"])
@access(*SDM)
def accept_report(program_id: int, person_id: int):
    return _post(program_id, person_id, NoteForm, "accept_form",
                 lambda p, f: execution.accept_report(p, current_user,
                                                     (f.catatan.data or "").strip()),
                 f"Laporan diterima; JP masuk buku JP ({PB05}). Terbitkan sertifikat elektronik.")


@routes.route("/<int:program_id>/peserta/<int:person_id>/kembalikan-laporan", methods=["POST"])
@access(*SDM)
def return_report(program_id: int, person_id: int):
    return _post(program_id, person_id, ReturnForm, "return_form",
                 lambda p, f: execution.return_report(p, current_user, f.catatan.data.strip()),
                 "Laporan dikembalikan kepada peserta dengan catatan.")


@routes.route("/<int:program_id>/peserta/<int:person_id>/sertifikat", methods=["POST"])
@access(*SDM)
def issue_certificate(program_id: int, person_id: int):
    """G-06: the e-certificate of a participant whose report was accepted."""
    from portal.sdk import CertificateError
    from portal.sdk import issue_certificate as issue

    person = participant_or_404(program_id, person_id)
    if person.ledger_entry_id is None:
        flash(f"Sertifikat diterbitkan setelah laporan diterima dan JP dicatat ({PB05}, G-06).",
              "error")
    else:
        try:
            certificate = issue(person.ledger_entry_id, current_user.id)
        except CertificateError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            flash(f"Sertifikat elektronik nomor {certificate.number} diterbitkan (G-06).",
                  "success")
    return redirect_to("patok_banding.participant", program_id=program_id, person_id=person_id)
