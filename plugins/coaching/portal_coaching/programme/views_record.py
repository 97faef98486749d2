"""One coachee's confidential records (CM-01): forms (CM-05, CM-10), the eight weeks and logs
(CM-06, CM-09, CM-10), which questionnaires are filled (CM-11), completion and re-assessment (CM-03)."""

from __future__ import annotations

from flask import abort, flash, request
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from portal.sdk import (
    ROLES,
    TALENTA,
    CertificateError,
    LedgerEntry,
    PdfError,
    Routes,
    access,
    commit_or_flash,
    db,
    download,
    redirect_to,
    render,
    today,
)
from portal.sdk import issue_certificate as issue
from portal_coaching.programme import pdf, rules, workflow
from portal_coaching.programme.actions import record_actions
from portal_coaching.programme.catalogue import FORMS, PRE_PHASE
from portal_coaching.programme.forms import (
    LOG_AUTHORS,
    LogForm,
    ReassessmentForm,
    document_form,
    document_values,
)
from portal_coaching.programme.models import CoacheeStatus, Document, Evaluation, LogEntry, Participant
from portal_coaching.programme.questionnaires import QUESTIONNAIRES, ROLE_LABELS, slot
from portal_coaching.programme.views import STAFF

routes = Routes()


def record_or_404(participant_id: int) -> tuple[Participant, set[str]]:
    """The coachee's record and the user's parts in it; anyone else gets 404 (CM-01)."""
    participant = db.session.get(Participant, participant_id)
    if participant is None:
        abort(404)
    roles = rules.roles_in(current_user, participant)
    if not roles:
        abort(404)
    return participant, roles


def fills(role: str, roles: set[str], participant: Participant) -> bool:
    """The filler's own account, or admin SDM for an external coach who has no account."""
    return role in roles or (role == "coach" and rules.acts_as_coach(roles, participant))


def _evaluation_status(participant: Participant, roles: set[str]) -> list[dict]:
    filled = set(db.session.scalars(select(Evaluation.slot).where(
        Evaluation.programme_id == participant.programme_id)))
    rows = []
    for q in QUESTIONNAIRES.values():
        for role in q.fillers:
            if q.per_programme:
                continue
            rows.append({"q": q, "role": role, "done": slot(q.kind, role, participant.id) in filled,
                         "mine": fills(role, roles, participant)})
    return rows


def _week_logs(start, logs) -> dict[int, list[LogEntry]]:
    """Which recorded meeting falls in which of the eight weeks (CM-06)."""
    weeks: dict[int, list[LogEntry]] = {}
    for entry in logs:
        number = rules.week_of(start, entry.tanggal)
        if number and entry.author == "coachee":
            weeks.setdefault(number, []).append(entry)
    return weeks


@routes.route("/program/peserta/<int:participant_id>")
@access(*ROLES)
def record(participant_id: int):
    participant, roles = record_or_404(participant_id)
    programme = participant.programme
    coachee_logs = [x for x in participant.logs if x.author == "coachee"]
    ledger = {e.id: e for e in db.session.scalars(select(LedgerEntry).where(
        LedgerEntry.id.in_([x.ledger_entry_id for x in coachee_logs if x.ledger_entry_id])))}
    docs = {kind: [d for d in participant.documents if d.kind == kind] for kind in FORMS}
    return render(
        "coaching/program/record.html", p=participant, programme=programme, roles=roles, forms=FORMS,
        actions=record_actions.allowed(participant, current_user),
        pre_phase=PRE_PHASE, docs=docs, weeks=rules.eight_weeks(programme.tanggal_mulai),
        week_logs=_week_logs(programme.tanggal_mulai, participant.logs), ledger=ledger, today=today(),
        warnings=rules.month_warnings(programme.tanggal_mulai, [x.tanggal for x in coachee_logs], today()),
        as_coach=rules.acts_as_coach(roles, participant), evaluations=_evaluation_status(participant, roles),
        log_form=_log_form(roles, participant), reassess_form=ReassessmentForm(), role_labels=ROLE_LABELS,
        jp=workflow.counted_jp(participant), gaps=participant.employee.gaps,
        completion_problems=rules.completion_problems(participant, docs["pembahasan_akhir"][0].data
                                                      if docs["pembahasan_akhir"] else None))


# --------------------------------------------------------------------------- forms (CM-05, CM-07, CM-10)

def _may_fill(kind: str, roles: set[str], participant: Participant) -> bool:
    who = FORMS[kind].who
    return bool(("coachee" in who and "coachee" in roles) or ("sdm" in who and "sdm" in roles)
                or ("coach" in who and rules.acts_as_coach(roles, participant)))


@routes.route("/program/peserta/<int:participant_id>/formulir/<kind>", methods=["GET", "POST"])
@routes.route("/program/peserta/<int:participant_id>/formulir/<kind>/<int:document_id>", methods=["GET", "POST"])
@access(*ROLES)
def document(participant_id: int, kind: str, document_id: int | None = None):
    participant, roles = record_or_404(participant_id)
    spec = FORMS.get(kind)
    if spec is None:
        abort(404)
    existing = None
    if document_id is not None:
        existing = db.session.get(Document, document_id)
        if existing is None or existing.participant_id != participant.id or existing.kind != kind:
            abort(404)
    elif not spec.multi:
        existing = next((d for d in participant.documents if d.kind == kind), None)
    editable = _may_fill(kind, roles, participant) and participant.status == CoacheeStatus.AKTIF
    if request.method == "POST":
        if not editable:
            abort(403)
        form = document_form(spec)
        if form.validate_on_submit() and commit_or_flash(
                lambda: workflow.save_document(participant, kind, document_values(spec, form), existing,
                                               current_user), f"{spec.title} disimpan."):
            return redirect_to("coaching.record", participant_id=participant.id, _anchor=kind)
        return render("coaching/program/document.html", p=participant, spec=spec, form=form,
                      document=existing, editable=True), 422
    form = document_form(spec, existing.data if existing else None)
    return render("coaching/program/document.html", p=participant, spec=spec, form=form, document=existing,
                  editable=editable)


@routes.route("/program/peserta/<int:participant_id>/formulir/<kind>/<int:document_id>/konfirmasi",
          methods=["POST"])
@access(*ROLES)
def confirm(participant_id: int, kind: str, document_id: int):
    participant, roles = record_or_404(participant_id)
    found = db.session.get(Document, document_id)
    if found is None or found.participant_id != participant.id or found.kind != kind:
        abort(404)
    party = request.form.get("pihak", "")
    if party not in FORMS[kind].signed_by:
        abort(400)
    if party == "coachee" and "coachee" not in roles:
        abort(403)
    if party == "coach" and not rules.acts_as_coach(roles, participant):
        abort(403)
    on_behalf = party == "coach" and "coach" not in roles
    commit_or_flash(lambda: workflow.confirm_document(found, party, on_behalf, current_user),
                    f"{FORMS[kind].title} dikonfirmasi.")
    return redirect_to("coaching.record", participant_id=participant.id, _anchor=kind)


@routes.route("/program/peserta/<int:participant_id>/formulir/<kind>/<int:document_id>/hapus", methods=["POST"])
@access(*ROLES)
def delete_document(participant_id: int, kind: str, document_id: int):
    participant, roles = record_or_404(participant_id)
    found = db.session.get(Document, document_id)
    if found is None or found.participant_id != participant.id or found.kind != kind:
        abort(404)
    if not _may_fill(kind, roles, participant):
        abort(403)
    commit_or_flash(lambda: workflow.delete_document(found, current_user), "Isian dihapus.")
    return redirect_to("coaching.record", participant_id=participant.id, _anchor=kind)


# --------------------------------------------------------------------------- logs (Tabel 3, Tabel 4)

def _log_form(roles: set[str], participant: Participant) -> LogForm | None:
    authors = []
    if rules.acts_as_coach(roles, participant):
        authors.append(SelectChoice("coach", LOG_AUTHORS["coach"]))
    if "coachee" in roles:
        authors.append(SelectChoice("coachee", LOG_AUTHORS["coachee"]))
    if "mentor" in roles:
        authors.append(SelectChoice("mentor", LOG_AUTHORS["mentor"]))
    if not authors or participant.status != CoacheeStatus.AKTIF:
        return None
    form = LogForm()
    form.author.choices = authors
    return form


@routes.route("/program/peserta/<int:participant_id>/log", methods=["POST"])
@access(*ROLES)
def add_log(participant_id: int):
    participant, roles = record_or_404(participant_id)
    form = _log_form(roles, participant)
    if form is None:
        abort(403)
    if not form.validate_on_submit():
        flash("Catatan pertemuan belum disimpan: " + " ".join(
            f"{getattr(form, name).label.text}: {' '.join(errors)}" for name, errors in form.errors.items()), "error")
        return record(participant_id), 422
    author = form.author.data
    on_behalf = author == "coach" and "coach" not in roles
    values = {"pertemuan_ke": form.pertemuan_ke.data, "tanggal": form.tanggal.date,
              "topik": form.topik.data.strip(), "hasil": form.hasil.data.strip()}
    if not commit_or_flash(lambda: workflow.add_log(participant, author, values, on_behalf, current_user),
                           "Catatan pertemuan disimpan."):
        return record(participant_id), 422
    return redirect_to("coaching.record", participant_id=participant.id, _anchor="log")


@routes.route("/program/peserta/<int:participant_id>/log/<int:log_id>/paraf", methods=["POST"])
@access(*ROLES)
def initial(participant_id: int, log_id: int):
    participant, roles = record_or_404(participant_id)
    entry = db.session.get(LogEntry, log_id)
    if entry is None or entry.participant_id != participant.id:
        abort(404)
    if not rules.acts_as_coach(roles, participant):
        abort(403)
    commit_or_flash(lambda: workflow.initial(entry, "coach" not in roles, current_user),
                    "Catatan coachee diparaf; pertemuan dicatat ke JP coachee (CM-13).")
    return redirect_to("coaching.record", participant_id=participant.id, _anchor="log")


# --------------------------------------------------------------------------- completion (CM-03, G-06)

@routes.route("/program/peserta/<int:participant_id>/selesai", methods=["POST"])
@access(*STAFF)
def complete(participant_id: int):
    participant, _roles = record_or_404(participant_id)
    if participant.status == CoacheeStatus.AKTIF:
        if not commit_or_flash(lambda: workflow.complete(participant, current_user),
                               "Program coachee ditutup dengan evaluasi kelulusan penguji (Lamp. H.e)."):
            return redirect_to("coaching.record", participant_id=participant.id)
    if participant.status == CoacheeStatus.TAK_LULUS:
        flash("Coachee dinyatakan tidak lulus oleh penguji: tanpa sertifikat; JP pertemuan tetap tercatat "
              "(CM-13).", "info")
        return redirect_to("coaching.record", participant_id=participant.id)
    if participant.certificate_id is None:
        try:
            certificate = issue(workflow.certificate_context(participant), current_user.id)
        except CertificateError as error:
            db.session.rollback()
            flash(f"Sertifikat belum terbit: {error}", "error")
        else:
            participant.certificate_id = certificate.id
            db.session.commit()
            flash(f"Sertifikat elektronik {certificate.number} diterbitkan (G-06).", "success")
    return redirect_to("coaching.record", participant_id=participant.id)


@routes.route("/program/peserta/<int:participant_id>/reasesmen", methods=["POST"])
@access(*TALENTA)
def reassess(participant_id: int):
    """The talent-management unit (§E.7) records the re-assessment; it does not open the
    confidential coaching record (CM-01), so it goes back to its re-assessment list."""
    participant = db.session.get(Participant, participant_id) or abort(404)
    back = (redirect_to("coaching.record", participant_id=participant.id)
            if rules.roles_in(current_user, participant) else redirect_to("coaching.reassessments"))
    form = ReassessmentForm()
    if not form.validate_on_submit():
        flash(" ".join(e for errors in form.errors.values() for e in errors), "error")
    else:
        commit_or_flash(lambda: workflow.record_reassessment(participant, form.tanggal.date,
                                                             form.catatan.data or "", current_user),
                        "Re-asesmen dicatat (CM-03).")
    return back


# --------------------------------------------------------------------------- printable forms

@routes.route("/program/peserta/<int:participant_id>/cetak/<form>.pdf")
@access(*ROLES)
def printable(participant_id: int, form: str):
    participant, _roles = record_or_404(participant_id)
    if form not in pdf.PRINTABLE:
        abort(404)
    try:
        data = pdf.render(form, participant)
    except PdfError as error:
        flash(str(error), "error")
        return redirect_to("coaching.record", participant_id=participant.id)
    return download(data, f"{form}-{participant.employee.nip}.pdf")
