"""Pages for the organiser's plan (KB-11), external speakers (KB-12) and undoing a wrongly
recorded attendance (core ledger cancel path)."""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import IntegerField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange

from portal.sdk import ROLES, SDM, Routes, access, db, redirect_to, render, run_step, today
from portal_komunitas import attendance, planning, rules, speakers
from portal_komunitas.actions import plan_actions
from portal_komunitas.jp import ROLE_LABELS
from portal_komunitas.models import KomunitasPlan
from portal_komunitas.views import (
    _chosen_unit,
    _meeting_action,
    _meeting_or_404,
    _member_or_403,
    _person_or_404,
    _unit_choices,
    organiser_choices,
)

routes = Routes()


def _text(label: str, limit: int = 8000):
    return TextAreaField(label, validators=[DataRequired(f"{label} wajib diisi."),
                                            Length(max=limit, message=f"{label} paling panjang {limit} karakter.")])


class PlanForm(FlaskForm):
    unit_id = SelectField("Unit penyelenggara", choices=[])
    tahun = IntegerField("Tahun", validators=[DataRequired("Isi tahun, mis. 2026."),
                                              NumberRange(2023, 2100, "Tahun 2023–2100.")])
    kebutuhan = _text("Kebutuhan pengembangan pegawai yang diidentifikasi")
    rencana = _text("Rencana penyelenggaraan (bentuk, topik, perkiraan jadwal)")
    materi = _text("Materi yang diusulkan")
    pemateri = _text("Pemateri/pakar yang diusulkan (pegawai atau pihak luar)")


@routes.route("/rencana", methods=["GET", "POST"])
@access(*ROLES)
def plans():
    units = organiser_choices()
    form = PlanForm()
    _unit_choices(form.unit_id, units)
    if request.method == "GET":
        form.tahun.data = form.tahun.data or today().year
        return _plans_page(form, units, 200)
    if not units:
        abort(403)
    unit = _chosen_unit(form.unit_id, units)
    if not form.validate_on_submit() or unit is None:
        return _plans_page(form, units)
    values = {name: getattr(form, name).data for name in planning.FIELDS}
    return run_step(lambda: planning.report(unit, form.tahun.data, values, current_user),
                    f"Rencana {unit.nama} tahun {form.tahun.data} dilaporkan ke unit SDM (KB-11).",
                    lambda: redirect_to("komunitas.plans"),
                    refused=lambda _error: _plans_page(form, units), field=form.unit_id)


def _plans_page(form: PlanForm, units: list, status: int = 422):
    query = select(KomunitasPlan)
    if not rules.is_sdm(current_user):
        query = query.where(KomunitasPlan.unit_id.in_([u.id for u in units] or [0]))
    rows = list(db.session.scalars(query.order_by(KomunitasPlan.tahun.desc(), KomunitasPlan.id.desc()).limit(200)))
    return render("komunitas/plans.html", form=form, rows=rows, can_report=bool(units),
                  is_sdm=rules.is_sdm(current_user),
                  actions={r.id: plan_actions.allowed(r, current_user) for r in rows}), status


@routes.route("/rencana/<int:plan_id>/terima", methods=["POST"])
@access(*SDM)
def receive_plan(plan_id: int):
    plan = db.session.get(KomunitasPlan, plan_id) or abort(404)
    return run_step(lambda: planning.receive(plan, current_user),
                    f"Rencana {plan.unit.nama} {plan.tahun} diterima (KB-11).",
                    lambda: redirect_to("komunitas.plans"))


@routes.route("/pertemuan/<int:meeting_id>/pihak-luar", methods=["POST"])
@access(*ROLES)
def add_external(meeting_id: int):
    meeting = _meeting_or_404(meeting_id)
    _member_or_403(meeting.proposal.unit)
    form = request.form
    return _meeting_action(meeting, lambda: speakers.add_external(
        meeting, nama=form.get("nama_luar", ""), instansi=form.get("instansi_luar", ""),
        keahlian=form.get("keahlian_luar", ""), role=form.get("role_luar", ""), actor=current_user),
        "Pakar dari luar Kementerian ditambahkan (KB-12); kehadirannya tidak menghasilkan JP.")


@routes.route("/pertemuan/<int:meeting_id>/hadir/<int:person_id>/batal", methods=["POST"])
@access(*ROLES)
def undo_present(meeting_id: int, person_id: int):
    meeting = _meeting_or_404(meeting_id)
    _member_or_403(meeting.proposal.unit)
    person = _person_or_404(meeting, person_id)
    return run_step(lambda: attendance.undo_present(meeting, person, current_user, request.form.get("reason", "")),
                    f"Kehadiran {person.nama} dibatalkan; JP-nya dibatalkan di buku JP dan batas bulanan "
                    "dihitung ulang.", lambda: redirect_to("komunitas.meeting", meeting_id=meeting_id))


@routes.app_template_global()
def komunitas_external_roles(bentuk: str) -> list[tuple[str, str]]:
    return [(role, ROLE_LABELS[role]) for role in speakers.external_roles(bentuk)]


