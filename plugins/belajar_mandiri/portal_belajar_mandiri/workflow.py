"""The steps of Tabel 6 (BM-01…BM-04). Each checks its rule, audits, and leaves the change in the
caller's transaction (the caller commits, or rolls back on :class:`WorkflowError`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.sdk import (
    CATEGORIES,
    Account,
    CostForm,
    EligibilityRefusal,
    Employee,
    LedgerError,
    Participation,
    Refusal,
    apply_costs,
    claim_state,
    credit,
    db,
    i18n,
    record,
    require_eligible,
    self_approval_refusal,
    today,
    utcnow,
)
from portal_belajar_mandiri.jp import ROLE, SLUG
from portal_belajar_mandiri.models import (
    ASSIGNED,
    KESESUAIAN,
    AssignmentStatus,
    MandiriActivity,
    MandiriAssignment,
    MandiriMaterial,
    MandiriMonitoring,
)
from portal_belajar_mandiri.rules import BM_01, BM_02, BM_03, BM_04, pyb_of, recommending_item

ENTITY = "belajar_mandiri_assignment"
OPEN = ("diusulkan", "ditugaskan", "diterima", "dilaporkan")


class WorkflowError(Refusal):
    """A refused step; the message is Indonesian and names the rule."""


def _status(a: MandiriAssignment, *allowed: str, what: str) -> None:
    if a.status not in allowed:
        raise WorkflowError(f"{what} tidak dapat dilakukan: penugasan berstatus "
                            f"{a.status_label.lower()}.")


def _move(a: MandiriAssignment, status: str, action: str, summary: str, **extra) -> None:
    before = {"status": claim_state(a, (a.status,), status)}  # as read: a concurrent step is refused
    record(f"belajar_mandiri.{action}", ENTITY, a.id, before, {"status": status, **extra},
           summary=summary)


# --------------------------------------------------------------------------- persiapan (BM-01)

def propose(employee: Employee, values: dict, user: Account, override_reason: str = "") -> MandiriAssignment:
    """Tabel 6 persiapan 1–2: the participant unit proposes a recommended employee, through the
    core's eligibility gate ("cannot decide yet" only with a recorded ``override_reason``)."""
    start, end = values["tanggal_mulai"], values["tanggal_selesai"]
    if end < start:
        raise WorkflowError("Tanggal selesai belajar mandiri sebelum tanggal mulai.")
    try:
        require_eligible(employee, SLUG, start, override_reason=override_reason, actor=user)
    except EligibilityRefusal as refusal:
        raise WorkflowError(f"{employee.nama} belum dapat diusulkan. {refusal}") from None
    if db.session.scalar(select(MandiriAssignment.id).where(
            MandiriAssignment.employee_id == employee.id, MandiriAssignment.status.in_(OPEN))):
        raise WorkflowError(f"{employee.nama} masih memiliki belajar mandiri yang berjalan; "
                            f"selesaikan dulu sebelum mengusulkan lagi ({BM_01}).")
    item = recommending_item(employee, start.year)
    a = MandiriAssignment(employee=employee, unit=employee.unit,
                          plan_item_id=item.id if item else None, kompetensi=values["kompetensi"],
                          tujuan=values.get("tujuan") or "", tanggal_mulai=start,
                          tanggal_selesai=end, status=AssignmentStatus.DIUSULKAN, proposed_by_id=user.id,
                          nomor_surat="", catatan_pyb="", laporan="")
    db.session.add(a)
    db.session.flush()
    record("belajar_mandiri.propose", ENTITY, a.id, None,
           {"employee": employee.nip, "kompetensi": a.kompetensi, "status": a.status},
           summary=f"{employee.nip} diusulkan untuk belajar mandiri ({BM_01})")
    return a


def assign(a: MandiriAssignment, user: Account) -> None:
    """Tabel 6 persiapan 3: the PyB assigns; the surat penugasan gets its number."""
    _status(a, AssignmentStatus.DIUSULKAN, what="Penugasan")
    pyb = pyb_of(a.employee)
    if pyb is None:
        raise WorkflowError("Unit eselon II pegawai belum mempunyai pimpinan (Pejabat yang Berwenang) yang "
                            f"menandatangani surat penugasan ({BM_01}).")
    # The PyB signing as unit head (a derived role) is neither the subject nor the proposer;
    # an admin recording the PyB's paper signature is audited as acting on their behalf.
    refusal = self_approval_refusal(user, subject_id=a.employee_id, rule=BM_01,
                                    proposer_account_id=a.proposed_by_id if pyb.id == user.employee_id
                                    else None)
    if refusal:
        raise WorkflowError(refusal)
    a.pyb, a.assigned_by_id, a.assigned_at = pyb, user.id, utcnow()
    a.nomor_surat = f"{a.id:04d}/BM/{today().year}"
    acting = "" if pyb.id == user.employee_id else f" oleh akun #{user.id} atas nama PyB"
    _move(a, "ditugaskan", "assign", f"Penugasan belajar mandiri #{a.id} ditandatangani PyB "
          f"{pyb.nip}{acting} ({BM_01})", pyb=pyb.nip, nomor=a.nomor_surat)


def return_proposal(a: MandiriAssignment, user: Account, note: str) -> None:
    """The PyB does not assign: the proposal goes back with a note; the unit may propose again."""
    _status(a, AssignmentStatus.DIUSULKAN, what="Pengembalian usulan")
    if not note:
        raise WorkflowError("Tulis alasan pengembalian usulan untuk unit kerja.")
    a.catatan_pyb = note[:1000]
    _move(a, "dikembalikan", "return", f"Usulan belajar mandiri #{a.id} dikembalikan PyB "
          f"({BM_01})", catatan=a.catatan_pyb)


def accept(a: MandiriAssignment) -> None:
    """Tabel 6 persiapan 4: the employee receives the surat penugasan."""
    _status(a, AssignmentStatus.DITUGASKAN, what="Penerimaan surat penugasan")
    a.accepted_at = utcnow()
    _move(a, "diterima", "accept", f"Surat penugasan #{a.id} diterima pegawai ({BM_01})")


def _link(text: str) -> str:
    text = (text or "").strip()
    if not text.lower().startswith(("http://", "https://")) or any(c.isspace() for c in text):
        raise WorkflowError("Tautan harus alamat http:// atau https:// tanpa spasi.")
    return text[:500]


def add_material(a: MandiriAssignment, judul: str, user: Account, stored=None, tautan: str = "") -> MandiriMaterial:
    """Tabel 6 persiapan 5: the HR unit provides the materials (a stored file or a link)."""
    _status(a, *ASSIGNED[:3], what="Penambahan bahan")
    if stored is None and not (tautan or "").strip():
        raise WorkflowError("Unggah berkas atau isi tautan sumber belajar internal.")
    material = MandiriMaterial(assignment=a, judul=judul, file=stored, added_by_id=user.id,
                               tautan="" if stored is not None else _link(tautan))
    db.session.add(material)
    db.session.flush()
    record("belajar_mandiri.material", ENTITY, a.id, None,
           {"material_id": material.id, "judul": judul}, summary=f"Bahan belajar mandiri "
           f"ditambahkan ke penugasan #{a.id} (Tabel 6 persiapan 5, {BM_01})")
    return material


def record_costs(a: MandiriAssignment, form: CostForm) -> None:
    """Tabel 6 persiapan 6: the participant unit bears the costs; the funding source (G-07)."""
    keys = (*CATEGORIES, "sumber_dana", "sumber_dana_keterangan")
    before = {k: getattr(a, k) for k in keys}
    apply_costs(form, a)
    record("belajar_mandiri.costs", ENTITY, a.id, before, {k: getattr(a, k) for k in keys},
           summary=f"Biaya belajar mandiri #{a.id} dicatat unit peserta ({BM_01}, G-07)")


# --------------------------------------------------------------------------- pelaksanaan (BM-02)

def add_activity(a: MandiriAssignment, kegiatan: str, target: str, tanggal: dt.date) -> MandiriActivity:
    """The employee sets their own schedule with targets, inside the assignment period."""
    _status(a, AssignmentStatus.DITERIMA, what="Penyusunan jadwal")
    if not a.tanggal_mulai <= tanggal <= a.tanggal_selesai:
        raise WorkflowError(f"Jadwal harus di dalam masa belajar mandiri ({i18n.tanggal(a.tanggal_mulai)} "
                            f"s.d. {i18n.tanggal(a.tanggal_selesai)}) ({BM_02}).")
    activity = MandiriActivity(assignment=a, kegiatan=kegiatan, target=target, tanggal=tanggal)
    db.session.add(activity)
    db.session.flush()
    return activity


def mark_done(activity: MandiriActivity, on: dt.date | None = None) -> None:
    """The employee marks an activity realised (Kegiatan yang Terealisasi, Tabel 7)."""
    _status(activity.assignment, AssignmentStatus.DITERIMA, what="Penandaan kegiatan")
    if activity.selesai_on is None:
        activity.selesai_on = on or today()


def remove_activity(activity: MandiriActivity) -> None:
    _status(activity.assignment, AssignmentStatus.DITERIMA, what="Penghapusan jadwal")
    if activity.selesai_on is not None:
        raise WorkflowError(f"Kegiatan yang sudah terealisasi tidak dapat dihapus ({BM_02}).")
    activity.assignment.activities.remove(activity)
    db.session.flush()


# --------------------------------------------------------------------------- pelaporan (BM-04)

def submit_report(a: MandiriAssignment, laporan: str) -> None:
    """Tabel 6 pelaporan 1: the employee reports to the unit head (copies: HR unit, atasan)."""
    _status(a, AssignmentStatus.DITERIMA, what="Penyampaian laporan")
    if a.done_count == 0:
        raise WorkflowError(f"Tandai minimal satu kegiatan terealisasi sebelum menyampaikan "
                            f"laporan ({BM_04}).")
    a.laporan, a.reported_on = laporan, today()
    _move(a, "dilaporkan", "report", f"Laporan belajar mandiri #{a.id} disampaikan ({BM_04})")


def accept_report(a: MandiriAssignment, user: Account):
    """Tabel 6 pelaporan 2: the HR unit takes the report into its recap; JP is credited (G-06)."""
    _status(a, AssignmentStatus.DILAPORKAN, what="Penerimaan laporan")
    try:
        entry = credit(Participation(
            employee_id=a.employee_id, mechanism=SLUG, activity_type=SLUG, role=ROLE,
            on_date=a.reported_on or today(), title=f"Belajar mandiri: {a.kompetensi}"[:300],
            reference=f"{SLUG}:{a.id}"), actor_id=user.id)
    except LedgerError as error:
        raise WorkflowError(str(error)) from None
    a.ledger_entry_id, a.report_accepted_by_id, a.report_accepted_at = entry.id, user.id, utcnow()
    _move(a, "selesai", "accept_report", f"Laporan belajar mandiri #{a.id} diterima unit SDM; "
          f"JP dicatat ({BM_04})", ledger_entry_id=entry.id)
    return entry


# --------------------------------------------------------------------------- monitoring (BM-03)

MONITORING_FIELDS = ("target_kegiatan", "jadwal", "kegiatan_terealisasi", "kesesuaian", "keterangan")


def suggested(a: MandiriAssignment) -> dict[str, str]:
    """Tabel 7 columns 6–8 as the employee's own schedule states them (a starting point)."""
    return {
        "target_kegiatan": "; ".join(f"{x.kegiatan}: {x.target}" for x in a.activities),
        "jadwal": "; ".join(f"{i18n.tanggal(x.tanggal)}: {x.kegiatan}" for x in a.activities),
        "kegiatan_terealisasi": "; ".join(f"{x.kegiatan} ({i18n.tanggal(x.selesai_on)})"
                                          for x in a.activities if x.selesai_on),
        "kesesuaian": "", "keterangan": "",
    }


def save_monitoring(a: MandiriAssignment, atasan: Employee, values: dict[str, str]) -> MandiriMonitoring:
    """The atasan fills one row of Tabel 7; a row already sent to the HR unit stays as sent."""
    if a.status not in ASSIGNED:
        raise WorkflowError(f"Belajar mandiri ini belum ditugaskan; belum dapat dimonitor ({BM_03}).")
    row = a.monitoring
    if row is not None and row.sent_at is not None:
        raise WorkflowError(f"Baris ini sudah dikirim ke unit pengembangan SDM dan tidak dapat "
                            f"diubah ({BM_03}).")
    if values.get("kesesuaian") and values["kesesuaian"] not in KESESUAIAN:
        raise WorkflowError("Pilih kesesuaian realisasi dengan jadwal dari daftar.")
    if row is None:
        row = MandiriMonitoring(assignment=a)
        db.session.add(row)
    before = {f: getattr(row, f) for f in MONITORING_FIELDS}
    for name in MONITORING_FIELDS:
        setattr(row, name, values.get(name) or "")
    row.atasan, row.updated_at = atasan, utcnow()
    db.session.flush()
    record("belajar_mandiri.monitoring", ENTITY, a.id, before,
           {f: getattr(row, f) for f in MONITORING_FIELDS},
           summary=f"Monitoring belajar mandiri #{a.id} diisi atasan {atasan.nip} ({BM_03})")
    return row


def send_monitoring(assignments: list[MandiriAssignment], atasan: Employee) -> int:
    """Send the atasan's filled Tabel 7 to the HR unit: every listed row must be complete."""
    unsent = [a for a in assignments if a.monitoring is None or a.monitoring.sent_at is None]
    if not unsent:
        raise WorkflowError(f"Tidak ada baris monitoring yang belum dikirim ({BM_03}).")
    missing = [a.employee.nama for a in unsent
               if a.monitoring is None or not a.monitoring.kesesuaian]
    if missing:
        raise WorkflowError("Lengkapi kolom Kesesuaian Realisasi dengan Jadwal untuk "
                            f"{', '.join(missing[:5])} sebelum dikirim ({BM_03}).")
    now = utcnow()
    for a in unsent:
        a.monitoring.sent_at = now
        record("belajar_mandiri.monitoring_send", ENTITY, a.id, None, {"sent": True},
               summary=f"Monitoring belajar mandiri #{a.id} dikirim ke unit SDM oleh "
                       f"{atasan.nip} ({BM_03})")
    return len(unsent)
