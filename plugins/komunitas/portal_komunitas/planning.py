"""The organiser's plan (Lamp. F.1.a, F.1.b, F.1.d; KB-11, a rule the catalogue lacked): the
participant unit identifies its development needs, sets the plan, material and speakers, and
reports them to the HR unit, which receives them. No proposal is submitted before the unit
has reported its plan for the year. The caller commits."""

from __future__ import annotations

from sqlalchemy import select

from portal.sdk import Account, Refusal, Unit, claim_state, db, record, utcnow
from portal_komunitas import rules
from portal_komunitas.models import KomunitasPlan, PlanStatus, Proposal

KB_11 = "KB-11"
FIELDS = ("kebutuhan", "rencana", "materi", "pemateri")


class PlanError(Refusal):
    """A refused change; the Indonesian message names KB-11."""


def plan_of(unit_id: int, tahun: int) -> KomunitasPlan | None:
    return db.session.scalar(select(KomunitasPlan).where(KomunitasPlan.unit_id == unit_id,
                                                         KomunitasPlan.tahun == tahun))


def report(unit: Unit, tahun: int, values: dict[str, str], actor: Account) -> KomunitasPlan:
    """Report (or revise) the unit's plan for ``tahun``; a revision is received again."""
    if refusal := rules.organiser_refusal(unit):
        raise PlanError(refusal)
    if not rules.is_member(actor, unit):
        raise PlanError(f"Rencana dilaporkan oleh koordinator atau admin unit penyelenggara ({KB_11}).")
    missing = [name for name in FIELDS if not (values.get(name) or "").strip()]
    if missing:
        raise PlanError(f"Lengkapi kebutuhan pengembangan, rencana penyelenggaraan, materi dan pemateri "
                        f"yang diusulkan ({KB_11}).")
    plan = plan_of(unit.id, tahun)
    old = None
    if plan is None:
        plan = KomunitasPlan(unit_id=unit.id, tahun=tahun, status=PlanStatus.DILAPORKAN)
        db.session.add(plan)
    else:
        old = {name: getattr(plan, name) for name in (*FIELDS, "status")}
        claim_state(plan, (plan.status,), PlanStatus.DILAPORKAN)  # as read: a concurrent receipt is refused
    for name in FIELDS:
        setattr(plan, name, values[name].strip()[:8000])
    plan.reported_by_id, plan.reported_at = actor.id, utcnow()
    plan.received_by_id = plan.received_at = None
    db.session.flush()
    record("komunitas.plan", "komunitas_plan", plan.id, old,
           {**{name: getattr(plan, name) for name in FIELDS}, "status": PlanStatus.DILAPORKAN},
           summary=f"Rencana komunitas belajar {unit.nama} {tahun} dilaporkan ke unit SDM ({KB_11})",
           actor_id=actor.id)
    return plan


def receive(plan: KomunitasPlan, actor: Account) -> None:
    """The HR unit receives the reported plan (F.1.a, F.1.d)."""
    if not rules.is_sdm(actor):
        raise PlanError(f"Rencana diterima oleh unit SDM ({KB_11}).")
    if plan.status != PlanStatus.DILAPORKAN:
        raise PlanError("Rencana ini sudah diterima.")
    claim_state(plan, (PlanStatus.DILAPORKAN,), PlanStatus.DITERIMA)
    plan.received_by_id, plan.received_at = actor.id, utcnow()
    record("komunitas.plan.receive", "komunitas_plan", plan.id, {"status": PlanStatus.DILAPORKAN},
           {"status": PlanStatus.DITERIMA}, summary=f"Rencana komunitas belajar {plan.unit.nama} {plan.tahun} "
           f"diterima unit SDM ({KB_11})", actor_id=actor.id)


def submit_refusal(proposal: Proposal, tahun: int) -> str | None:
    """KB-11: a proposal is submitted only once its unit reported the year's plan."""
    if plan_of(proposal.unit_id, tahun) is None:
        return (f"{proposal.unit.nama} belum melaporkan rencana penyelenggaraan komunitas belajar tahun "
                f"{tahun} beserta materi dan pemateri yang diusulkan kepada unit SDM; laporkan rencana "
                f"sebelum mengajukan usulan (Lamp. F.1.a, F.1.d, {KB_11}).")
    return None
