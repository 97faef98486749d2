"""State changes of a patok banding: the ten preparation steps of Tabel 5, in order and each by
the role the table names (PB-02; PB-04 at steps 2–3). Each change is audited; the caller commits."""

from __future__ import annotations

from portal.sdk import (
    Account,
    CostForm,
    EligibilityRefusal,
    Employee,
    Refusal,
    Unit,
    apply_costs,
    cost_total,
    db,
    funding_label,
    record,
    require_eligible,
    rupiah,
    tanggal,
    today,
    utcnow,
)
from portal.sdk import check_eligibility as check
from portal_patok_banding import rules
from portal_patok_banding.jp import ROLE, SLUG
from portal_patok_banding.models import PBNeed, PBParticipant, PBProgram, PBStep
from portal_patok_banding.steps import BY_KEY, PB02


class WorkflowError(Refusal):
    """A refused change; the Indonesian message (with its rule ID) is shown to the user."""


def audit(action: str, program: PBProgram, new: dict | None, summary: str, old=None) -> None:
    record(f"patok_banding.{action}", "patok_banding_program", program.id, old, new,
           summary=summary)


def _done(program: PBProgram, key: str, user: Account, catatan: str = "") -> PBStep:
    """Log step ``key`` as done by ``user`` now, in the order of Tabel 5 (PB-02)."""
    step = BY_KEY[key]
    if refusal := rules.order_refusal(program, step):
        raise WorkflowError(refusal)
    if not rules.can_act(user, program, step):
        raise WorkflowError(f"Langkah {step.number} dilakukan oleh {rules.actor_label(step)} "
                            f"(Tabel 5, {PB02}).")
    log = PBStep(program=program, step=step.number, actor=step.actor, catatan=catatan[:1000],
                  done_by_id=user.id, done_at=utcnow())
    db.session.add(log)
    db.session.flush()
    audit("langkah", program, {"step": step.number, "catatan": catatan},
           f"Patok banding #{program.id}: langkah {step.number} selesai ({step.text}) ({PB02})")
    return log


def _open_step(program: PBProgram, key: str, user: Account) -> None:
    """Refuse editing the data of step ``key`` unless it is the next step and the user's."""
    step = BY_KEY[key]
    if refusal := rules.order_refusal(program, step):
        raise WorkflowError(refusal)
    if not rules.can_act(user, program, step):
        raise WorkflowError(f"Langkah {step.number} dilakukan oleh {rules.actor_label(step)} "
                            f"(Tabel 5, {PB02}).")


# --------------------------------------------------------------------------- step 1

def create(unit: Unit, judul: str, user: Account) -> PBProgram:
    if not rules.is_participant_unit(user, unit):
        raise WorkflowError("Patok banding diusulkan oleh unit organisasi peserta pengembangan "
                            f"(admin unit atau pimpinan unit) (Tabel 5 langkah 1, {PB02}).")
    program = PBProgram(unit_id=unit.id, judul=judul, created_by_id=user.id)
    db.session.add(program)
    db.session.flush()
    audit("buat", program, {"unit_id": unit.id, "judul": judul},
           f"Patok banding #{program.id} dibuat: {judul}")
    return program


def add_need(program: PBProgram, unit: Unit, values: dict, user: Account) -> PBNeed:
    _open_step(program, "kebutuhan", user)
    if not unit.is_within(program.unit):
        raise WorkflowError(f"{unit.nama} bukan unit kerja di lingkungan {program.unit.nama} "
                            f"(Tabel 5 langkah 1, {PB02}).")
    need = PBNeed(program=program, unit_id=unit.id, **values)
    db.session.add(need)
    db.session.flush()
    audit("kebutuhan", program, {"unit_id": unit.id, **values},
           f"Usulan kebutuhan {values['kompetensi']} dari {unit.nama}")
    return need


def remove_need(program: PBProgram, need: PBNeed, user: Account) -> None:
    _open_step(program, "kebutuhan", user)
    audit("kebutuhan.hapus", program, None, f"Usulan kebutuhan {need.kompetensi} dihapus",
           old={"unit_id": need.unit_id, "kompetensi": need.kompetensi})
    db.session.delete(need)
    db.session.flush()


def finish_needs(program: PBProgram, user: Account) -> None:
    if not program.needs:
        raise WorkflowError("Catat minimal satu usulan kebutuhan pengembangan kompetensi teknis "
                            f"dari unit kerja (Tabel 5 langkah 1, {PB02}).")
    _done(program, "kebutuhan", user, f"{len(program.needs)} usulan kebutuhan")


# --------------------------------------------------------------------------- steps 2–3 (PB-04)

TARGET_FIELDS = ("lembaga_tujuan", "alamat_lembaga", "keunggulan_komparatif", "lembaga_sejenis")


def verify_target(program: PBProgram, values: dict, user: Account) -> None:
    _open_step(program, "verifikasi", user)
    if refusal := rules.advantage_refusal(values["keunggulan_komparatif"],
                                          values["lembaga_sejenis"]):
        raise WorkflowError(refusal)
    old = {key: getattr(program, key) for key in TARGET_FIELDS}
    for key in TARGET_FIELDS:
        setattr(program, key, values[key])
    program.return_note = None
    audit("lembaga", program, values, f"Lembaga tujuan dipilih: {values['lembaga_tujuan']}",
           old=old)
    _done(program, "verifikasi", user, values.get("catatan", ""))


def fix_target(program: PBProgram, user: Account, catatan: str) -> None:
    """Step 3: admin SDM approves and fixes the target (PB-04 checked again)."""
    _open_step(program, "penetapan", user)
    if refusal := rules.advantage_refusal(program.keunggulan_komparatif, program.lembaga_sejenis):
        raise WorkflowError(refusal)
    program.catatan_penetapan = catatan
    _done(program, "penetapan", user, catatan)


def return_target(program: PBProgram, user: Account, note: str) -> None:
    """Step 3 refused: the participant unit verifies and picks a target again (step 2)."""
    _open_step(program, "penetapan", user)
    log = program.done(BY_KEY["verifikasi"].number)
    program.steps.remove(log)
    program.return_note = note
    db.session.flush()
    audit("kembalikan", program, {"return_note": note},
           f"Lembaga tujuan patok banding #{program.id} dikembalikan: {note}")


# --------------------------------------------------------------------------- step 4

def schedule(program: PBProgram, values: dict, user: Account) -> None:
    _open_step(program, "jadwal", user)
    if values["tanggal_selesai"] < values["tanggal_mulai"]:
        raise WorkflowError("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    for key, value in values.items():
        if key != "catatan":
            setattr(program, key, value)
    _done(program, "jadwal", user, values.get("catatan", ""))


# --------------------------------------------------------------------------- step 5

def add_candidate(program: PBProgram, employee: Employee, values: dict, user: Account,
                  override_reason: str = "") -> PBParticipant:
    """Step 5: rank a candidate; the core's eligibility (G-03, MG-10/PT-08) is kept with its
    reasons, and passing the selection goes through the core's gate ("cannot decide yet" only
    with a recorded ``override_reason``)."""
    _open_step(program, "seleksi", user)
    if refusal := rules.candidate_refusal(program, employee):
        raise WorkflowError(refusal)
    on_date = program.tanggal_mulai or today()
    answer = check(employee, SLUG, on_date, {"role": ROLE})
    if values["lolos"]:
        try:
            answer = require_eligible(employee, SLUG, on_date, {"role": ROLE},
                                      override_reason=override_reason, actor=user)
        except EligibilityRefusal as refusal:
            raise WorkflowError(f"{employee.nama} tidak dapat dinyatakan lolos seleksi. "
                                f"{refusal}") from None
    person = PBParticipant(program=program, employee_id=employee.id, peringkat=values["peringkat"],
                         lolos=values["lolos"], catatan_seleksi=values["catatan_seleksi"],
                         kelayakan=answer.summary[:1000])
    db.session.add(person)
    db.session.flush()
    audit("kandidat", program, {"employee_id": employee.id, **values},
           f"Kandidat {employee.nama}: peringkat {values['peringkat']}, "
           f"{'lolos' if values['lolos'] else 'tidak lolos'} seleksi administrasi")
    return person


def remove_candidate(program: PBProgram, person: PBParticipant, user: Account) -> None:
    _open_step(program, "seleksi", user)
    audit("kandidat.hapus", program, None, f"Kandidat pegawai #{person.employee_id} dihapus",
           old={"employee_id": person.employee_id})
    program.participants.remove(person)
    db.session.flush()


def finish_selection(program: PBProgram, user: Account) -> None:
    if not program.selected:
        raise WorkflowError("Seleksi administrasi belum menghasilkan pegawai yang lolos "
                            f"(Tabel 5 langkah 5, {PB02}).")
    _done(program, "seleksi", user, f"{len(program.selected)} pegawai lolos seleksi")


# --------------------------------------------------------------------------- steps 6–8

def head_decision(program: PBProgram, values: dict, user: Account) -> None:
    """Step 6: names proposed to the head of the HR unit; admin SDM records the head's decision."""
    _open_step(program, "usulan_nama", user)
    program.pimpinan_nama = values["pimpinan_nama"]
    program.pimpinan_nip = values["pimpinan_nip"]
    program.tanggal_keputusan = values["tanggal_keputusan"]
    names = ", ".join(p.employee.nama for p in program.selected)
    _done(program, "usulan_nama", user,
          f"Disetujui {values['pimpinan_nama']} pada {tanggal(values['tanggal_keputusan'])}: {names}")


def proposal_letter(program: PBProgram, values: dict, user: Account) -> None:
    _open_step(program, "surat_usulan", user)
    program.nomor_surat_usulan = values["nomor"]
    program.tanggal_surat_usulan = values["tanggal"]
    _done(program, "surat_usulan", user, f"Surat nomor {values['nomor']}")


def assign(program: PBProgram, values: dict, user: Account) -> None:
    _open_step(program, "penugasan", user)
    program.nomor_surat_penugasan = values["nomor"]
    program.tanggal_surat_penugasan = values["tanggal"]
    _done(program, "penugasan", user, f"Surat penugasan nomor {values['nomor']}")


# --------------------------------------------------------------------------- step 9

def acknowledge(program: PBProgram, person: PBParticipant, user: Account) -> None:
    """Step 9: the assigned employee receives the assignment letter; the step is done when
    every assigned employee has."""
    _open_step(program, "diterima", user)
    if person.employee_id != user.employee_id or not person.lolos:
        raise WorkflowError(f"Surat penugasan diterima oleh pegawai yang ditugaskan ({PB02}).")
    if person.diterima_at is not None:
        raise WorkflowError("Anda sudah menyatakan menerima surat penugasan ini.")
    person.diterima_at = utcnow()
    audit("diterima", program, {"employee_id": person.employee_id},
           f"{person.employee.nama} menerima surat penugasan patok banding #{program.id}")
    if all(p.diterima_at for p in program.selected):
        _done(program, "diterima", user, "Seluruh pegawai yang ditugaskan menerima surat penugasan")


# --------------------------------------------------------------------------- step 10

def record_costs(program: PBProgram, form: CostForm, user: Account) -> None:
    _open_step(program, "biaya", user)
    apply_costs(form, program)
    _done(program, "biaya", user, f"Biaya {rupiah(cost_total(program))}, sumber dana "
                                   f"{funding_label(program)} (G-07)")
