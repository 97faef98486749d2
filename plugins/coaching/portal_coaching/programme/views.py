"""Admin SDM pages of the programme under /m/coaching/program/: profiles (CM-03), coaching
clinic records (CM-04), coaches (G-04), participants (G-03, CM-04, CM-12), re-assessments (CM-03)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user
from sqlalchemy import exists, func, or_, select
from wtforms.fields.choices import SelectChoice

from portal.sdk import (
    ROLES,
    TALENTA,
    Employee,
    EmployeeGap,
    access,
    arg,
    commit_or_flash,
    db,
    once_per_form,
    page_number,
    redirect_to,
    render,
    send_stored,
    today,
)
from portal.sdk import check_eligibility as check
from portal.sdk import normalise_nip as normalise
from portal.sdk import store_upload as store
from portal_coaching.jp import SLUG
from portal_coaching.programme import rules, workflow
from portal_coaching.programme.catalogue import TABEL_2
from portal_coaching.programme.forms import ClinicForm, CoachForm, ParticipantForm, ProgrammeForm
from portal_coaching.programme.models import Clinic, Coach, CoacheeStatus, Participant, Programme
from portal_coaching.programme.workflow import FLOW, WorkflowError

bp = Blueprint("coaching", __name__, template_folder="../templates")
STAFF = ("admin_sdm",)  # the HR unit's programme staff (CM-01)
PER_PAGE = 20


def employee_by_nip(raw: str) -> Employee | None:
    return db.session.scalar(select(Employee).where(Employee.nip == normalise(raw or "")[:18]))


def _person_matches(q: str):
    """Name contains / NIP starts with ``q``; wildcards typed by the user are taken literally."""
    return or_(func.lower(Employee.nama).contains(q.lower(), autoescape=True),
               Employee.nip.startswith(q, autoescape=True))


def programme_or_404(programme_id: int) -> Programme:
    programme = db.session.get(Programme, programme_id)
    if programme is None:
        abort(404)
    return programme


# --------------------------------------------------------------------------- home

@bp.route("/program/")
@access(*ROLES)
def index():
    """Coaching saya (coachee, coach, mentor) and, for admin SDM, the programmes."""
    me = current_user.employee_id
    mine = db.session.scalars(select(Participant).join(Coach).where(or_(
        Participant.employee_id == me, Participant.mentor_id == me, Coach.employee_id == me))
        .order_by(Participant.id.desc()).limit(100)).all()
    page = None
    q = arg("q")
    if rules.is_programme_staff(current_user):
        query = select(Programme).order_by(Programme.tanggal_mulai.desc(), Programme.id.desc())
        if q:
            query = query.where(func.lower(Programme.nama).contains(q.lower(), autoescape=True))
        page = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    return render("coaching/program/index.html", mine=mine, page=page, q=q,
                  roles={p.id: rules.roles_in(current_user, p) for p in mine})


@bp.route("/program/kartu")
@access(*ROLES)
def card():
    me = current_user.employee_id
    active = db.session.scalars(select(Participant).join(Coach).where(
        Participant.status == CoacheeStatus.AKTIF,
        or_(Participant.employee_id == me, Participant.mentor_id == me, Coach.employee_id == me))
        .limit(5)).all()
    return render("coaching/program/card.html", block="card", active=active,
                  staff=rules.is_programme_staff(current_user))


# --------------------------------------------------------------------------- programme profile (CM-03)

@bp.route("/program/baru", methods=["GET", "POST"])
@access(*STAFF)
@once_per_form
def new_programme():
    return _programme_form(None)


@bp.route("/program/<int:programme_id>/ubah", methods=["GET", "POST"])
@access(*STAFF)
def edit_programme(programme_id: int):
    return _programme_form(programme_or_404(programme_id))


def _programme_form(programme: Programme | None):
    form = ProgrammeForm(obj=programme)
    if request.method == "POST":
        saved = {}
        if form.validate_on_submit() and commit_or_flash(
                lambda: saved.setdefault("p", workflow.save_programme(programme, form.values(), current_user)),
                "Profil program disimpan."):
            return redirect_to("coaching.programme", programme_id=saved["p"].id)
        return render("coaching/program/programme_form.html", form=form, programme=programme), 422
    return render("coaching/program/programme_form.html", form=form, programme=programme)


@bp.route("/program/<int:programme_id>")
@access(*STAFF)
def programme(programme_id: int):
    programme = programme_or_404(programme_id)
    progress = {}
    for p in programme.participants:
        dates = [x.tanggal for x in p.logs if x.author == "coachee"]
        progress[p.id] = {"confirmed": sum(1 for x in p.logs if x.paraf_at), "logged": len(dates),
                          "warnings": rules.month_warnings(programme.tanggal_mulai, dates, today())}
    return render("coaching/program/programme.html", programme=programme, tabel_2=TABEL_2, progress=progress,
                  weeks=rules.eight_weeks(programme.tanggal_mulai), today=today())


# --------------------------------------------------------------------------- participants (G-03, CM-04, CM-12)

def candidates(programme: Programme, q: str):
    """Employees with an assessment gap or a coaching clinic / need record (Lamp. H.III.1.d)."""
    has_gap = exists().where(EmployeeGap.employee_id == Employee.id)
    has_clinic = exists().where(Clinic.employee_id == Employee.id)
    joined = select(Participant.employee_id).where(Participant.programme_id == programme.id)
    query = select(Employee).where(or_(has_gap, has_clinic), Employee.id.not_in(joined))
    if q:
        query = query.where(_person_matches(q))
    return query.order_by(Employee.nama, Employee.id)


@bp.route("/program/<int:programme_id>/kandidat")
@access(*STAFF)
def candidates_page(programme_id: int):
    programme = programme_or_404(programme_id)
    q = arg("q")
    page = db.paginate(candidates(programme, q), page=page_number(), per_page=PER_PAGE, error_out=False)
    answers = {e.id: check(e, SLUG, programme.tanggal_mulai, FLOW) for e in page.items}
    return render("coaching/program/candidates.html", block="results", programme=programme, page=page, q=q,
                  answers=answers, form=_participant_form())


def _participant_form() -> ParticipantForm:
    form = ParticipantForm()
    coaches = db.session.scalars(select(Coach).order_by(Coach.nama).limit(500)).all()
    form.coach_id.choices = [SelectChoice("", "— pilih coach —")] + [SelectChoice(str(c.id), c.label)
                                                                     for c in coaches]
    return form


@bp.route("/program/<int:programme_id>/peserta", methods=["POST"])
@access(*STAFF)
def add_participant(programme_id: int):
    programme = programme_or_404(programme_id)
    form = _participant_form()
    if not form.validate_on_submit():
        flash(" ".join(e for errors in form.errors.values() for e in errors), "error")
        return redirect_to("coaching.candidates_page", programme_id=programme.id)
    employee = db.session.get(Employee, int(form.employee_id.data)) if form.employee_id.data.isdigit() else None
    coach = db.session.get(Coach, int(form.coach_id.data))
    if employee is None or coach is None:
        abort(404)
    mentor = employee_by_nip(form.mentor_nip.data) if form.mentor_nip.data else employee.supervisor
    if mentor is None:
        flash("Mentor tidak ditemukan: coachee belum memiliki atasan langsung; isi NIP mentor dan "
              "alasannya (CM-12).", "error")
        return redirect_to("coaching.candidates_page", programme_id=programme.id)
    reason = request.form.get("alasan_kelayakan", "")[:1000]
    if commit_or_flash(lambda: workflow.add_participant(
            programme, employee, coach, mentor, form.mentor_alasan.data or "", form.penguji.data.strip(),
            current_user, override_reason=reason), f"{employee.nama} ditambahkan sebagai coachee."):
        return redirect_to("coaching.programme", programme_id=programme.id)
    return redirect_to("coaching.candidates_page", programme_id=programme.id)


# --------------------------------------------------------------------------- coaching clinic (CM-04)

@bp.route("/program/klinik", methods=["GET", "POST"])
@access(*TALENTA)
def clinics():
    form = ClinicForm()
    status = 200
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            employee = employee_by_nip(form.nip.data)
            if employee is None:
                form.nip.errors = [*form.nip.errors, "Pegawai dengan NIP ini tidak ditemukan."]
            elif commit_or_flash(lambda: workflow.record_clinic(
                    employee, form.jenis.data, form.tanggal.date, form.catatan.data or "", current_user),
                    f"Catatan coaching clinic {employee.nama} disimpan."):
                return redirect_to("coaching.clinics")
    q = arg("q")
    query = select(Clinic).join(Employee).order_by(Clinic.tanggal.desc(), Clinic.id.desc())
    if q:
        query = query.where(_person_matches(q))
    page = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    return render("coaching/program/clinics.html", block="results", form=form, page=page, q=q), status


# --------------------------------------------------------------------------- coaches (G-04)

@bp.route("/program/coach", methods=["GET", "POST"])
@access(*STAFF)
def coaches():
    form = CoachForm()
    status = 200
    if request.method == "POST":
        status = 422
        if form.validate_on_submit() and _save_coach(form):
            return redirect_to("coaching.coaches")
    page = db.paginate(select(Coach).order_by(Coach.nama, Coach.id), page=page_number(), per_page=PER_PAGE,
                       error_out=False)
    return render("coaching/program/coaches.html", form=form, page=page, g04=rules.G04_ITEMS), status


def _save_coach(form: CoachForm) -> bool:
    employee = None
    if form.jenis.data == "internal":
        employee = employee_by_nip(form.nip.data)
        if employee is None:
            form.nip.errors = [*form.nip.errors, "Isi NIP pegawai yang terdaftar untuk coach internal."]
            return False
    elif not (form.nama.data or "").strip():
        form.nama.errors = [*form.nama.errors, "Isi nama coach eksternal."]
        return False
    values = {"nama": (form.nama.data or "").strip(), "instansi": (form.instansi.data or "").strip(),
              "kontak": (form.kontak.data or "").strip(),
              **{key: bool(getattr(form, key).data) for key, _ in rules.G04_ITEMS}}
    upload = form.sertifikat.data

    def action():
        coach = workflow.save_coach(values, employee, current_user)
        refusal = rules.coach_refusal(coach)
        if refusal:
            raise WorkflowError(refusal)
        if upload and getattr(upload, "filename", ""):
            coach.sertifikat = store(upload, current_user.employee_id)

    return commit_or_flash(action, "Coach didaftarkan.")


@bp.route("/program/coach/<int:coach_id>/sertifikat")
@access(*STAFF)
def coach_certificate(coach_id: int):
    coach = db.session.get(Coach, coach_id)
    if coach is None or coach.sertifikat is None:
        abort(404)
    return send_stored(coach.sertifikat, f"sertifikat-coach-{coach.nama}")


# --------------------------------------------------------------------------- re-assessment (CM-03)

@bp.route("/program/reasesmen")
@access(*TALENTA)
def reassessments():
    """For the talent unit: re-assessments due (within 6 months of completion) and overdue."""
    state = arg("status", ("jatuh_tempo", "terlambat", "selesai"))
    query = select(Participant).where(Participant.status == CoacheeStatus.SELESAI).order_by(Participant.reasesmen_batas)
    if state == "selesai":
        query = query.where(Participant.reasesmen_pada.is_not(None))
    elif state == "terlambat":
        query = query.where(Participant.reasesmen_pada.is_(None), Participant.reasesmen_batas < today())
    elif state == "jatuh_tempo":
        query = query.where(Participant.reasesmen_pada.is_(None), Participant.reasesmen_batas >= today())
    else:
        query = query.where(Participant.reasesmen_pada.is_(None))
    page = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    return render("coaching/program/reassessments.html", block="results", page=page, state=state, today=today(),
                  is_staff=rules.is_programme_staff(current_user))
