"""Pages under /m/patok_banding/: the list, a new programme, and the ten steps of Tabel 5."""

from __future__ import annotations

from flask import Blueprint, abort, request
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from portal.sdk import (
    ROLES,
    SDM,
    CostForm,
    Employee,
    Unit,
    access,
    arg,
    db,
    once_per_form,
    page_number,
    parse_id,
    redirect_to,
    render,
    run_step,
    today,
)
from portal.sdk import certificate_settings as settings
from portal.sdk import normalise_nip as normalise
from portal_patok_banding import letters, rules, workflow
from portal_patok_banding.forms import (
    CandidateForm,
    HeadForm,
    LetterForm,
    NeedForm,
    NoteForm,
    ProgramForm,
    ReturnForm,
    ScheduleForm,
    TargetForm,
)
from portal_patok_banding.models import PBNeed, PBParticipant, PBProgram
from portal_patok_banding.steps import ACTORS, EXECUTION, STAGES, STEPS

bp = Blueprint("patok_banding", __name__, template_folder="templates")


# --------------------------------------------------------------------------- helpers

def program_or_404(program_id: int) -> PBProgram:
    program = db.session.get(PBProgram, program_id)
    if program is None or not rules.can_view(current_user, program):
        abort(404)
    return program


def _unit_choices(field, units: list[Unit]) -> None:
    field.choices = [SelectChoice("", "— pilih unit —")] + [
        SelectChoice(str(u.id), f"{u.nama} ({u.eselon_label})") for u in units]


def _chosen(field, units: list[Unit]) -> Unit | None:
    raw = (field.data or "").strip()
    unit = next((u for u in units if u.id == parse_id(raw)), None)
    if unit is None:
        field.errors = [*field.errors, "Pilih unit dari daftar."]
    return unit


def _work_units(program: PBProgram) -> list[Unit]:
    return list(db.session.scalars(select(Unit).where(
        Unit.path.startswith(program.unit.path, autoescape=True)).order_by(Unit.path).limit(500)))


def _letter_form(program: PBProgram, kind: str) -> LetterForm:
    return LetterForm(data={"nomor": letters.default_number(program, kind),
                            "tanggal": today().isoformat()})


def program_page(program: PBProgram, status: int = 200, **forms):
    """The programme page with a form for each step the user may do now."""
    user = current_user
    need_form = forms.get("need_form") or NeedForm()
    _unit_choices(need_form.unit_id, _work_units(program))
    defaults = {
        "target_form": lambda: TargetForm(obj=program),
        "note_form": NoteForm, "return_form": ReturnForm,
        "schedule_form": ScheduleForm, "candidate_form": CandidateForm,
        "head_form": lambda: HeadForm(data={
            "pimpinan_nama": settings.get("certificate.signer_name"),
            "pimpinan_nip": settings.get("certificate.signer_nip"),
            "tanggal_keputusan": today().isoformat()}),
        "usulan_form": lambda: _letter_form(program, "SU"),
        "tugas_form": lambda: _letter_form(program, "ST"),
        "cost_form": lambda: CostForm(obj=program),
    }
    context = {name: forms.get(name) or make() for name, make in defaults.items()}
    nxt = program.next_step
    return render("patok_banding/program.html", p=program, steps=STEPS, actors=ACTORS,
                  stages=STAGES, execution=EXECUTION, need_form=need_form, next=nxt,
                  can_next=nxt is not None and rules.can_act(user, program, nxt),
                  sdm=rules.is_sdm(user), unit_member=rules.is_participant_unit(user, program.unit),
                  mine=rules.participant_of(user, program), **context), status


def _run(program: PBProgram, action, success: str, form_name: str | None = None, form=None):
    """A workflow step (``run_step``): back to the page, or the refusal with the input kept."""
    again = None if form is None else (
        lambda _error: program_page(db.session.get(PBProgram, program.id), 422, **{form_name: form}))
    return run_step(action, success, lambda: redirect_to("patok_banding.program", program_id=program.id),
                    refused=again)


def _form_step(program_id: int, form_cls, form_name: str, action, success: str):
    program = program_or_404(program_id)
    form = form_cls()
    if not form.validate_on_submit():
        return program_page(program, 422, **{form_name: form})
    return _run(program, lambda: action(program, form), success, form_name, form)


# --------------------------------------------------------------------------- list and create

@bp.route("/")
@access(*ROLES)
def index():
    q = arg("q")
    stage = arg("tahap", tuple(STAGES))
    query = (select(PBProgram).join(Unit, PBProgram.unit_id == Unit.id)
             .options(selectinload(PBProgram.steps), selectinload(PBProgram.participants),
                      selectinload(PBProgram.unit))
             .where(rules.visible_filter(current_user)))
    if q:
        query = query.where(or_(PBProgram.judul.ilike(f"%{q}%"), PBProgram.lembaga_tujuan.ilike(f"%{q}%"),
                                Unit.nama.ilike(f"%{q}%")))
    programs = list(db.session.scalars(query.order_by(PBProgram.created_at.desc(), PBProgram.id.desc())
                                       .limit(2000)))
    if stage:
        programs = [p for p in programs if p.stage == stage]
    per_page, page = 20, page_number()
    pages = max(1, -(-len(programs) // per_page))
    page = min(page, pages)
    mine = list(db.session.scalars(select(PBParticipant).where(
        PBParticipant.employee_id == current_user.employee_id, PBParticipant.lolos.is_(True))
        .order_by(PBParticipant.id.desc()).limit(20)))
    return render("patok_banding/index.html", block="results", items=programs[(page - 1) * per_page:page * per_page],
                  total=len(programs), page=page, pages=pages, q=q, stage=stage, stages=STAGES,
                  mine=[m for m in mine if m.program.assigned],
                  can_create=bool(rules.manageable_units(current_user)))


@bp.route("/baru", methods=["GET", "POST"])
@access(*ROLES)
@once_per_form
def create():
    units = rules.manageable_units(current_user)
    if not units:
        abort(403)
    form = ProgramForm()
    _unit_choices(form.unit_id, units)
    if request.method == "GET" and len(units) == 1:
        form.unit_id.data = str(units[0].id)
    status = 200
    if request.method == "POST":
        status = 422
        valid = form.validate_on_submit()
        unit = _chosen(form.unit_id, units)
        if valid and unit is not None:
            return run_step(lambda: workflow.create(unit, form.judul.data.strip(), current_user),
                            "Patok banding dibuat. Catat usulan kebutuhan dari unit kerja (langkah 1).",
                            lambda program: redirect_to("patok_banding.program", program_id=program.id),
                            refused=lambda _error: (render("patok_banding/program_form.html", form=form), 422),
                            field=form.unit_id)
    return render("patok_banding/program_form.html", form=form), status


@bp.route("/<int:program_id>")
@access(*ROLES)
def program(program_id: int):
    return program_page(program_or_404(program_id))


# --------------------------------------------------------------------------- step 1

@bp.route("/<int:program_id>/kebutuhan", methods=["POST"])
@access(*ROLES)
def add_need(program_id: int):
    program = program_or_404(program_id)
    form = NeedForm()
    units = _work_units(program)
    _unit_choices(form.unit_id, units)
    valid = form.validate_on_submit()
    unit = _chosen(form.unit_id, units)
    if not valid or unit is None:
        return program_page(program, 422, need_form=form)
    return _run(program, lambda: workflow.add_need(program, unit, form.values(), current_user),
                "Usulan kebutuhan dicatat.", "need_form", form)


@bp.route("/<int:program_id>/kebutuhan/<int:need_id>/hapus", methods=["POST"])
@access(*ROLES)
def remove_need(program_id: int, need_id: int):
    program = program_or_404(program_id)
    need = db.session.get(PBNeed, need_id)
    if need is None or need.program_id != program.id:
        abort(404)
    return _run(program, lambda: workflow.remove_need(program, need, current_user),
                "Usulan kebutuhan dihapus.")


@bp.route("/<int:program_id>/langkah/kebutuhan", methods=["POST"])
@access(*ROLES)
def finish_needs(program_id: int):
    program = program_or_404(program_id)
    return _run(program, lambda: workflow.finish_needs(program, current_user),
                "Langkah 1 selesai: usulan kebutuhan terkumpul. Verifikasi dan pilih lembaga "
                "tujuan (langkah 2).")


# --------------------------------------------------------------------------- steps 2–4

@bp.route("/<int:program_id>/langkah/verifikasi", methods=["POST"])
@access(*ROLES)
def verify_target(program_id: int):
    return _form_step(program_id, TargetForm, "target_form",
                      lambda p, f: workflow.verify_target(p, f.values(), current_user),
                      "Langkah 2 selesai: lembaga tujuan dipilih dan diajukan ke admin SDM "
                      "untuk ditetapkan (langkah 3).")


@bp.route("/<int:program_id>/langkah/penetapan", methods=["POST"])
@access(*SDM)
def fix_target(program_id: int):
    return _form_step(program_id, NoteForm, "note_form",
                      lambda p, f: workflow.fix_target(p, current_user,
                                                       (f.catatan.data or "").strip()),
                      "Langkah 3 selesai: lembaga tujuan disetujui dan ditetapkan (PB-04).")


@bp.route("/<int:program_id>/kembalikan", methods=["POST"])
@access(*SDM)
def return_target(program_id: int):
    return _form_step(program_id, ReturnForm, "return_form",
                      lambda p, f: workflow.return_target(p, current_user, f.catatan.data.strip()),
                      "Lembaga tujuan dikembalikan ke unit organisasi peserta (langkah 2).")


@bp.route("/<int:program_id>/langkah/jadwal", methods=["POST"])
@access(*SDM)
def schedule(program_id: int):
    return _form_step(program_id, ScheduleForm, "schedule_form",
                      lambda p, f: workflow.schedule(p, f.values(), current_user),
                      "Langkah 4 selesai: jadwal pelaksanaan disepakati dengan lembaga tujuan.")


# --------------------------------------------------------------------------- step 5

@bp.route("/<int:program_id>/kandidat", methods=["POST"])
@access(*SDM)
def add_candidate(program_id: int):
    program = program_or_404(program_id)
    form = CandidateForm()
    if not form.validate_on_submit():
        return program_page(program, 422, candidate_form=form)
    employee = db.session.scalar(select(Employee).where(
        Employee.nip == normalise(form.nip.data)[:18]))
    if employee is None:
        form.nip.errors = [*form.nip.errors, "Pegawai dengan NIP ini tidak ditemukan."]
        return program_page(program, 422, candidate_form=form)
    reason = (form.alasan_kelayakan.data or "").strip()
    return _run(program, lambda: workflow.add_candidate(program, employee, form.values(), current_user,
                                                        override_reason=reason),
                f"{employee.nama} dicatat pada seleksi administrasi.", "candidate_form", form)


@bp.route("/<int:program_id>/kandidat/<int:person_id>/hapus", methods=["POST"])
@access(*SDM)
def remove_candidate(program_id: int, person_id: int):
    program = program_or_404(program_id)
    person = db.session.get(PBParticipant, person_id)
    if person is None or person.program_id != program.id:
        abort(404)
    return _run(program, lambda: workflow.remove_candidate(program, person, current_user),
                "Kandidat dihapus dari seleksi.")


@bp.route("/<int:program_id>/langkah/seleksi", methods=["POST"])
@access(*SDM)
def finish_selection(program_id: int):
    program = program_or_404(program_id)
    return _run(program, lambda: workflow.finish_selection(program, current_user),
                "Langkah 5 selesai: prioritas pegawai ditetapkan. Usulkan nama kepada pimpinan "
                "(langkah 6).")


# --------------------------------------------------------------------------- steps 6–8

@bp.route("/<int:program_id>/langkah/usulan-nama", methods=["POST"])
@access(*SDM)
def head_decision(program_id: int):
    return _form_step(program_id, HeadForm, "head_form",
                      lambda p, f: workflow.head_decision(p, f.values(), current_user),
                      "Langkah 6 selesai: persetujuan pimpinan atas nama peserta dicatat.")


@bp.route("/<int:program_id>/langkah/surat-usulan", methods=["POST"])
@access(*SDM)
def proposal_letter(program_id: int):
    return _form_step(program_id, LetterForm, "usulan_form",
                      lambda p, f: workflow.proposal_letter(p, f.values(), current_user),
                      "Langkah 7 selesai: surat pengusulan dibuat; unduh PDF dan kirim ke lembaga "
                      "tujuan.")


@bp.route("/<int:program_id>/langkah/penugasan", methods=["POST"])
@access(*SDM)
def assign(program_id: int):
    return _form_step(program_id, LetterForm, "tugas_form",
                      lambda p, f: workflow.assign(p, f.values(), current_user),
                      "Langkah 8 selesai: surat penugasan diterbitkan; pegawai diminta menyatakan "
                      "menerimanya (langkah 9).")


# --------------------------------------------------------------------------- steps 9–10

@bp.route("/<int:program_id>/terima-penugasan", methods=["POST"])
@access(*ROLES)
def acknowledge(program_id: int):
    program = program_or_404(program_id)
    person = rules.participant_of(current_user, program)
    if person is None:
        abort(403)
    return _run(program, lambda: workflow.acknowledge(program, person, current_user),
                "Anda menyatakan menerima surat penugasan patok banding.")


@bp.route("/<int:program_id>/langkah/biaya", methods=["POST"])
@access(*ROLES)
def record_costs(program_id: int):
    return _form_step(program_id, CostForm, "cost_form",
                      lambda p, f: workflow.record_costs(p, f, current_user),
                      "Langkah 10 selesai: biaya ditanggung unit organisasi peserta dicatat. "
                      "Persiapan selesai; peserta mencatat pelaksanaan (PB-03).")
