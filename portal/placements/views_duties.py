"""POST steps for the sending and host units' duties on a placement page: the host sends the
participant back (A.d.3.a.2, B.5.c.3), costs and funding (A.9, G-07), the check on the unit
left behind (A.d.6.c) and the career follow-up (A.d.6.b). Refusals re-show the page (422)."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from portal.access import ADMINS, MANAGERS, ROLES, access
from portal.clock import today
from portal.costs import CostForm
from portal.placements import followup, funding, host_return
from portal.placements.kinds import kind_or_404
from portal.placements.views import detail_page, parse_date, placement_or_404
from portal.placements.views_actions import _step
from portal.routes import Routes
from portal.web import redirect_to, run_step

routes = Routes()


@routes.route("/<kind>/<int:placement_id>/kembalikan", methods=["POST"])
@access(*ROLES)
def send_back(kind: str, placement_id: int):
    form = request.form
    return _step(kind, placement_id, "kembalikan", "Peserta dikembalikan ke instansi asal; tidak ada JP.",
                 lambda s, p: host_return.send_back(s, p, current_user, reason=form.get("return_reason", ""),
                                                    decided_by=form.get("decided_by", ""),
                                                    on_date=parse_date(form.get("returned_on")), today=today()))


@routes.route("/<kind>/<int:placement_id>/biaya", methods=["POST"])
@access(*ADMINS)
def costs(kind: str, placement_id: int):
    spec = kind_or_404(kind)
    placement = placement_or_404(spec, placement_id)
    form = CostForm()
    if not form.validate_on_submit():
        return detail_page(spec, placement, ("biaya", "Periksa isian biaya (G-07)."), 422, cost_form=form)
    return run_step(lambda: funding.record_costs(spec, placement, current_user, form),
                    "Biaya dan sumber dana tercatat (G-07).",
                    lambda: redirect_to("placements.detail", kind=spec.slug, placement_id=placement_id),
                    refused=lambda error: detail_page(spec, placement_or_404(spec, placement_id),
                                                      ("biaya", str(error)), 422, cost_form=form),
                    flash_refusal=False)


@routes.route("/<kind>/<int:placement_id>/unit-ditinggalkan", methods=["POST"])
@access(*MANAGERS)
def continuity(kind: str, placement_id: int):
    return _step(kind, placement_id, "unit_ditinggalkan", "Pemeriksaan unit yang ditinggalkan tersimpan.",
                 lambda s, p: followup.set_continuity(s, p, current_user, request.form.get("continuity_note", "")))


@routes.route("/<kind>/<int:placement_id>/tindak-lanjut", methods=["POST"])
@access(*ADMINS)
def career_followup(kind: str, placement_id: int):
    form = request.form
    return _step(kind, placement_id, "tindak_lanjut", "Tindak lanjut karier tersimpan.",
                 lambda s, p: followup.add_followup(s, p, current_user, key=form.get("followup_kind", ""),
                                                    on_date=parse_date(form.get("followup_on")),
                                                    description=form.get("description", ""), today=today()))
