"""What a user may do on a komunitas belajar proposal, material or annual plan now (issue 13);
the pages render only these, and the workflow refuses the same steps with its KB messages."""

from __future__ import annotations

from portal.sdk import Account, Actions
from portal_komunitas import rules
from portal_komunitas.materials import is_jpt
from portal_komunitas.models import KomunitasPlan, Material, MaterialStatus, PlanStatus, Proposal, ProposalStatus

proposal_actions = Actions("Langkah ini tidak tersedia untuk Anda pada tahap usulan ini.")
material_actions = Actions("Langkah ini tidak tersedia untuk Anda pada tahap bahan ini.")
plan_actions = Actions("Rencana ini sudah diterima atau Anda bukan admin SDM.")


@proposal_actions.action("edit", "submit")
def _organiser_drafting(p: Proposal, user: Account) -> bool:
    return p.editable and rules.is_member(user, p.unit)


@proposal_actions.action("sign")
def _head(p: Proposal, user: Account) -> bool:
    """KB-03: the unit head signs before the HR unit verifies."""
    return p.status == ProposalStatus.MENUNGGU_PIMPINAN and rules.is_head(user, p.unit)


@proposal_actions.action("approve")
def _verifier(p: Proposal, user: Account) -> bool:
    """KB-04: admin SDM verifies."""
    return p.status == ProposalStatus.MENUNGGU_SDM and rules.is_sdm(user)


@proposal_actions.action("return")
def _returning(p: Proposal, user: Account) -> bool:
    verified_or_verifying = (ProposalStatus.MENUNGGU_SDM, ProposalStatus.DISETUJUI)
    return _head(p, user) or (p.status in verified_or_verifying and rules.is_sdm(user))


@proposal_actions.action("schedule")
def _organiser_running(p: Proposal, user: Account) -> bool:
    return p.approved and p.bentuk != "berbagi_bahan" and rules.is_member(user, p.unit)


@material_actions.action("approve")
def _jpt(m: Material, user: Account) -> bool:
    """KB-07: the JPT Pratama approves and vouches for the material first."""
    return m.status == MaterialStatus.MENUNGGU_JPT and is_jpt(user, m)


@material_actions.action("accept")
def _sdm(m: Material, user: Account) -> bool:
    return m.status == MaterialStatus.MENUNGGU_SDM and rules.is_sdm(user)


@material_actions.action("return")
def _returning_material(m: Material, user: Account) -> bool:
    return _jpt(m, user) or _sdm(m, user)


@plan_actions.action("receive")
def _receiving(plan: KomunitasPlan, user: Account) -> bool:
    return plan.status == PlanStatus.DILAPORKAN and rules.is_sdm(user)
