"""The participant's feedback form (OB-01 "with feedback") and the dashboard card."""

from __future__ import annotations

from flask import flash, request
from flask_login import current_user
from sqlalchemy import select

from portal.sdk import ROLES, Routes, access, db, redirect_to, render, run_step
from portal_outbound import scope, workflow
from portal_outbound.forms import FeedbackForm
from portal_outbound.models import OutboundParticipant, OutboundProgramme, ProgrammeStatus
from portal_outbound.tasks import feedback_due
from portal_outbound.views import programme_or_404

routes = Routes()


@routes.route("/program/<int:programme_id>/umpan-balik", methods=["GET", "POST"])
@access(*ROLES)
def feedback(programme_id: int):
    programme = programme_or_404(programme_id)
    participant = scope.participant_of(current_user, programme)
    refusal = workflow.feedback_refusal(participant)
    if refusal:
        flash(refusal, "error")
        return redirect_to("outbound.programme", programme_id=programme.id)
    form = FeedbackForm.for_goals(programme.tujuan.split(","))
    status = 200
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            return run_step(lambda: workflow.submit_feedback(participant, form.values()),
                            "Terima kasih, umpan balik Anda tersimpan (OB-01).",
                            lambda: redirect_to("outbound.programme", programme_id=programme_id),
                            refused=lambda _error: (render("outbound/feedback.html", form=form,
                                                           p=programme), 422))
    return render("outbound/feedback.html", form=form, p=programme), status


@routes.route("/kartu")
@access(*ROLES)
def card():
    upcoming = list(db.session.scalars(
        select(OutboundProgramme).join(OutboundParticipant)
        .where(OutboundParticipant.employee_id == current_user.employee_id,
               OutboundProgramme.status == ProgrammeStatus.DIRENCANAKAN)
        .order_by(OutboundProgramme.tanggal_mulai).limit(3)))
    return render("outbound/card.html", block="card", upcoming=upcoming,
                  due=feedback_due(current_user.employee_id))
