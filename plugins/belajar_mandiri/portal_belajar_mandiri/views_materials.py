"""Learning materials the HR unit provides (Tabel 6 persiapan 5, G-08): upload or link, download."""

from __future__ import annotations

from flask import abort, flash
from flask_login import current_user

from portal.sdk import ROLES, SDM, Routes, UploadError, access, db, redirect_to, send_stored
from portal.sdk import discard_upload as discard
from portal.sdk import store_upload as store
from portal_belajar_mandiri import rules, workflow
from portal_belajar_mandiri.forms import MaterialForm
from portal_belajar_mandiri.models import MandiriMaterial
from portal_belajar_mandiri.views import assignment_or_404, assignment_page
from portal_belajar_mandiri.workflow import WorkflowError

routes = Routes()


@routes.route("/penugasan/<int:assignment_id>/bahan", methods=["POST"])
@access(*SDM)
def add_material(assignment_id: int):
    a = assignment_or_404(assignment_id)
    form = MaterialForm()
    if form.validate_on_submit():
        stored = None
        has_file = bool(getattr(form.berkas.data, "filename", ""))
        try:
            if has_file:
                stored = store(form.berkas.data, current_user.employee_id)
            workflow.add_material(a, form.judul.data.strip(), current_user, stored=stored,
                                  tautan=form.tautan.data or "")
        except (UploadError, WorkflowError) as error:
            if stored is not None:
                discard(stored)
            db.session.rollback()
            target = form.berkas if isinstance(error, UploadError) or has_file else form.tautan
            target.errors = [*target.errors, str(error)]
        else:
            db.session.commit()
            flash(f"Bahan belajar ditambahkan untuk {a.employee.nama} ({rules.BM_01}).", "success")
            return redirect_to("belajar_mandiri.assignment", assignment_id=a.id)
    return assignment_page(assignment_or_404(assignment_id), 422, material_form=form)


@routes.route("/bahan/<int:material_id>")
@access(*ROLES)
def material(material_id: int):
    item = db.session.get(MandiriMaterial, material_id)
    if item is None or item.file is None or not rules.can_view(current_user, item.assignment):
        abort(404)
    return send_stored(item.file, item.judul)
