"""Pages under /m/outbound/: my programmes, the organisers' list, the programme form and page,
cancellation."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from portal.sdk import (
    ROLES,
    Unit,
    access,
    commit_or_flash,
    db,
    once_per_form,
    page_number,
    redirect_to,
    render,
    run_step,
    today,
)
from portal_outbound import scope, workflow
from portal_outbound.filters import ProgrammeFilters, organiser_list
from portal_outbound.forms import CancelForm, ParticipantForm, ProgrammeForm
from portal_outbound.jp import ACTIVITIES, GOALS
from portal_outbound.models import STATUS, OutboundParticipant, OutboundProgramme
from portal_outbound.scope import ORGANISERS

bp = Blueprint("outbound", __name__, template_folder="templates")
PER_PAGE = 20


# --------------------------------------------------------------------------- helpers

def programme_or_404(programme_id: int) -> OutboundProgramme:
    programme = scope.visible_or_none(current_user, programme_id)
    if programme is None:
        abort(404)
    return programme


def organised_or_404(programme_id: int) -> OutboundProgramme:
    """The programme, if the user organises it: 404 when unseen, 403 for a mere participant."""
    programme = programme_or_404(programme_id)
    if not scope.can_organise(current_user, programme.unit):
        abort(403)
    return programme


def _unit_choices(form: ProgrammeForm, units: list[Unit]) -> None:
    form.unit_id.choices = [SelectChoice("", "— pilih unit —")] + [
        SelectChoice(str(u.id), f"{u.nama} ({u.eselon_label})") for u in units]


def _chosen_unit(form: ProgrammeForm, units: list[Unit]) -> Unit | None:
    raw = (form.unit_id.data or "").strip()
    unit = next((u for u in units if str(u.id) == raw), None)
    if unit is None:
        form.unit_id.errors = [*form.unit_id.errors, "Pilih unit penyelenggara dari daftar."]
    return unit


# --------------------------------------------------------------------------- lists

@bp.route("/")
@access(*ROLES)
def index():
    mine = list(db.session.scalars(
        select(OutboundParticipant).join(OutboundProgramme)
        .where(OutboundParticipant.employee_id == current_user.employee_id)
        .order_by(OutboundProgramme.tanggal_mulai.desc()).limit(50)))
    return render("outbound/index.html", mine=mine, today=today(),
                  organiser=scope.may_organise(current_user))


@bp.route("/program")
@access(*ORGANISERS)
def programmes():
    filters = ProgrammeFilters.from_request()
    page = db.paginate(organiser_list(current_user, filters), page=page_number(),
                       per_page=PER_PAGE, error_out=False)
    return render("outbound/programmes.html", block="results", page=page, filters=filters,
                  args=filters.as_args(), statuses=STATUS)


# --------------------------------------------------------------------------- programme form

def _form_page(programme: OutboundProgramme | None):
    units = scope.units_for(current_user)
    if not units:
        abort(403)
    if programme is not None and request.method == "GET":
        form = ProgrammeForm(data={
            "unit_id": str(programme.unit_id), "judul": programme.judul,
            "tanggal_mulai": programme.tanggal_mulai.isoformat(),
            "tanggal_selesai": programme.tanggal_selesai.isoformat(),
            "tempat": programme.tempat, "fasilitator": programme.fasilitator,
            "tujuan": programme.tujuan.split(","), "kegiatan": programme.kegiatan.split(","),
            "rangkaian": programme.rangkaian, "sumber_dana": programme.sumber_dana})
    else:
        form = ProgrammeForm()
    _unit_choices(form, units)
    if request.method == "GET" and programme is None and len(units) == 1:
        form.unit_id.data = str(units[0].id)
    status = 200
    if request.method == "POST":
        status = 422
        valid = form.validate_on_submit()
        unit = _chosen_unit(form, units)
        if valid and unit is not None:
            return run_step(lambda: workflow.save_programme(programme, unit, form.values(), current_user),
                            "Program disimpan. Tambahkan peserta di bawah.",
                            lambda saved: redirect_to("outbound.programme", programme_id=saved.id),
                            refused=lambda _error: (render("outbound/programme_form.html", form=form,
                                                           programme=programme), 422),
                            field=form.judul)
    return render("outbound/programme_form.html", form=form, programme=programme), status


@bp.route("/program/baru", methods=["GET", "POST"])
@access(*ORGANISERS)
@once_per_form
def new_programme():
    return _form_page(None)


@bp.route("/program/<int:programme_id>/ubah", methods=["GET", "POST"])
@access(*ORGANISERS)
def edit_programme(programme_id: int):
    programme = organised_or_404(programme_id)
    if not programme.open:
        flash(f"Program ini sudah {programme.status_label.lower()}; datanya tidak dapat diubah.",
              "error")
        return redirect_to("outbound.programme", programme_id=programme.id)
    return _form_page(programme)


# --------------------------------------------------------------------------- programme page

def programme_page(programme: OutboundProgramme, person_form=None, cancel_form=None, matches=(),
                   status: int = 200):
    organiser = scope.can_organise(current_user, programme.unit)
    mine = scope.participant_of(current_user, programme)
    return render(
        "outbound/programme.html", p=programme, organiser=organiser, mine=mine,
        people=programme.participants if organiser else [],
        certificates=workflow.certificates_of(programme), form=person_form or ParticipantForm(),
        cancel_form=cancel_form or CancelForm(), matches=matches, today=today(), goals=GOALS,
        activities=ACTIVITIES), status


@bp.route("/program/<int:programme_id>")
@access(*ROLES)
def programme(programme_id: int):
    return programme_page(programme_or_404(programme_id))


@bp.route("/program/<int:programme_id>/batal", methods=["POST"])
@access(*ORGANISERS)
def cancel_programme(programme_id: int):
    programme = organised_or_404(programme_id)
    form = CancelForm()
    if not form.validate_on_submit():
        return programme_page(programme, cancel_form=form, status=422)
    commit_or_flash(lambda: workflow.cancel(programme, form.alasan.data.strip(), current_user),
                    "Program dibatalkan.")
    return redirect_to("outbound.programme", programme_id=programme.id)
