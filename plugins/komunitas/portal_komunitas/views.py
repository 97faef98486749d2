"""Pages under /m/komunitas/: koordinator, proposals, meetings and attendance."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask_login import current_user
from sqlalchemy import or_, select
from wtforms.fields.choices import SelectChoice

from portal.sdk import (
    ADMINS,
    ROLES,
    SDM,
    Employee,
    Unit,
    access,
    commit_or_flash,
    db,
    manageable_units,
    once_per_form,
    parse_id,
    redirect_to,
    render,
    run_step,
    today,
)
from portal.sdk import normalise_nip as normalise
from portal_komunitas import rules, workflow
from portal_komunitas.actions import proposal_actions
from portal_komunitas.forms import CoordinatorForm, MeetingForm, NoteForm, PersonForm, ProgressForm, ProposalForm
from portal_komunitas.jp import FORMS, ROLE_LABELS, SPEAKER_ROLES
from portal_komunitas.models import PROPOSAL_STATUS, Coordinator, Meeting, MeetingPerson, Proposal, ProposalStatus

bp = Blueprint("komunitas", __name__, template_folder="templates")
SEARCH_LIMIT = 20


# --------------------------------------------------------------------------- helpers

def _int(raw: str | None) -> int | None:
    return parse_id(raw)


def _proposal_or_404(proposal_id: int) -> Proposal:
    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None or not rules.can_view_proposal(current_user, proposal):
        abort(404)
    return proposal


def _meeting_or_404(meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None or not rules.can_view_meeting(current_user, meeting):
        abort(404)
    return meeting


def _member_or_403(unit: Unit) -> None:
    if not rules.is_member(current_user, unit):
        abort(403)


def organiser_choices() -> list[Unit]:
    """Units the user may organise for: coordinated units and administered units."""
    coordinated = rules.coordinated_unit_ids(current_user)
    query = select(Unit).where(or_(Unit.id.in_(coordinated), manageable_units(current_user)))
    return list(db.session.scalars(query.order_by(Unit.path).limit(500)))


def _unit_choices(form_field, units: list[Unit]) -> None:
    form_field.choices = [SelectChoice("", "— pilih unit —")] + [
        SelectChoice(str(u.id), f"{u.nama} ({u.eselon_label})") for u in units]


def _chosen_unit(form_field, units: list[Unit]) -> Unit | None:
    unit_id = _int(form_field.data)
    unit = next((u for u in units if u.id == unit_id), None)
    if unit is None:
        form_field.errors = [*form_field.errors, "Pilih unit dari daftar."]
    return unit


def visible_proposals():
    """Proposals the user may see: own units (koordinator/admin), headed units, all for SDM."""
    query = select(Proposal).join(Unit, Proposal.unit_id == Unit.id)
    if not rules.is_sdm(current_user):
        query = query.where(or_(
            Proposal.unit_id.in_(rules.coordinated_unit_ids(current_user)),
            manageable_units(current_user), Unit.head_id == current_user.employee_id))
    return query.order_by(Proposal.created_at.desc(), Proposal.id.desc())


# --------------------------------------------------------------------------- home

@bp.route("/")
@access(*ROLES)
def index():
    mine = db.session.execute(
        select(MeetingPerson, Meeting).join(Meeting)
        .where(MeetingPerson.employee_id == current_user.employee_id)
        .order_by(Meeting.tanggal.desc()).limit(50)).all()
    joined = {m.id for _, m in mine}
    open_meetings = [m for m in db.session.scalars(
        select(Meeting).join(Proposal)
        .where(Meeting.pendaftaran_terbuka.is_(True), Meeting.tanggal >= today(),
               Proposal.status == ProposalStatus.DISETUJUI)
        .order_by(Meeting.tanggal).limit(50)) if m.id not in joined]
    proposals = list(db.session.scalars(visible_proposals().limit(10)))
    return render("komunitas/index.html", mine=mine, open_meetings=open_meetings,
                  proposals=proposals, forms=FORMS, roles=ROLE_LABELS,
                  can_propose=bool(organiser_choices()), is_admin=current_user.has_any(*ADMINS))


# --------------------------------------------------------------------------- koordinator (KB-02)

@bp.route("/koordinator", methods=["GET", "POST"])
@access(*ADMINS)
def coordinators():
    units = list(db.session.scalars(select(Unit).where(manageable_units(current_user))
                                    .order_by(Unit.path).limit(500)))
    form = CoordinatorForm()
    _unit_choices(form.unit_id, units)
    status = 200
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            unit = _chosen_unit(form.unit_id, units)
            employee = db.session.scalar(select(Employee).where(
                Employee.nip == normalise(form.nip.data)[:18]))
            if employee is None:
                form.nip.errors = [*form.nip.errors, "Pegawai dengan NIP ini tidak ditemukan."]
            if unit is not None and employee is not None:
                appointed = commit_or_flash(
                    lambda: workflow.appoint(unit, employee, current_user),
                    f"{employee.nama} ditunjuk sebagai koordinator komunitas belajar {unit.nama} (KB-02).")
                if appointed:
                    return redirect_to("komunitas.coordinators")
    current = db.session.execute(
        select(Coordinator, Unit).join(Unit, Coordinator.unit_id == Unit.id)
        .where(manageable_units(current_user)).order_by(Unit.path)).all()
    return render("komunitas/coordinators.html", form=form, current=current), status


# --------------------------------------------------------------------------- proposals (KB-03/04)

@bp.route("/usulan")
@access(*ROLES)
def proposals():
    status = request.args.get("status", "")
    query = visible_proposals()
    if status in PROPOSAL_STATUS:
        query = query.where(Proposal.status == status)
    page = db.paginate(query, page=_int(request.args.get("page")) or 1, per_page=20,
                       error_out=False)
    return render("komunitas/proposals.html", page=page, status=status, statuses=PROPOSAL_STATUS,
                  forms=FORMS, can_propose=bool(organiser_choices()))


def _proposal_form(proposal: Proposal | None):
    units = organiser_choices()
    if not units:
        abort(403)
    form = ProposalForm(obj=None) if proposal is None or request.method == "POST" else ProposalForm(
        data={"unit_id": str(proposal.unit_id), "latar_belakang": proposal.latar_belakang,
              "topik": proposal.topik, "bentuk": proposal.bentuk, "target": proposal.target,
              "lingkup": "lintas" if proposal.lintas_unit else "satu",
              "peserta": proposal.peserta, "jadwal": proposal.jadwal, "tempat": proposal.tempat})
    _unit_choices(form.unit_id, units)
    if request.method == "GET" and proposal is None and len(units) == 1:
        form.unit_id.data = str(units[0].id)
    status = 200
    if request.method == "POST":
        status = 422
        valid = form.validate_on_submit()
        unit = _chosen_unit(form.unit_id, units)
        if valid and unit is not None:
            return run_step(lambda: workflow.save_proposal(proposal, unit, form.values(), current_user),
                            "Usulan disimpan sebagai draf. Periksa lalu ajukan ke pimpinan unit.",
                            lambda saved: redirect_to("komunitas.proposal", proposal_id=saved.id),
                            refused=lambda _error: (render("komunitas/proposal_form.html", form=form,
                                                           proposal=proposal), 422),
                            field=form.unit_id)
    return render("komunitas/proposal_form.html", form=form, proposal=proposal), status


@bp.route("/usulan/baru", methods=["GET", "POST"])
@access(*ROLES)
@once_per_form
def new_proposal():
    return _proposal_form(None)


@bp.route("/usulan/<int:proposal_id>/ubah", methods=["GET", "POST"])
@access(*ROLES)
def edit_proposal(proposal_id: int):
    proposal = _proposal_or_404(proposal_id)
    _member_or_403(proposal.unit)
    if not proposal.editable:
        flash("Usulan yang sudah diajukan atau disetujui tidak dapat diubah; usulan hanya dapat "
              "diubah setelah dikembalikan (KB-04).", "error")
        return redirect_to("komunitas.proposal", proposal_id=proposal.id)
    return _proposal_form(proposal)


def _proposal_page(proposal: Proposal, note_form=None, progress_form=None, status: int = 200):
    user = current_user
    member = rules.is_member(user, proposal.unit)
    return render("komunitas/proposal.html", p=proposal, forms=FORMS,
                  member=member, actions=proposal_actions.allowed(proposal, user),
                  note_form=note_form or NoteForm(),
                  progress_form=progress_form or ProgressForm(),
                  koordinator=rules.coordinator_of(proposal.unit_id)), status


@bp.route("/usulan/<int:proposal_id>")
@access(*ROLES)
def proposal(proposal_id: int):
    return _proposal_page(_proposal_or_404(proposal_id))


def _transition(proposal: Proposal, action, success: str):
    return run_step(action, success, lambda: redirect_to("komunitas.proposal", proposal_id=proposal.id))


@bp.route("/usulan/<int:proposal_id>/ajukan", methods=["POST"])
@access(*ROLES)
def submit_proposal(proposal_id: int):
    proposal = _proposal_or_404(proposal_id)
    _member_or_403(proposal.unit)
    return _transition(proposal, lambda: workflow.submit(proposal),
                       "Usulan diajukan dan menunggu tanda tangan pimpinan unit (KB-03).")


@bp.route("/usulan/<int:proposal_id>/tandatangani", methods=["POST"])
@access("pimpinan_unit")
def sign_proposal(proposal_id: int):
    proposal = _proposal_or_404(proposal_id)
    if not rules.is_head(current_user, proposal.unit):
        abort(403)
    return _transition(proposal, lambda: workflow.sign(proposal, current_user),
                       "Usulan ditandatangani dan diteruskan ke admin SDM untuk verifikasi (KB-04).")


@bp.route("/usulan/<int:proposal_id>/setujui", methods=["POST"])
@access(*SDM)
def approve_proposal(proposal_id: int):
    proposal = _proposal_or_404(proposal_id)
    return _transition(proposal, lambda: workflow.approve(proposal, current_user),
                       "Usulan disetujui: penyelenggara dapat menjadwalkan pertemuan (KB-04).")


@bp.route("/usulan/<int:proposal_id>/kembalikan", methods=["POST"])
@access("pimpinan_unit", *SDM)
def return_proposal(proposal_id: int):
    proposal = _proposal_or_404(proposal_id)
    head = rules.is_head(current_user, proposal.unit) and proposal.status == ProposalStatus.MENUNGGU_PIMPINAN
    if not (head or rules.is_sdm(current_user)):
        abort(403)
    form = NoteForm()
    if not form.validate_on_submit():
        return _proposal_page(proposal, note_form=form, status=422)
    return _transition(proposal,
                       lambda: workflow.return_(proposal, current_user, form.catatan.data.strip()),
                       "Usulan dikembalikan ke penyelenggara dengan catatan.")


@bp.route("/usulan/<int:proposal_id>/monitoring", methods=["POST"])
@access(*ROLES)
def add_progress(proposal_id: int):
    proposal = _proposal_or_404(proposal_id)
    _member_or_403(proposal.unit)
    form = ProgressForm()
    if not form.validate_on_submit():
        return _proposal_page(proposal, progress_form=form, status=422)
    workflow.add_note(proposal, form.kemajuan.data.strip(), (form.hambatan.data or "").strip(),
                      current_user)
    db.session.commit()
    flash("Catatan monitoring disimpan (KB-10).", "success")
    return redirect_to("komunitas.proposal", proposal_id=proposal.id)


# --------------------------------------------------------------------------- meetings

@bp.route("/usulan/<int:proposal_id>/pertemuan/baru", methods=["GET", "POST"])
@access(*ROLES)
@once_per_form
def new_meeting(proposal_id: int):
    proposal = _proposal_or_404(proposal_id)
    _member_or_403(proposal.unit)
    form = MeetingForm()

    def page(status: int = 422):
        return render("komunitas/meeting_form.html", form=form, p=proposal, forms=FORMS), status

    if request.method == "GET":
        if refusal := workflow.schedule_refusal(proposal):
            flash(refusal, "error")
            return redirect_to("komunitas.proposal", proposal_id=proposal.id)
        return page(200)
    if not form.validate_on_submit():
        return page()
    return run_step(lambda: workflow.schedule(proposal, form.values(), current_user),
                    "Pertemuan dijadwalkan. Tambahkan pemateri/pakar dan peserta.",
                    lambda meeting: redirect_to("komunitas.meeting", meeting_id=meeting.id),
                    refused=lambda _error: page(), field=form.tanggal)


def _meeting_page(meeting: Meeting, person_form=None, matches=(), status: int = 200):
    member = rules.is_member(current_user, meeting.proposal.unit)
    roles = ("peserta",) + SPEAKER_ROLES.get(meeting.proposal.bentuk, ())
    form = person_form or PersonForm()
    form.role.choices = [SelectChoice(r, ROLE_LABELS[r]) for r in roles]
    mine = rules.person_in(meeting, current_user.employee_id)
    people = meeting.people if (member or rules.can_view_proposal(current_user, meeting.proposal)) \
        else [p for p in meeting.people if p.employee_id == current_user.employee_id]
    return render("komunitas/meeting.html", m=meeting, p=meeting.proposal, member=member,
                  people=people, mine=mine, form=form, matches=matches, forms=FORMS,
                  roles=ROLE_LABELS, today=today()), status


@bp.route("/pertemuan/<int:meeting_id>")
@access(*ROLES)
def meeting(meeting_id: int):
    return _meeting_page(_meeting_or_404(meeting_id))


@bp.route("/pertemuan/<int:meeting_id>/orang", methods=["POST"])
@access(*ROLES)
def add_person(meeting_id: int):
    meeting = _meeting_or_404(meeting_id)
    _member_or_403(meeting.proposal.unit)
    form = PersonForm()
    roles = ("peserta",) + SPEAKER_ROLES.get(meeting.proposal.bentuk, ())
    form.role.choices = [SelectChoice(r, ROLE_LABELS[r]) for r in roles]
    chosen = _int(form.employee_id.data)
    employee = db.session.get(Employee, chosen) if chosen else None
    if employee is None:
        if not form.validate_on_submit():
            return _meeting_page(meeting, form, status=422)
        text = form.q.data.strip()
        digits = normalise(text)
        if digits.isdigit():
            matches = list(db.session.scalars(select(Employee).where(
                Employee.nip.startswith(digits[:18])).order_by(Employee.nama).limit(SEARCH_LIMIT)))
        else:
            matches = list(db.session.scalars(select(Employee).where(
                Employee.nama.ilike(f"%{text[:100]}%")).order_by(Employee.nama).limit(SEARCH_LIMIT)))
        if len(matches) != 1:
            if not matches:
                form.q.errors = [*form.q.errors, "Tidak ada pegawai dengan NIP atau nama ini."]
            return _meeting_page(meeting, form, matches=matches, status=200 if matches else 422)
        employee = matches[0]
    role = form.role.data or "peserta"
    return run_step(lambda: workflow.add_person(meeting, employee, role, actor=current_user,
                                                override_reason=form.alasan_kelayakan.data or ""),
                    f"{employee.nama} ditambahkan sebagai {ROLE_LABELS[role].lower()}.",
                    lambda: redirect_to("komunitas.meeting", meeting_id=meeting_id),
                    refused=lambda _error: _meeting_page(_meeting_or_404(meeting_id), form, status=422),
                    field=form.q)


def _person_or_404(meeting: Meeting, person_id: int) -> MeetingPerson:
    person = db.session.get(MeetingPerson, person_id)
    if person is None or person.meeting_id != meeting.id:
        abort(404)
    return person


def _meeting_action(meeting: Meeting, action, success: str):
    return run_step(action, success, lambda: redirect_to("komunitas.meeting", meeting_id=meeting.id))


@bp.route("/pertemuan/<int:meeting_id>/orang/<int:person_id>/hapus", methods=["POST"])
@access(*ROLES)
def remove_person(meeting_id: int, person_id: int):
    meeting = _meeting_or_404(meeting_id)
    _member_or_403(meeting.proposal.unit)
    person = _person_or_404(meeting, person_id)
    return _meeting_action(meeting, lambda: workflow.remove_person(person),
                           "Pegawai dihapus dari pertemuan.")


@bp.route("/pertemuan/<int:meeting_id>/hadir/<int:person_id>", methods=["POST"])
@access(*ROLES)
def mark_present(meeting_id: int, person_id: int):
    meeting = _meeting_or_404(meeting_id)
    _member_or_403(meeting.proposal.unit)
    person = _person_or_404(meeting, person_id)
    return _meeting_action(meeting, lambda: workflow.mark_present(meeting, person, current_user),
                           "Kehadiran dicatat; JP masuk buku JP.")


@bp.route("/pertemuan/<int:meeting_id>/hadir-semua", methods=["POST"])
@access(*ROLES)
def mark_all_present(meeting_id: int):
    meeting = _meeting_or_404(meeting_id)
    _member_or_403(meeting.proposal.unit)
    return _meeting_action(meeting, lambda: workflow.mark_all_present(meeting, current_user),
                           "{result} orang ditandai hadir; JP masuk buku JP.")


@bp.route("/pertemuan/<int:meeting_id>/daftar", methods=["POST"])
@access(*ROLES)
def register(meeting_id: int):
    meeting = _meeting_or_404(meeting_id)
    return _meeting_action(meeting, lambda: workflow.register(meeting, current_user.employee),
                           "Anda terdaftar sebagai peserta pertemuan ini.")


@bp.route("/kartu")
@access(*ROLES)
def card():
    upcoming = db.session.execute(
        select(Meeting).join(MeetingPerson)
        .where(MeetingPerson.employee_id == current_user.employee_id, Meeting.tanggal >= today())
        .order_by(Meeting.tanggal).limit(3)).scalars().all()
    return render("komunitas/card.html", block="card", upcoming=upcoming)


@bp.route("/pertemuan/<int:meeting_id>/sertifikat", methods=["POST"])
@access(*ROLES)
def issue_certificates(meeting_id: int):
    """KB-09: an e-certificate (surat keterangan pembelajaran) for everyone credited."""
    from portal.sdk import CertificateError
    from portal.sdk import issue_certificate as issue

    meeting = _meeting_or_404(meeting_id)
    _member_or_403(meeting.proposal.unit)
    issued, skipped = 0, []
    for person in list(meeting.people):
        if person.ledger_entry_id is None:
            continue
        try:
            issue(person.ledger_entry_id, current_user.id)
            issued += 1
        except CertificateError as error:
            db.session.rollback()
            skipped.append(f"{person.employee.nama}: {error}")
    if issued:
        flash(f"{issued} sertifikat elektronik diterbitkan (KB-09).", "success")
    for message in skipped[:5]:
        flash(message, "warning")
    if not issued and not skipped:
        flash("Belum ada kehadiran yang tercatat; catat kehadiran terlebih dahulu (KB-09).", "error")
    return redirect_to("komunitas.meeting", meeting_id=meeting.id)
