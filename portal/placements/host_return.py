"""The host unit sends the participant back to the origin unit (Lamp. A.d.3.a.2, B.5.c.3: the
host enforces its rules "hingga mengembalikan ... ke instansi asalnya jika dipandang perlu").

The placement ends as ``dikembalikan`` without JP and without a certificate; the participant
and their atasan are told in their inbox. The caller commits."""

from __future__ import annotations

import datetime as dt

from portal.audit import record
from portal.i18n import tanggal
from portal.inbox.notices import notify
from portal.models import Account
from portal.placements import rules
from portal.placements.errors import PlacementError
from portal.placements.models import Placement, PlacementStatus
from portal.placements.service import log_step
from portal.transitions import claim_state
from portal.types import PlacementKind


def can_send_back(user: Account, placement: Placement) -> bool:
    """The host's mentor with a portal account, or an admin recording the host's decision."""
    return rules.is_mentor(user, placement) or rules.can_manage(user, placement)


def send_back(kind: PlacementKind, placement: Placement, actor: Account, *, reason: str, decided_by: str,
              on_date: dt.date | None, today: dt.date) -> None:
    """End a running placement because the host returns the participant; no JP is credited."""
    rule = kind.rules.host_return
    if not rule:
        raise PlacementError(f"Pengembalian peserta oleh instansi penerima tidak diatur untuk {kind.noun}.")
    if not can_send_back(actor, placement):
        raise PlacementError(f"Pengembalian peserta diputuskan instansi penerima; dicatat oleh mentor instansi "
                             f"penerima atau admin atas nama instansi penerima ({rule}).")
    if placement.status != PlacementStatus.BERJALAN:
        raise PlacementError(f"Peserta hanya dapat dikembalikan dari {kind.noun} yang sedang berjalan ({rule}).")
    reason = (reason or "").strip()[:4000]
    if not reason:
        raise PlacementError(f"Tuliskan alasan pengembalian: aturan instansi penerima yang ditegakkan ({rule}).")
    decided_by = (decided_by or "").strip()[:200]
    if rules.is_mentor(actor, placement) and not decided_by:
        decided_by = actor.employee.nama
    if not decided_by:
        raise PlacementError(f"Isi nama dan jabatan pejabat instansi penerima yang memutuskan ({rule}).")
    if on_date is None or on_date > today or (placement.start_date and on_date < placement.start_date):
        raise PlacementError(f"Tanggal pengembalian antara {tanggal(placement.start_date)} dan hari ini ({rule}).")
    # a concurrent decision is refused
    claim_state(placement, (PlacementStatus.BERJALAN,), PlacementStatus.DIKEMBALIKAN)
    placement.return_reason, placement.return_decided_by, placement.returned_on = reason, decided_by, on_date
    log_step(placement, actor, "pengembalian", f"Instansi penerima ({placement.host_name}) mengembalikan peserta "
             f"ke instansi asal per {tanggal(on_date)}, diputuskan {decided_by}: {reason}. {kind.noun.capitalize()} "
             f"berakhir tanpa JP ({rule}).")
    record("placement.send_back", "placement", placement.id, {"status": PlacementStatus.BERJALAN},
           {"status": PlacementStatus.DIKEMBALIKAN, "reason": reason, "decided_by": decided_by,
            "on": on_date.isoformat()},
           f"Peserta {kind.noun} dikembalikan instansi penerima ({rule})", actor.id)
    notify([placement.employee, placement.employee.supervisor],
           f"Peserta {kind.noun} dikembalikan ke instansi asal ({rule})",
           f"{placement.employee.nama} dikembalikan oleh {placement.host_name} per {tanggal(on_date)}: {reason}. "
           f"{kind.noun.capitalize()} berakhir tanpa JP.")
