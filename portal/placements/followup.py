"""The sending unit's duties around a placement (Lamp. A.d.6, B "upaya instansi pengirim"):
before the start, the check that the unit left behind keeps its tasks going (A.d.6.c);
afterwards, the career follow-up — promotion, transfer or assignment (A.d.6.b). The caller
commits."""

from __future__ import annotations

import datetime as dt

from portal.audit import record
from portal.i18n import tanggal
from portal.models import Account
from portal.models.account import utcnow
from portal.placements import rules
from portal.placements.errors import PlacementError
from portal.placements.models import FOLLOWUPS, Placement, PlacementFollowup, PlacementStatus
from portal.placements.service import log_step
from portal.types import PlacementKind


def can_check_continuity(user: Account, placement: Placement) -> bool:
    """The participant's atasan, or the origin unit's admins and the HR unit."""
    return rules.is_atasan(user, placement) or rules.can_manage(user, placement)


def set_continuity(kind: PlacementKind, placement: Placement, actor: Account, note: str) -> None:
    """Record how the unit left behind carries on the participant's tasks (A.d.6.c)."""
    rule = kind.rules.followup
    if not rule:
        raise PlacementError(f"Pemeriksaan unit yang ditinggalkan tidak diatur untuk {kind.noun}.")
    if not can_check_continuity(actor, placement):
        raise PlacementError(f"Pemeriksaan unit yang ditinggalkan dicatat oleh atasan langsung atau admin unit "
                             f"peserta ({rule}).")
    if placement.status != PlacementStatus.PERSIAPAN:
        raise PlacementError(f"Pemeriksaan unit yang ditinggalkan dicatat sebelum {kind.noun} dimulai ({rule}).")
    note = (note or "").strip()[:4000]
    if not note:
        raise PlacementError(f"Tuliskan siapa melaksanakan tugas dan fungsi peserta selama {kind.noun} dan "
                             f"bagaimana unit yang ditinggalkan tetap berjalan ({rule}).")
    placement.continuity_note, placement.continuity_by_id, placement.continuity_at = note, actor.id, utcnow()
    log_step(placement, actor, "unit_ditinggalkan", f"Keberlanjutan tugas di unit yang ditinggalkan diperiksa: "
             f"{note} ({rule}).")


def missing_continuity(kind: PlacementKind, placement: Placement) -> list[str]:
    if kind.rules.followup and not placement.continuity_note:
        return [f"pemeriksaan keberlanjutan tugas di unit yang ditinggalkan ({kind.rules.followup})"]
    return []


def add_followup(kind: PlacementKind, placement: Placement, actor: Account, *, key: str, on_date: dt.date | None,
                 description: str, today: dt.date) -> PlacementFollowup:
    """The origin unit records a career follow-up after the placement (A.d.6.b)."""
    rule = kind.rules.followup
    if not rule:
        raise PlacementError(f"Tindak lanjut karier tidak diatur untuk {kind.noun}.")
    if not rules.can_manage(actor, placement):
        raise PlacementError(f"Tindak lanjut karier dicatat oleh unit asal peserta (admin unit/unit SDM) ({rule}).")
    if placement.status != PlacementStatus.SELESAI:
        raise PlacementError(f"Tindak lanjut karier dicatat setelah {kind.noun} selesai dievaluasi ({rule}).")
    if key not in FOLLOWUPS:
        raise PlacementError(f"Pilih bentuk tindak lanjut: promosi, mutasi atau pemberdayaan ({rule}).")
    if on_date is None or on_date > today or (placement.final_on and on_date < placement.final_on):
        raise PlacementError(f"Tanggal tindak lanjut antara evaluasi akhir ({tanggal(placement.final_on)}) dan "
                             f"hari ini ({rule}).")
    description = (description or "").strip()[:4000]
    if not description:
        raise PlacementError(f"Uraikan tindak lanjutnya, mis. jabatan baru atau penugasan ({rule}).")
    followup = PlacementFollowup(kind=key, on_date=on_date, description=description, created_by_id=actor.id)
    placement.followups.append(followup)
    log_step(placement, actor, "tindak_lanjut", f"Tindak lanjut karier: {FOLLOWUPS[key]} per {tanggal(on_date)} — "
             f"{description} ({rule}).")
    record("placement.followup", "placement", placement.id, None,
           {"kind": key, "on": on_date.isoformat(), "description": description},
           f"Tindak lanjut karier pasca {kind.noun}: {FOLLOWUPS[key]} ({rule})", actor.id)
    return followup
