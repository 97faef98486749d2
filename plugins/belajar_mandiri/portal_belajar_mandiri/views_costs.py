"""Costs the participant unit bears for an assignment (Tabel 6 persiapan 6, G-07; portal.costs)."""

from __future__ import annotations

from flask import abort, flash
from flask_login import current_user

from portal.sdk import CostForm, Routes, access, db, redirect_to
from portal_belajar_mandiri import rules, workflow
from portal_belajar_mandiri.views import UNIT_ROLES, assignment_or_404, assignment_page

routes = Routes()


@routes.route("/penugasan/<int:assignment_id>/biaya", methods=["POST"])
@access(*UNIT_ROLES)
def record_costs(assignment_id: int):
    a = assignment_or_404(assignment_id)
    if not rules.is_unit_manager(current_user, a.unit):
        abort(403)
    form = CostForm()
    if not form.validate_on_submit():
        return assignment_page(a, 422, cost_form=form)
    workflow.record_costs(a, form)
    db.session.commit()
    flash(f"Biaya yang ditanggung unit peserta dicatat ({rules.BM_01}, G-07).", "success")
    return redirect_to("belajar_mandiri.assignment", assignment_id=a.id)
