"""One coaching/mentoring pair: approval, acceptance, agreement, meetings, evaluation,
certificate and documentation. Visible only to the pair, the supervisor where the circular
gives them a role, and admin SDM (CM-01): everyone else gets 404."""

from __future__ import annotations

from flask import abort, flash
from flask_login import current_user
from sqlalchemy import select

from portal.sdk import (
    ROLES,
    CertificateError,
    Routes,
    access,
    arg,
    commit_or_flash,
    db,
    flash_and,
    once_per_form,
    page_number,
    redirect_to,
    render,
    report_download,
    run_step,
    today,
)
from portal_coaching.unit import certificates, documents, rules, workflow
from portal_coaching.unit.actions import meeting_actions, pair_actions
from portal_coaching.unit.forms import AgreementForm, EvaluationForm, MeetingForm, NoteForm
from portal_coaching.unit.models import PAIR_STATUS, PairStatus, UnitMeeting, UnitPair

routes = Routes()



def pair_or_404(pair_id: int) -> UnitPair:
    pair = db.session.get(UnitPair, pair_id)
    if pair is None or not rules.can_view_pair(current_user, pair):
        abort(404)
    return pair


def _page(pair: UnitPair, status: int = 200, **forms):
    side = rules.side_of(current_user, pair)
    agreement = forms.get("agreement") or AgreementForm(data={"tujuan": pair.tujuan, "sasaran": pair.sasaran})
    meeting_form = forms.get("meeting") or MeetingForm(data={"tanggal": today().isoformat()})
    return render("coaching/unit/pair.html", p=pair, side=side, agreement=agreement,
                  actions=pair_actions.allowed(pair, current_user),
                  meeting_actions=lambda meeting: meeting_actions.allowed(meeting, current_user),
                  meeting_form=meeting_form, evaluation=forms.get("evaluation") or EvaluationForm(),
                  note_form=forms.get("note") or NoteForm(), rule=rules.RULE_OF[pair.jenis],
                  counted=certificates.counted_jp(pair)), status


def _back(pair: UnitPair):
    return redirect_to("coaching_unit.pair", pair_id=pair.id)


@routes.route("/unit/pasangan")
@access("admin_sdm")
def pairs():
    """Admin SDM: every unit coaching/mentoring, by status (CM-01 allows the HR unit)."""
    status = arg("status", tuple(PAIR_STATUS))
    query = select(UnitPair).order_by(UnitPair.id.desc())
    if status:
        query = query.where(UnitPair.status == status)
    page = db.paginate(query, page=page_number(), per_page=20, error_out=False)
    return render("coaching/unit/pairs.html", page=page, status=status, statuses=PAIR_STATUS,
                  args={"status": status})


@routes.route("/unit/pasangan/<int:pair_id>")
@access(*ROLES)
def pair(pair_id: int):
    return _page(pair_or_404(pair_id))


@routes.route("/unit/pasangan/<int:pair_id>/atasan/<any(setujui, tolak):aksi>", methods=["POST"])
@access(*ROLES)
def supervisor_decide(pair_id: int, aksi: str):
    pair = pair_or_404(pair_id)
    if aksi == "setujui":
        commit_or_flash(lambda: workflow.supervisor_decide(pair, current_user, True),
                        "Mentor disetujui; permohonan diteruskan kepada mentor (CU-03).")
        return _back(pair)
    form = NoteForm()
    if not form.validate_on_submit():
        return _page(pair, 422, note=form)
    commit_or_flash(lambda: workflow.supervisor_decide(pair, current_user, False, form.catatan.data.strip()),
                    "Permohonan mentoring tidak disetujui (CU-03).")
    return _back(pair)


@routes.route("/unit/pasangan/<int:pair_id>/jawab/<any(terima, tolak):aksi>", methods=["POST"])
@access(*ROLES)
def partner_decide(pair_id: int, aksi: str):
    pair = pair_or_404(pair_id)
    if aksi == "terima":
        commit_or_flash(lambda: workflow.partner_decide(pair, current_user, True),
                        "Permohonan diterima. Susun kesepakatan tujuan dan sasaran bersama.")
        return _back(pair)
    form = NoteForm()
    if not form.validate_on_submit():
        return _page(pair, 422, note=form)
    commit_or_flash(lambda: workflow.partner_decide(pair, current_user, False, form.catatan.data.strip()),
                    "Permohonan ditolak.")
    return _back(pair)


@routes.route("/unit/pasangan/<int:pair_id>/kesepakatan", methods=["POST"])
@access(*ROLES)
def save_agreement(pair_id: int):
    pair = pair_or_404(pair_id)
    form = AgreementForm()
    if not form.validate_on_submit():
        return _page(pair, 422, agreement=form)
    commit_or_flash(lambda: workflow.save_agreement(pair, current_user, form.tujuan.data.strip(),
                                                    form.sasaran.data.strip()),
                    "Kesepakatan disimpan dan Anda konfirmasi; menunggu konfirmasi pihak lain.")
    return _back(pair)


@routes.route("/unit/pasangan/<int:pair_id>/kesepakatan/konfirmasi", methods=["POST"])
@access(*ROLES)
def confirm_agreement(pair_id: int):
    pair = pair_or_404(pair_id)
    commit_or_flash(lambda: workflow.confirm_agreement(pair, current_user),
                    "Kesepakatan dikonfirmasi.")
    return _back(pair)


@routes.route("/unit/pasangan/<int:pair_id>/pertemuan", methods=["POST"])
@access(*ROLES)
@once_per_form
def log_meeting(pair_id: int):
    pair = pair_or_404(pair_id)
    form = MeetingForm()
    if not form.validate_on_submit():
        return _page(pair, 422, meeting=form)
    other = pair.partner_label if rules.side_of(current_user, pair) == "pegawai" else pair.employee_label
    on_page = "log_meeting" in pair_actions.allowed(pair, current_user)  # else the refusal is flashed
    return run_step(lambda: workflow.log_meeting(pair, current_user, form.tanggal.date, form.topik.data.strip(),
                                                 form.hasil.data.strip()),
                    f"Pertemuan dicatat; menunggu konfirmasi {other}.", lambda: _back(pair),
                    refused=lambda _error: _page(pair, 422, meeting=form),
                    field=form.tanggal if on_page else None)


def _meeting_or_404(meeting_id: int) -> UnitMeeting:
    meeting = db.session.get(UnitMeeting, meeting_id)
    if meeting is None or not rules.can_view_pair(current_user, meeting.pair):
        abort(404)
    return meeting


@routes.route("/unit/pertemuan/<int:meeting_id>/<any(konfirmasi, tolak):aksi>", methods=["POST"])
@access(*ROLES)
def decide_meeting(meeting_id: int, aksi: str):
    meeting = _meeting_or_404(meeting_id)
    if aksi == "konfirmasi":
        commit_or_flash(lambda: workflow.confirm_meeting(meeting, current_user),
                        f"Pertemuan dikonfirmasi; JP masuk buku JP ({rules.RULE_OF[meeting.pair.jenis]}).")
    else:
        commit_or_flash(lambda: workflow.reject_meeting(meeting, current_user),
                        "Pertemuan tidak dikonfirmasi dan tidak menghasilkan JP.")
    return _back(meeting.pair)


@routes.route("/unit/pasangan/<int:pair_id>/evaluasi", methods=["POST"])
@access(*ROLES)
def evaluate(pair_id: int):
    pair = pair_or_404(pair_id)
    form = EvaluationForm()
    if not form.validate_on_submit():
        return _page(pair, 422, evaluation=form)

    def back(done: bool):
        if done:
            _issue(pair)
        return _back(pair)

    return run_step(lambda: workflow.evaluate(pair, current_user, form.evaluasi.data.strip()),
                    "Evaluasi disimpan.", back,
                    refused=lambda _error: _page(pair, 422, evaluation=form), field=form.evaluasi)


def _issue(pair: UnitPair) -> None:
    try:
        certificate = certificates.issue_completion(pair, current_user.id)
    except CertificateError as error:
        db.session.rollback()
        flash(f"Sertifikat belum dapat diterbitkan: {error}", "warning")
        return
    flash(f"{pair.jenis_label} selesai; sertifikat elektronik {certificate.number} diterbitkan "
          "(G-06).", "success")


@routes.route("/unit/pasangan/<int:pair_id>/sertifikat", methods=["POST"])
@access(*ROLES)
def issue_certificate(pair_id: int):
    pair = pair_or_404(pair_id)
    if pair.status != PairStatus.SELESAI:
        flash(f"Sertifikat diterbitkan setelah {pair.jenis} selesai dan dievaluasi kedua pihak "
              "(G-06).", "error")
    elif pair.certificate_id is not None:
        flash("Sertifikat untuk coaching/mentoring ini sudah diterbitkan.", "error")
    else:
        _issue(pair)
    return _back(pair)


@routes.route("/unit/pasangan/<int:pair_id>/dokumentasi.<any(pdf, xlsx):fmt>")
@access(*ROLES)
def documentation(pair_id: int, fmt: str):
    pair = pair_or_404(pair_id)
    report = documents.build(pair)
    return report_download(report, fmt, flash_and(lambda: _back(pair)))
