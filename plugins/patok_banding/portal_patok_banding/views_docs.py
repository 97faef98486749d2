"""Documents of a programme: the two letters (PDF), its report (page, PDF, XLSX), the card."""

from __future__ import annotations

from flask import Response, abort, flash
from flask_login import current_user
from sqlalchemy import select

from portal.sdk import ROLES, PdfError, Routes, access, db, download, redirect_to, render, render_report
from portal.sdk import report_xlsx as xlsx
from portal_patok_banding import letters, reports, rules
from portal_patok_banding.models import PBParticipant, PBProgram
from portal_patok_banding.steps import BY_KEY, PB02
from portal_patok_banding.views import program_or_404

routes = Routes()


def _pdf(data: bytes, name: str) -> Response:
    return download(data, f"{name}.pdf")


def _letter(program_id: int, key: str, build, name: str):
    program = program_or_404(program_id)
    if program.done(BY_KEY[key].number) is None:
        flash(f"Surat dibuat pada langkah {BY_KEY[key].number} ({BY_KEY[key].text}) ({PB02}).",
              "error")
        return redirect_to("patok_banding.program", program_id=program.id)
    try:
        return _pdf(build(program), f"{name}-{program.id}")
    except PdfError as error:
        flash(str(error), "error")
        return redirect_to("patok_banding.program", program_id=program.id)


@routes.route("/<int:program_id>/surat-usulan.pdf")
@access(*ROLES)
def proposal_pdf(program_id: int):
    return _letter(program_id, "surat_usulan", letters.proposal_letter, "surat-usulan-patok-banding")


@routes.route("/<int:program_id>/surat-penugasan.pdf")
@access(*ROLES)
def assignment_pdf(program_id: int):
    return _letter(program_id, "penugasan", letters.assignment_letter,
                   "surat-penugasan-patok-banding")


def _report_or_404(program_id: int) -> PBProgram:
    """The report shows every participant: the HR unit and the participant unit only."""
    program = program_or_404(program_id)
    if not (rules.is_sdm(current_user) or rules.is_participant_unit(current_user, program.unit)):
        abort(404)
    return program


@routes.route("/<int:program_id>/laporan")
@access(*ROLES)
def report(program_id: int):
    program = _report_or_404(program_id)
    return render("patok_banding/report.html", p=program, report=reports.program_report(program))


@routes.route("/<int:program_id>/laporan.pdf")
@access(*ROLES)
def report_pdf(program_id: int):
    program = _report_or_404(program_id)
    report_ = reports.program_report(program)
    try:
        return _pdf(render_report(report_), report_.filename)
    except PdfError as error:
        flash(str(error), "error")
        return redirect_to("patok_banding.report", program_id=program.id)


@routes.route("/<int:program_id>/laporan.xlsx")
@access(*ROLES)
def report_xlsx(program_id: int):
    return xlsx.response(reports.program_report(_report_or_404(program_id)))


@routes.route("/kartu")
@access(*ROLES)
def card():
    mine = [p for p in db.session.scalars(
        select(PBParticipant).where(PBParticipant.employee_id == current_user.employee_id,
                                  PBParticipant.lolos.is_(True))
        .order_by(PBParticipant.id.desc()).limit(5)) if p.program.assigned]
    return render("patok_banding/card.html", block="card", mine=mine)
