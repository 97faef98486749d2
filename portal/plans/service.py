"""Changing development plans: every change is checked against the rules, audited, and left in
the caller's transaction (the caller commits, or rolls back on :class:`PlanError`)."""

from __future__ import annotations

from sqlalchemy import select

from portal.audit import record
from portal.clock import today
from portal.extensions import db
from portal.ledger.numbers import jp_number, to_jp
from portal.models import Employee, EmployeeGap
from portal.models.account import utcnow
from portal.models.plan import DevelopmentPlan, DevelopmentPlanItem, PlanStatus
from portal.plans.rules import BASES, mechanism_options, model_refusal
from portal.refusal import Refusal

MIN_YEAR = 2020
ENTITY = "development_plan"


class PlanError(Refusal):
    """A refused change; ``errors`` maps a form field to its Indonesian message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(" ".join(errors.values()))
        self.errors = errors


def _basis(value: str, errors: dict) -> str:
    value = (value or "").strip()
    if value not in BASES:
        errors["basis"] = "Pilih dasar pengembangan (§F, G-02)."
    return value


def _notes(value: str, errors: dict, field: str = "notes", limit: int = 2000) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        errors[field] = f"Paling banyak {limit} karakter ({len(value)})."
    return value


def _snapshot(plan: DevelopmentPlan) -> dict:
    return {"year": plan.year, "basis": plan.basis, "status": plan.status, "notes": plan.notes}


def create(employee: Employee, year_text: str, basis: str, notes: str) -> DevelopmentPlan:
    errors: dict[str, str] = {}
    year = None
    try:
        year = int((year_text or "").strip())
    except ValueError:
        errors["year"] = "Tahun harus berupa angka, mis. 2026."
    else:
        if not MIN_YEAR <= year <= today().year + 1:
            errors["year"] = f"Tahun harus antara {MIN_YEAR} dan {today().year + 1}."
    basis = _basis(basis, errors)
    notes = _notes(notes, errors)
    if year is not None and "year" not in errors and db.session.scalar(
            select(DevelopmentPlan.id).where(DevelopmentPlan.employee_id == employee.id,
                                             DevelopmentPlan.year == year)):
        errors["year"] = f"Rencana pengembangan tahun {year} untuk pegawai ini sudah ada."
    if errors:
        raise PlanError(errors)
    plan = DevelopmentPlan(employee=employee, year=year, basis=basis, notes=notes,
                           status=PlanStatus.DRAFT, return_note="")
    db.session.add(plan)
    db.session.flush()
    record("plan.create", ENTITY, plan.id, None, _snapshot(plan),
           summary=f"Rencana pengembangan {year} untuk {employee.nip} dibuat ({basis})")
    return plan


def _must_be_editable(plan: DevelopmentPlan) -> None:
    if not plan.editable:
        raise PlanError({"status": f"Rencana berstatus {plan.status_label.lower()} dan tidak "
                                   "dapat diubah."})


def update(plan: DevelopmentPlan, basis: str, notes: str) -> None:
    """Change the basis or notes; refused when an item's model does not fit the basis (G-02)."""
    _must_be_editable(plan)
    errors: dict[str, str] = {}
    basis = _basis(basis, errors)
    notes = _notes(notes, errors)
    if not errors:
        refusals = {model_refusal(basis, item.mechanism) for item in plan.items} - {None}
        if refusals:
            errors["basis"] = ("Hapus dulu butir yang tidak sesuai dengan dasar ini. "
                               + " ".join(sorted(refusals)))
    if errors:
        raise PlanError(errors)
    before = _snapshot(plan)
    plan.basis, plan.notes = basis, notes
    record("plan.update", ENTITY, plan.id, before, _snapshot(plan),
           summary=f"Rencana pengembangan #{plan.id} diubah")


def add_item(plan: DevelopmentPlan, form: dict[str, str]) -> DevelopmentPlanItem:
    """Add an item from form values: mechanism, target_jp, planned_month, gap_id, description."""
    _must_be_editable(plan)
    errors: dict[str, str] = {}
    slug = (form.get("mechanism") or "").strip()
    options = {o.slug: o for o in mechanism_options(plan.employee.unit)}
    if slug not in options:
        errors["mechanism"] = "Pilih mekanisme pengembangan."
    elif refusal := model_refusal(plan.basis, slug):
        errors["mechanism"] = refusal
    elif not options[slug].available:
        errors["mechanism"] = f"{options[slug].title} {options[slug].reason}; pilih mekanisme lain."
    try:
        target = to_jp(form.get("target_jp") or "")
        if target <= 0:
            raise ValueError("JP harus lebih dari 0.")
    except ValueError as error:
        errors["target_jp"] = f"Target JP tidak valid: {error}"
    month_text = (form.get("planned_month") or "").strip()
    month = int(month_text) if month_text.isdigit() else 0
    if not 1 <= month <= 12:
        errors["planned_month"] = "Pilih bulan rencana pelaksanaan."
    gap = None
    gap_text = (form.get("gap_id") or "").strip()
    if gap_text:
        gap = (db.session.get(EmployeeGap, int(gap_text))
               if gap_text.isdigit() and len(gap_text) < 10 else None)
        if gap is None or gap.employee_id != plan.employee_id:
            errors["gap_id"] = "Kesenjangan tidak ditemukan pada data asesmen pegawai ini."
    description = _notes(form.get("description"), errors, "description", 300)
    if errors:
        raise PlanError(errors)
    item = DevelopmentPlanItem(plan=plan, mechanism=slug, target_jp=target, planned_month=month,
                               gap=gap, description=description)
    db.session.add(item)
    db.session.flush()
    record("plan.item.add", ENTITY, plan.id, None,
           {"item_id": item.id, "mechanism": slug, "target_jp": jp_number(target),
            "planned_month": month, "gap_id": gap.id if gap else None},
           summary=f"Butir {slug} ({jp_number(target)} JP) ditambahkan ke rencana #{plan.id}")
    return item


def remove_item(plan: DevelopmentPlan, item: DevelopmentPlanItem) -> None:
    _must_be_editable(plan)
    record("plan.item.remove", ENTITY, plan.id,
           {"item_id": item.id, "mechanism": item.mechanism,
            "target_jp": jp_number(item.target_jp)}, None,
           summary=f"Butir {item.mechanism} dihapus dari rencana #{plan.id}")
    plan.items.remove(item)
    db.session.flush()


def submit(plan: DevelopmentPlan) -> None:
    """Send the plan to the atasan; every item must still fit the basis (G-02)."""
    _must_be_editable(plan)
    errors: dict[str, str] = {}
    if not plan.items:
        errors["items"] = "Tambahkan minimal satu butir rencana sebelum mengajukan."
    refusals = {model_refusal(plan.basis, item.mechanism) for item in plan.items} - {None}
    if refusals:
        errors["basis"] = " ".join(sorted(refusals))
    if plan.employee.supervisor_id is None:
        errors["status"] = ("Pegawai belum memiliki atasan langsung yang dapat menyetujui; "
                            "hubungi admin kepegawaian.")
    if errors:
        raise PlanError(errors)
    before = _snapshot(plan)
    plan.status, plan.submitted_at = PlanStatus.DIAJUKAN, utcnow()
    plan.agreed_by, plan.agreed_at = None, None  # a decision on an earlier submission
    record("plan.submit", ENTITY, plan.id, before, _snapshot(plan),
           summary=f"Rencana pengembangan #{plan.id} diajukan ke atasan")


def _decide(plan: DevelopmentPlan, atasan: Employee, status: str, note: str) -> None:
    if atasan.id == plan.employee_id:  # the approver is never the subject (portal.authority)
        raise PlanError({"status": "Anda tidak dapat menyetujui rencana pengembangan Anda "
                                   "sendiri (G-02)."})
    if plan.status != PlanStatus.DIAJUKAN:
        raise PlanError({"status": "Hanya rencana yang sedang diajukan yang dapat diputuskan."})
    before = _snapshot(plan) | {"return_note": plan.return_note}
    plan.status, plan.agreed_by, plan.agreed_at = status, atasan, utcnow()
    plan.return_note = note
    verb = PlanStatus.DISETUJUI if status == PlanStatus.DISETUJUI else PlanStatus.DIKEMBALIKAN
    record(f"plan.{'agree' if status == 'disetujui' else 'return'}", ENTITY, plan.id, before,
           _snapshot(plan) | {"return_note": note, "atasan": atasan.nip},
           summary=f"Rencana pengembangan #{plan.id} {verb} oleh atasan {atasan.nip}")


def agree(plan: DevelopmentPlan, atasan: Employee) -> None:
    _decide(plan, atasan, "disetujui", "")


def send_back(plan: DevelopmentPlan, atasan: Employee, note: str) -> None:
    errors: dict[str, str] = {}
    note = _notes(note, errors, "return_note", 1000)
    if not note and not errors:
        errors["return_note"] = "Tulis catatan perbaikan untuk pegawai."
    if errors:
        raise PlanError(errors)
    _decide(plan, atasan, "dikembalikan", note)


def year_now() -> int:
    return today().year
