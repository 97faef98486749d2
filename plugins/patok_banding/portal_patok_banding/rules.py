"""Who may do what, and the PB rules checked before a change (each names its rule ID)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, or_, select, true

from portal.sdk import Account, Unit, db
from portal_patok_banding.models import PBParticipant, PBProgram
from portal_patok_banding.steps import ACTORS, EMPLOYEE, PB02, PB04, UNIT, Step

MIN_ADVANTAGE = 20  # characters: a sentence, not a word (PB-04)


# --------------------------------------------------------------------------- roles

def is_sdm(user: Account) -> bool:
    """The HR unit (admin SDM; superadmin as its technical stand-in)."""
    return user.has_any("admin_sdm", "superadmin")


def unit_paths(user: Account) -> tuple[str, ...]:
    """Subtrees where the user acts for the participant unit: admin_unit or pimpinan_unit."""
    return user.admin_unit_paths + user.headed_unit_paths


def is_participant_unit(user: Account, unit: Unit) -> bool:
    return any(unit.path.startswith(path) for path in unit_paths(user))


def participant_of(user: Account, program: PBProgram) -> PBParticipant | None:
    return next((p for p in program.participants if p.employee_id == user.employee_id), None)


def can_act(user: Account, program: PBProgram, step: Step) -> bool:
    """The role Tabel 5 names for ``step`` (the head's decision is recorded by admin SDM)."""
    if step.actor == UNIT:
        return is_participant_unit(user, program.unit)
    if step.actor == EMPLOYEE:
        person = participant_of(user, program)
        return person is not None and person.lolos
    return is_sdm(user)


def can_view(user: Account, program: PBProgram) -> bool:
    return (is_sdm(user) or is_participant_unit(user, program.unit)
            or participant_of(user, program) is not None)


def visible_filter(user: Account) -> ColumnElement[bool]:
    """Programs the user may list (joined to Unit): SDM all; unit admins/heads their subtree;
    employees those where they are a candidate or participant."""
    if is_sdm(user):
        return true()
    paths = unit_paths(user)
    mine = PBProgram.id.in_(select(PBParticipant.program_id)
                          .where(PBParticipant.employee_id == user.employee_id))
    under = or_(*(Unit.path.startswith(p, autoescape=True) for p in paths)) if paths else false()
    return or_(mine, under)


def manageable_units(user: Account) -> list[Unit]:
    """Units the user may open a patok banding for (as the participant unit)."""
    paths = unit_paths(user)
    if not paths:
        return []
    query = select(Unit).where(or_(*(Unit.path.startswith(p, autoescape=True) for p in paths)))
    return list(db.session.scalars(query.order_by(Unit.path).limit(500)))


# --------------------------------------------------------------------------- PB rules

def order_refusal(program: PBProgram, step: Step) -> str | None:
    """PB-02: the steps of Tabel 5 are done in order, each once."""
    if program.done(step.number) is not None:
        return f"Langkah {step.number} ({step.text}) sudah dilakukan (Tabel 5, {PB02})."
    waiting = program.next_step
    if waiting is not None and waiting.number < step.number:
        return (f"Langkah {step.number} ({step.text}) belum dapat dilakukan: langkah "
                f"{waiting.number} ({waiting.text}) belum selesai; urutan persiapan mengikuti "
                f"Tabel 5 (Lamp. C, {PB02}).")
    return None


def advantage_refusal(keunggulan: str, sejenis: str) -> str | None:
    """PB-04: the target has a comparative advantage, comparable with similar institutions."""
    if len((keunggulan or "").strip()) < MIN_ADVANTAGE or not (sejenis or "").strip():
        return ("Lembaga tujuan patok banding harus memiliki keunggulan komparatif yang dapat "
                "dipersandingkan dengan lembaga sejenis: uraikan keunggulannya (minimal "
                f"{MIN_ADVANTAGE} karakter) dan sebutkan lembaga sejenis pembandingnya "
                f"(Lamp. C, {PB04}).")
    return None


def candidate_refusal(program: PBProgram, employee) -> str | None:
    """PB-02 step 5: the candidates are employees of the participant unit."""
    if not employee.unit.is_within(program.unit):
        return (f"{employee.nama} bukan pegawai {program.unit.nama}: seleksi administrasi "
                f"menentukan prioritas pegawai unit organisasi peserta (Tabel 5 langkah 5, {PB02}).")
    if any(p.employee_id == employee.id for p in program.participants):
        return f"{employee.nama} sudah menjadi kandidat patok banding ini."
    return None



def actor_label(step: Step) -> str:
    return ACTORS[step.actor]
