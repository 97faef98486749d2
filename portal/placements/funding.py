"""Costs of a placement and their funding source (Lamp. A.9: APBN/APBD or another lawful
source; G-07), borne by the sending unit (A.d.5.a, B.5.f.2). Reuses ``portal.costs``. The
caller commits."""

from __future__ import annotations

from portal.audit import record
from portal.costs import CATEGORIES, CostForm, apply_costs, cost_total, funding_label
from portal.i18n import rupiah
from portal.models import Account
from portal.placements import rules
from portal.placements.errors import PlacementError
from portal.placements.models import Placement
from portal.placements.service import log_step
from portal.types import PlacementKind

KEYS = (*CATEGORIES, "sumber_dana", "sumber_dana_keterangan")


def _snapshot(placement: Placement) -> dict:
    return {key: (None if getattr(placement, key) is None else str(getattr(placement, key))) for key in KEYS}


def record_costs(kind: PlacementKind, placement: Placement, actor: Account, form: CostForm) -> None:
    """Copy a validated cost form onto the placement; audited with the old and new figures."""
    if not rules.can_manage(actor, placement):
        raise PlacementError(f"Biaya {kind.noun} dicatat oleh instansi pengirim (admin unit/unit SDM) (G-07).")
    before = _snapshot(placement)
    apply_costs(form, placement)
    log_step(placement, actor, "biaya", f"Biaya {kind.noun} dicatat: jumlah {rupiah(cost_total(placement))}, "
             f"sumber dana {funding_label(placement)} (G-07).")
    record("placement.costs", "placement", placement.id, before, _snapshot(placement),
           f"Biaya {kind.noun} #{placement.id} dicatat (G-07)", actor.id)
