"""Evaluation questionnaires of Lamp. H.e (CM-11): each filled once by the right person; a
per-programme summary for admin SDM that names nobody (CM-01)."""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user
from sqlalchemy import select

from portal.sdk import ROLES, Routes, access, commit_or_flash, db, redirect_to, render
from portal_coaching.programme import workflow
from portal_coaching.programme.forms import questionnaire_form
from portal_coaching.programme.models import Evaluation
from portal_coaching.programme.questionnaires import QUESTIONNAIRES, ROLE_LABELS, slot
from portal_coaching.programme.views import STAFF, programme_or_404
from portal_coaching.programme.views_record import fills, record_or_404

routes = Routes()

# --------------------------------------------------------------------------- evaluations (CM-11)

@routes.route("/program/peserta/<int:participant_id>/evaluasi/<kind>/<role>", methods=["GET", "POST"])
@access(*ROLES)
def evaluation(participant_id: int, kind: str, role: str):
    participant, roles = record_or_404(participant_id)
    questionnaire = QUESTIONNAIRES.get(kind)
    if questionnaire is None or questionnaire.per_programme or role not in questionnaire.fillers:
        abort(404)
    if not fills(role, roles, participant):
        abort(403)  # each questionnaire is filled by the right person only (CM-11)
    return _questionnaire(participant.programme, participant, questionnaire, role)


@routes.route("/program/<int:programme_id>/evaluasi/penyelenggara", methods=["GET", "POST"])
@access(*STAFF)
def organiser_evaluation(programme_id: int):
    return _questionnaire(programme_or_404(programme_id), None, QUESTIONNAIRES["kegiatan_penyelenggara"], "sdm")


def _questionnaire(programme, participant, questionnaire, role):
    form = questionnaire_form(questionnaire)
    done = db.session.scalar(select(Evaluation.id).where(
        Evaluation.programme_id == programme.id,
        Evaluation.slot == slot(questionnaire.kind, role, participant.id if participant else None)))
    back = (("coaching.record", {"participant_id": participant.id}) if participant
            else ("coaching.evaluation_summary", {"programme_id": programme.id}))
    if request.method == "POST" and not done:
        if form.validate_on_submit():
            count = len(questionnaire.items)
            scores = {str(i): getattr(form, f"skor_{i}").data for i in range(1, count + 1)}
            comments = {str(i): (getattr(form, f"komentar_{i}").data or "").strip() for i in range(1, count + 1)}
            if commit_or_flash(lambda: workflow.save_evaluation(programme, participant, questionnaire.kind, role,
                                                                scores, comments, current_user),
                               f"{questionnaire.title} tersimpan. Terima kasih."):
                return redirect_to(back[0], **back[1])
        status = 422
    else:
        status = 200
    return render("coaching/program/questionnaire.html", form=form, q=questionnaire, done=done,
                  programme=programme, p=participant, role_label=ROLE_LABELS[role], back=back), status


@routes.route("/program/<int:programme_id>/evaluasi")
@access(*STAFF)
def evaluation_summary(programme_id: int):
    """Averages per item per questionnaire for admin SDM; persons are never named (CM-01, CM-11)."""
    programme = programme_or_404(programme_id)
    rows = db.session.scalars(select(Evaluation).where(Evaluation.programme_id == programme.id)).all()
    summary = []
    for q in QUESTIONNAIRES.values():
        mine = [r for r in rows if r.kind == q.kind]
        items = []
        for index, text in enumerate(q.items, start=1):
            scores = [r.scores.get(str(index)) for r in mine if r.scores.get(str(index))]
            notes = sorted(c for r in mine if (c := r.comments.get(str(index))))
            items.append({"text": text, "avg": (sum(scores) / len(scores)) if scores else None,
                          "count": len(scores), "comments": notes})
        summary.append({"q": q, "responses": len(mine), "rows": items})
    return render("coaching/program/evaluation_summary.html", programme=programme, summary=summary)
