"""Berbagi Bahan Pembelajaran (KB-07): submit → JPT Pratama approves → admin SDM accepts →
published in the ministry-wide library, 4 JP to the author (at most 2 counted a month)."""

from __future__ import annotations

from sqlalchemy import Select, or_, select

from portal.sdk import (
    Account,
    EligibilityRefusal,
    Employee,
    LedgerError,
    Participation,
    StaleDecision,
    Unit,
    claim_state,
    credit,
    db,
    notify,
    path_for,
    record,
    render_pdf,
    require_eligible,
    store_document,
    today,
    utcnow,
    value_on,
    wib_date,
)
from portal_komunitas import rules
from portal_komunitas.jp import SLUG
from portal_komunitas.models import Material, MaterialStatus
from portal_komunitas.workflow import WorkflowError

STATEMENTS = (
    "Bahan Pembelajaran dengan judul diatas merupakan hasil karya orisinil milik saya;",
    "Bahan Pembelajaran yang saya buat telah mendapatkan persetujuan dan dijamin mutunya oleh "
    "Jabatan Pimpinan Tinggi Pratama di Unit Kerja saya;",
    "Segala konten yang tercantum dalam Bahan Pembelajaran tersebut diatas adalah sepenuhnya "
    "tanggung jawab saya;",
    "Setelah Bahan Pembelajaran ini diserahkan kepada Unit Organisasi Yang Menangani "
    "Pengembangan Sumber Daya Manusia, Saya tidak keberatan jika Bahan Pembelajaran tersebut "
    "di akses oleh seluruh pegawai di lingkungan Kementerian Pekerjaan Umum dan Perumahan "
    "Rakyat dan dimanfaatkan untuk mengembangkan kompetensi.",
)


def max_bytes() -> int:
    megabytes = value_on(f"{SLUG}.bahan_max_mb", today())[0]
    return int(float(megabytes) * 1024 * 1024)


def submit(employee: Employee, values: dict, file_storage) -> Material:
    jpt = rules.jpt_pratama_of(employee.unit)
    if jpt is None:
        raise WorkflowError("Unit Anda belum mempunyai JPT Pratama (pimpinan unit eselon II) "
                            "yang menyetujui bahan pembelajaran (KB-07); hubungi admin unit.")
    try:  # the author joins Berbagi Bahan Pembelajaran: the core's gate (G-03, MG-10/PT-08)
        require_eligible(employee, SLUG, today(), {"role": "penulis"})
    except EligibilityRefusal as refusal:
        raise WorkflowError(str(refusal)) from None
    stored = store_document(file_storage, employee.id, max_bytes())
    material = Material(employee_id=employee.id, unit_id=employee.unit_id, file_id=stored.id,
                        status=MaterialStatus.MENUNGGU_JPT, jpt_id=jpt.id, **values)
    db.session.add(material)
    db.session.flush()
    record("komunitas.bahan.submit", "komunitas_material", material.id, None,
           {"judul": material.judul, "file_id": stored.id},
           summary=f"Bahan pembelajaran diajukan: {material.judul} (KB-07)")
    return material


def _move(material: Material, allowed: tuple[str, ...], new: str, message: str) -> None:
    """Move the material's state; two admins deciding at once (accept vs return): the first
    wins, the other is refused before any ledger credit (core ``claim_state``)."""
    if material.status not in allowed:
        raise WorkflowError(message)
    try:
        old = claim_state(material, allowed, new)
    except StaleDecision as error:
        raise WorkflowError(str(error)) from None
    record("komunitas.bahan.status", "komunitas_material", material.id, {"status": old},
           {"status": new, "return_note": material.return_note},
           summary=f"Bahan pembelajaran #{material.id}: {old} → {new}")


def is_jpt(user: Account, material: Material) -> bool:
    return material.jpt_id is not None and material.jpt_id == user.employee_id


def jpt_approve(material: Material, user: Account) -> None:
    if not is_jpt(user, material):
        raise WorkflowError("Bahan pembelajaran disetujui oleh JPT Pratama unit kerja "
                            "penulis (KB-07).")
    _move(material, ("menunggu_jpt",), "menunggu_sdm",
          "Bahan ini tidak sedang menunggu persetujuan JPT Pratama.")
    material.jpt_approved_at = utcnow()


def accept(material: Material, user: Account) -> None:
    """Admin SDM accepts: published, and 4 JP credited to the author (KB-07 caps apply).

    KB-07 limits what an employee *submits*: at most 2 submissions a month. The ledger row is
    therefore dated on the submission (WIB), so the cap counts by the submission month, not by
    the month of acceptance."""
    _move(material, ("menunggu_sdm",), "diterima",
          "Hanya bahan yang sudah disetujui JPT Pratama yang dapat diterima (KB-07).")
    material.accepted_by_id = user.id
    material.accepted_on = today()
    try:
        entry = credit(Participation(
            employee_id=material.employee_id, mechanism=SLUG, activity_type="berbagi_bahan",
            role="penulis", on_date=wib_date(material.submitted_at), title=material.judul[:300],
            reference=f"komunitas:bahan:{material.id}", source="workflow"), actor_id=user.id)
    except LedgerError as error:
        raise WorkflowError(str(error)) from None
    material.ledger_entry_id = entry.id


def return_(material: Material, user: Account, note: str) -> None:
    if material.status == MaterialStatus.MENUNGGU_JPT and not is_jpt(user, material):
        raise WorkflowError("Bahan ini menunggu JPT Pratama unit kerja penulis (KB-07).")
    material.return_note = note
    _move(material, ("menunggu_jpt", "menunggu_sdm"), "dikembalikan",
          "Bahan ini tidak dapat dikembalikan pada statusnya sekarang.")
    notify([material.employee], f"Bahan pembelajaran dikembalikan: {material.judul}"[:200], f"Catatan: {note}",
           kind="keputusan", url=path_for("komunitas.material", material_id=material.id))


def library(q: str = "", unit_id: int | None = None, topik: str = "") -> Select:
    """Published materials (status diterima), newest first, filtered."""
    query = (select(Material).join(Unit, Material.unit_id == Unit.id)
             .where(Material.status == MaterialStatus.DITERIMA)
             .order_by(Material.accepted_on.desc(), Material.id.desc()))
    if q:
        like = f"%{q}%"
        query = query.where(or_(Material.judul.ilike(like), Material.ringkasan.ilike(like)))
    if topik:
        query = query.where(Material.topik.ilike(f"%{topik}%"))
    if unit_id:
        unit = db.session.get(Unit, unit_id)
        if unit is not None:
            query = query.where(Unit.path.startswith(unit.path, autoescape=True))
    return query


def statement_pdf(material: Material) -> bytes:
    return render_pdf("komunitas/surat_pernyataan_pdf.html", m=material,
                      statements=STATEMENTS, jpt=material.jpt)
