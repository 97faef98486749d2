"""Berbagi Bahan Pembelajaran pages (KB-07): submit, approve, accept, library, downloads."""

from __future__ import annotations

from flask import abort, flash, request
from flask_login import current_user
from sqlalchemy import or_, select

from portal.sdk import (
    ROLES,
    SDM,
    PdfError,
    Routes,
    Unit,
    UploadError,
    access,
    db,
    download,
    download_name,
    megabytes,
    once_per_form,
    redirect_to,
    render,
    run_step,
    send_stored,
)
from portal_komunitas import materials, rules
from portal_komunitas.actions import material_actions
from portal_komunitas.forms import MaterialForm, NoteForm
from portal_komunitas.models import Material, MaterialStatus
from portal_komunitas.views import _int
from portal_komunitas.workflow import WorkflowError

routes = Routes()


def _may_see(material: Material) -> bool:
    user = current_user
    return (material.status == MaterialStatus.DITERIMA or material.employee_id == user.employee_id
            or materials.is_jpt(user, material) or rules.is_sdm(user))


def _material_or_404(material_id: int) -> Material:
    material = db.session.get(Material, material_id)
    if material is None or not _may_see(material):
        abort(404)
    return material


@routes.route("/bahan")
@access(*ROLES)
def library():
    q = (request.args.get("q") or "").strip()[:100]
    topik = (request.args.get("topik") or "").strip()[:100]
    unit_id = _int(request.args.get("unit"))
    page = db.paginate(materials.library(q, unit_id, topik), page=_int(request.args.get("page")) or 1,
                       per_page=20, error_out=False)
    units = list(db.session.scalars(select(Unit).where(Unit.eselon.in_(("I", "II")))
                                    .order_by(Unit.path).limit(500)))
    mine = list(db.session.scalars(select(Material).where(
        Material.employee_id == current_user.employee_id).order_by(Material.id.desc()).limit(20)))
    return render("komunitas/library.html", page=page, q=q, topik=topik, unit_id=unit_id,
                  units=units, mine=mine)


@routes.route("/bahan/antrean")
@access(*ROLES)
def material_queue():
    conditions = [Material.status == MaterialStatus.MENUNGGU_JPT, Material.jpt_id == current_user.employee_id]
    query = select(Material).where(*conditions)
    if rules.is_sdm(current_user):
        query = select(Material).where(or_(
            Material.status == MaterialStatus.MENUNGGU_SDM,
            (Material.status == MaterialStatus.MENUNGGU_JPT) & (Material.jpt_id == current_user.employee_id)))
    waiting = list(db.session.scalars(query.order_by(Material.submitted_at).limit(200)))
    return render("komunitas/material_queue.html", waiting=waiting)


@routes.route("/bahan/ajukan", methods=["GET", "POST"])
@access(*ROLES)
@once_per_form
def submit_material():
    employee = current_user.employee
    form = MaterialForm()
    if request.method == "GET":
        form.jabatan.data = employee.jabatan
    status = 200
    jpt = rules.jpt_pratama_of(employee.unit)
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            values = {"judul": form.judul.data.strip(), "topik": form.topik.data.strip(),
                      "ringkasan": (form.ringkasan.data or "").strip(), "nama": employee.nama,
                      "nip": employee.nip, "jabatan": form.jabatan.data.strip(),
                      "unit_nama": employee.unit.nama}
            try:
                material = materials.submit(employee, values, form.berkas.data)
            except (UploadError, WorkflowError) as error:
                db.session.rollback()
                form.berkas.errors = [*form.berkas.errors, str(error)]
            else:
                db.session.commit()
                flash("Bahan pembelajaran diajukan dan menunggu persetujuan JPT Pratama (KB-07).",
                      "success")
                return redirect_to("komunitas.material", material_id=material.id)
        if not form.berkas.errors:
            form.berkas.errors = ["Perbaiki isian yang ditandai, lalu pilih berkas lagi."]
    return render("komunitas/material_form.html", form=form, employee=employee, jpt=jpt,
                  statements=materials.STATEMENTS,
                  max_mb=megabytes(materials.max_bytes())), status


def _material_page(material: Material, note_form=None, status: int = 200):
    return render("komunitas/material.html", m=material,
                  actions=material_actions.allowed(material, current_user), note_form=note_form or NoteForm()), status


@routes.route("/bahan/<int:material_id>")
@access(*ROLES)
def material(material_id: int):
    return _material_page(_material_or_404(material_id))


@routes.route("/bahan/<int:material_id>/unduh")
@access(*ROLES)
def download_material(material_id: int):
    material = _material_or_404(material_id)
    return send_stored(material.file, material.judul)


@routes.route("/bahan/<int:material_id>/surat-pernyataan.pdf")
@access(*ROLES)
def statement(material_id: int):
    material = _material_or_404(material_id)
    try:
        data = materials.statement_pdf(material)
    except PdfError as error:
        flash(str(error), "error")
        return redirect_to("komunitas.material", material_id=material.id)
    name = download_name(material.file, f"surat-pernyataan-{material.id}").rsplit(".", 1)[0]
    return download(data, f"{name}.pdf")


def _decide(material: Material, action, success: str):
    return run_step(action, success, lambda: redirect_to("komunitas.material", material_id=material.id))


@routes.route("/bahan/<int:material_id>/setujui", methods=["POST"])
@access(*ROLES)
def approve_material(material_id: int):
    material = _material_or_404(material_id)
    if not materials.is_jpt(current_user, material):
        abort(403)
    return _decide(material, lambda: materials.jpt_approve(material, current_user),
                   "Bahan disetujui dan dijamin mutunya; diteruskan ke admin SDM (KB-07).")


@routes.route("/bahan/<int:material_id>/terima", methods=["POST"])
@access(*SDM)
def accept_material(material_id: int):
    material = _material_or_404(material_id)
    return _decide(material, lambda: materials.accept(material, current_user),
                   "Bahan diterima, terbit di perpustakaan bahan, dan 4 JP dicatat untuk "
                   "penulis (KB-07).")


@routes.route("/bahan/<int:material_id>/kembalikan", methods=["POST"])
@access(*ROLES)
def return_material(material_id: int):
    material = _material_or_404(material_id)
    if not (materials.is_jpt(current_user, material) or rules.is_sdm(current_user)):
        abort(403)
    form = NoteForm()
    if not form.validate_on_submit():
        return _material_page(material, note_form=form, status=422)
    return _decide(material,
                   lambda: materials.return_(material, current_user, form.catatan.data.strip()),
                   "Bahan dikembalikan ke penulis dengan catatan.")
