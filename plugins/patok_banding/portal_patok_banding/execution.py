"""Pelaksanaan (PB-03), monitoring and reporting (PB-05, as classical training) of one participant,
after the ten preparation steps; the accepted report credits the JP ledger. The caller commits."""

from __future__ import annotations

from portal.sdk import (
    Account,
    LedgerError,
    Participation,
    claim_state,
    credit,
    notify,
    path_for,
    tanggal,
    today,
    utcnow,
)
from portal_patok_banding import rules
from portal_patok_banding.jp import ACTIVITY, ROLE, SLUG
from portal_patok_banding.models import PBParticipant, PBProgram
from portal_patok_banding.steps import PB02, PB03, PB05
from portal_patok_banding.workflow import WorkflowError, audit

# --------------------------------------------------------------------------- PB-03

def _prepared(program: PBProgram) -> None:
    if program.next_step is not None:
        raise WorkflowError("Tahapan pelaksanaan dimulai setelah seluruh langkah persiapan "
                            f"Tabel 5 selesai; menunggu langkah {program.next_step.number} "
                            f"({program.next_step.text}) ({PB02}).")


def record_execution(person: PBParticipant, values: dict, user: Account) -> None:
    """PB-03: the participant records best practices, coordination, attendance and data."""
    program = person.program
    _prepared(program)
    if person.employee_id != user.employee_id or not person.lolos:
        raise WorkflowError(f"Pelaksanaan patok banding dicatat oleh peserta sendiri ({PB03}).")
    if person.laporan_status in ("menunggu", "diterima"):
        raise WorkflowError("Laporan sudah dikirim; catatan pelaksanaan tidak dapat diubah "
                            f"kecuali laporan dikembalikan ({PB05}).")
    if today() < program.tanggal_mulai:
        raise WorkflowError(f"Pelaksanaan baru dapat dicatat sejak tanggal mulai "
                            f"{tanggal(program.tanggal_mulai)} ({PB03}).")
    old = {key: getattr(person, key) for key in values}
    for key, value in values.items():
        setattr(person, key, value)
    person.pelaksanaan_at = utcnow()
    audit("pelaksanaan", program, {"employee_id": person.employee_id, **values},
           f"Pelaksanaan patok banding dicatat oleh {person.employee.nama} ({PB03})", old=old)


def execution_refusal(person: PBParticipant) -> str | None:
    """PB-03: all four items recorded, with full attendance, before reporting."""
    if person.pelaksanaan_at is None or not all(
            (getattr(person, key) or "").strip() for key in ("best_practice", "koordinasi",
                                                             "data_digali")):
        return ("Lengkapi catatan pelaksanaan: best practice, koordinasi dengan lembaga tujuan "
                f"dan data/informasi yang digali ({PB03}).")
    if not person.hadir_penuh:
        return ("Peserta mengikuti patok banding secara utuh/penuh sesuai jadwal yang ditetapkan; "
                f"tanpa kehadiran penuh laporan tidak dapat diajukan ({PB03}).")
    return None


# --------------------------------------------------------------------------- PB-05

def submit_report(person: PBParticipant, laporan: str, user: Account) -> None:
    """PB-05: as in classical training, the participant reports after the activity ends."""
    program = person.program
    _prepared(program)
    if person.employee_id != user.employee_id:
        raise WorkflowError(f"Laporan dikirim oleh peserta sendiri ({PB05}).")
    if person.laporan_status in ("menunggu", "diterima"):
        raise WorkflowError("Laporan ini sudah dikirim.")
    if refusal := execution_refusal(person):
        raise WorkflowError(refusal)
    if today() < program.tanggal_selesai:
        raise WorkflowError("Laporan dikirim setelah patok banding selesai pada "
                            f"{tanggal(program.tanggal_selesai)} ({PB05}).")
    person.laporan = laporan
    claim_state(person, (person.laporan_status,), "menunggu", attribute="laporan_status")
    person.laporan_at = utcnow()
    audit("laporan", program, {"employee_id": person.employee_id, "laporan_status": "menunggu"},
           f"Laporan patok banding dari {person.employee.nama} ({PB05})")


def participation(person: PBParticipant) -> Participation:
    program = person.program
    return Participation(
        employee_id=person.employee_id, mechanism=SLUG, activity_type=ACTIVITY, role=ROLE,
        on_date=program.tanggal_selesai,
        title=f"Patok banding: {program.judul} ({program.lembaga_tujuan})"[:300],
        reference=f"patok_banding:peserta:{person.id}", organiser_unit_id=program.unit_id,
        source="workflow")


def _monitor(person: PBParticipant, user: Account) -> None:
    if not rules.is_sdm(user):
        raise WorkflowError(f"Monitoring dan verifikasi laporan oleh Unit Organisasi Pengembangan "
                            f"SDM ({PB05}).")
    if person.employee_id == user.employee_id:
        raise WorkflowError("Laporan Anda sendiri diverifikasi oleh admin SDM lain.")
    if person.laporan_status != "menunggu":
        raise WorkflowError(f"Tidak ada laporan yang menunggu verifikasi ({PB05}).")


def accept_report(person: PBParticipant, user: Account, catatan: str) -> None:
    """PB-05: monitoring confirms the report and attendance; the JP is credited (G-06)."""
    _monitor(person, user)
    if refusal := execution_refusal(person):
        raise WorkflowError(refusal)
    try:
        entry = credit(participation(person), actor_id=user.id)
    except LedgerError as error:
        raise WorkflowError(str(error)) from None
    person.ledger_entry_id = entry.id
    claim_state(person, ("menunggu",), "diterima", attribute="laporan_status")
    person.catatan_monitoring = catatan
    person.verified_by_id = user.id
    person.verified_at = utcnow()
    audit("laporan.diterima", person.program, {"employee_id": person.employee_id,
                                                "ledger_entry_id": entry.id},
           f"Laporan {person.employee.nama} diterima; JP dicatat ({PB05})")


def return_report(person: PBParticipant, user: Account, note: str) -> None:
    _monitor(person, user)
    claim_state(person, ("menunggu",), "dikembalikan", attribute="laporan_status")
    person.catatan_monitoring = note
    person.verified_by_id = user.id
    person.verified_at = utcnow()
    audit("laporan.dikembalikan", person.program, {"employee_id": person.employee_id,
                                                    "catatan": note},
           f"Laporan {person.employee.nama} dikembalikan: {note}")
    notify([person.employee], f"Laporan patok banding dikembalikan: {person.program.judul}"[:200],
           f"Catatan: {note}", kind="keputusan", url=path_for("patok_banding.program", program_id=person.program_id))

