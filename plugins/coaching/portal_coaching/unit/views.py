"""Pages under /m/coaching/unit/: home, the unit's inventory (CU-01), the development area and
the request to a coach or mentor (CU-02, CU-03)."""

from __future__ import annotations

from flask import abort, flash, request
from flask_login import current_user
from sqlalchemy import or_, select

from portal.sdk import (
    ROLES,
    Employee,
    Routes,
    Unit,
    access,
    arg,
    commit_or_flash,
    db,
    page_number,
    redirect_to,
    render,
    run_step,
    viewable_units,
)
from portal.sdk import normalise_nip as normalise
from portal_coaching.unit import rules, workflow
from portal_coaching.unit.actions import inventory_actions
from portal_coaching.unit.forms import AreaForm, InventoryForm, NoteForm, StartForm
from portal_coaching.unit.models import INVENTORY_STATUS, JENIS, PARTNER_LABEL, PairStatus, UnitInventory, UnitPair

routes = Routes()

PER_PAGE = 20


def _employee_by_nip(raw: str) -> Employee | None:
    nip = normalise(raw)[:18]
    return db.session.scalar(select(Employee).where(Employee.nip == nip)) if nip else None


def inventory_or_404(entry_id: int) -> UnitInventory:
    entry = db.session.get(UnitInventory, entry_id)
    if entry is None or not rules.can_view_inventory(current_user, entry):
        abort(404)
    return entry


def _lists_anything() -> bool:
    return current_user.has_any("admin_unit", "admin_sdm", "superadmin", "pimpinan_unit")


# --------------------------------------------------------------------------- home

@routes.route("/unit/")
@access(*ROLES)
def index():
    me = current_user.employee_id
    entries = list(db.session.scalars(select(UnitInventory).where(UnitInventory.employee_id == me)
                                      .order_by(UnitInventory.id.desc()).limit(50)))
    mine = list(db.session.scalars(select(UnitPair).where(UnitPair.employee_id == me)
                                   .order_by(UnitPair.id.desc()).limit(50)))
    partnering = list(db.session.scalars(select(UnitPair).where(UnitPair.partner_id == me)
                                         .order_by(UnitPair.id.desc()).limit(50)))
    approvals = [p for p in db.session.scalars(
        select(UnitPair).join(Employee, UnitPair.employee_id == Employee.id)
        .where(Employee.supervisor_id == me, UnitPair.status == PairStatus.MENUNGGU_ATASAN)
        .order_by(UnitPair.id).limit(50)) if rules.can_view_pair(current_user, p)]
    return render("coaching/unit/index.html", entries=entries, mine=mine, partnering=partnering,
                  actions={e.id: inventory_actions.allowed(e, current_user) for e in entries},
                  approvals=approvals, lists=_lists_anything(), sdm=rules.is_sdm(current_user))


@routes.route("/unit/kartu")
@access(*ROLES)
def card():
    me = current_user.employee_id
    pairs = list(db.session.scalars(
        select(UnitPair).where(or_(UnitPair.employee_id == me, UnitPair.partner_id == me),
                           UnitPair.status.in_(rules.OPEN_PAIR)).order_by(UnitPair.id.desc()).limit(3)))
    return render("coaching/unit/card.html", block="card", pairs=pairs)


# --------------------------------------------------------------------------- inventory (CU-01)

def _inventory_query(q: str, status: str):
    query = select(UnitInventory).join(Employee, UnitInventory.employee_id == Employee.id) \
        .join(Unit, UnitInventory.unit_id == Unit.id).where(viewable_units(current_user))
    if status in INVENTORY_STATUS:
        query = query.where(UnitInventory.status == status)
    if q:
        digits = normalise(q)
        query = query.where(Employee.nip.startswith(digits, autoescape=True) if digits.isdigit()
                            else Employee.nama.ilike(f"%{q}%"))
    return query.order_by(UnitInventory.proposed_at.desc(), UnitInventory.id.desc())


def _inventory_page(form: InventoryForm | None = None, note_form: NoteForm | None = None,
                    status_code: int = 200):
    q, status = arg("q", max_length=60), arg("status", tuple(INVENTORY_STATUS))
    page = db.paginate(_inventory_query(q, status), page=page_number(), per_page=PER_PAGE,
                       error_out=False)
    actions = {e.id: inventory_actions.allowed(e, current_user) for e in page.items}
    return render("coaching/unit/inventory.html", block="results" if form is None else None,
                  page=page, q=q, status=status, statuses=INVENTORY_STATUS, form=form or InventoryForm(),
                  note_form=note_form or NoteForm(), actions=actions, jenis=JENIS,
                  args={"q": q, "status": status}), status_code


@routes.route("/unit/inventarisasi")
@access("pimpinan_unit", "admin_unit", "admin_sdm", "superadmin")
def inventory():
    return _inventory_page()


@routes.route("/unit/inventarisasi", methods=["POST"])
@access("pimpinan_unit", "admin_unit", "admin_sdm", "superadmin")
def add_inventory():
    form = InventoryForm()
    if form.validate_on_submit():
        employee = _employee_by_nip(form.nip.data)
        if employee is None:
            form.nip.errors = [*form.nip.errors, "Pegawai dengan NIP ini tidak ditemukan."]
        elif not rules.can_list_for(current_user, employee.unit):
            form.nip.errors = [*form.nip.errors, f"{employee.nama} bukan pegawai unit yang Anda "
                               "kelola atau pimpin; inventarisasi dilakukan oleh unit pegawai (CU-01)."]
        else:
            return run_step(
                lambda: workflow.list_employee(employee, form.jenis.data, form.alasan.data.strip(), current_user),
                f"{employee.nama} dicatat membutuhkan {form.jenis.data}; menunggu validasi pimpinan unit (CU-01).",
                lambda: redirect_to("coaching_unit.inventory"),
                refused=lambda _error: _inventory_page(form=form, status_code=422), field=form.nip)
    return _inventory_page(form=form, status_code=422)


@routes.route("/unit/inventarisasi/<int:entry_id>/validasi", methods=["POST"])
@access("pimpinan_unit")
def validate_inventory(entry_id: int):
    entry = inventory_or_404(entry_id)
    reason = request.form.get("alasan_kelayakan", "")[:1000]
    commit_or_flash(lambda: workflow.validate(entry, current_user, override_reason=reason),
                    f"{entry.employee.nama} divalidasi membutuhkan {entry.jenis} (CU-01).")
    return redirect_to("coaching_unit.inventory")


@routes.route("/unit/inventarisasi/<int:entry_id>/tolak", methods=["POST"])
@access("pimpinan_unit")
def reject_inventory(entry_id: int):
    entry = inventory_or_404(entry_id)
    form = NoteForm()
    if not form.validate_on_submit():
        flash("Tuliskan catatan mengapa usulan tidak divalidasi (CU-01).", "error")
        return redirect_to("coaching_unit.inventory")
    commit_or_flash(lambda: workflow.reject(entry, current_user, form.catatan.data.strip()),
                    f"Usulan {entry.jenis} {entry.employee.nama} tidak divalidasi.")
    return redirect_to("coaching_unit.inventory")


# --------------------------------------------------------------------------- area and request

def _own_entry(entry_id: int) -> UnitInventory:
    entry = inventory_or_404(entry_id)
    if entry.employee_id != current_user.employee_id:
        abort(403)
    return entry


@routes.route("/unit/inventarisasi/<int:entry_id>/area", methods=["GET", "POST"])
@access(*ROLES)
def area(entry_id: int):
    entry = _own_entry(entry_id)
    form = AreaForm(data={"area": entry.area or "", "area_standard": entry.area_standard or ""}) \
        if request.method == "GET" else AreaForm()

    def page(status: int = 422):
        return render("coaching/unit/area.html", form=form, entry=entry), status

    if request.method == "GET":
        return page(200)
    if not form.validate_on_submit():
        return page()
    return run_step(lambda: workflow.set_area(entry, current_user, form.area_standard.data, form.area.data.strip()),
                    f"Area pengembangan disimpan (CU-01). Ajukan permohonan {entry.jenis} berikutnya.",
                    lambda: redirect_to("coaching_unit.index"), refused=lambda _error: page(), field=form.area)


@routes.route("/unit/inventarisasi/<int:entry_id>/mulai", methods=["GET", "POST"])
@access(*ROLES)
def start(entry_id: int):
    entry = _own_entry(entry_id)
    form = StartForm()
    if request.method == "GET" and (refusal := rules.start_refusal(entry)):
        flash(refusal, "error")
        return redirect_to("coaching_unit.index")
    status = 200
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            partner = _chosen_partner(entry, form)
            if partner is not None:
                return run_step(lambda: workflow.start(entry, current_user, partner, form.kegiatan.data.strip()),
                                "", _started, refused=lambda _error: _start_page(entry, form),
                                field=form.nip)
    return _start_page(entry, form, status)


def _start_page(entry: UnitInventory, form: StartForm, status: int = 422):
    return render("coaching/unit/start.html", form=form, entry=entry,
                  supervisor=entry.employee.supervisor), status


def _started(pair: UnitPair):
    flash(_started_message(pair), "success")
    return redirect_to("coaching_unit.pair", pair_id=pair.id)


def _chosen_partner(entry: UnitInventory, form: StartForm) -> Employee | None:
    if entry.jenis == "mentoring" and form.pilihan.data != "lain":
        if entry.employee.supervisor is None:
            form.pilihan.errors = [*form.pilihan.errors, "Atasan langsung Anda belum tercatat; pilih "
                                   "pihak lain atau minta admin unit melengkapi data atasan (CU-03)."]
        return entry.employee.supervisor
    if not (form.nip.data or "").strip():
        form.nip.errors = [*form.nip.errors, f"NIP {PARTNER_LABEL[entry.jenis].lower()} wajib diisi."]
        return None
    partner = _employee_by_nip(form.nip.data)
    if partner is None:
        form.nip.errors = [*form.nip.errors, "Pegawai dengan NIP ini tidak ditemukan."]
    return partner


def _started_message(pair: UnitPair) -> str:
    if pair.status == PairStatus.MENUNGGU_ATASAN:
        return (f"Permohonan mentoring kepada {pair.partner.nama} menunggu persetujuan atasan "
                "langsung Anda terlebih dahulu (CU-03).")
    return f"Permohonan {pair.jenis} dikirim kepada {pair.partner.nama}."
