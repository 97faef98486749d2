"""The development block of MG-10 / PT-08, enforced by the core for every mechanism.

A participant who does not pass a placement for a cause **within their control** "belum dapat
diberikan peluang untuk mengikuti program pengembangan kompetensi selanjutnya untuk jangka
waktu tertentu sampai dilakukannya evaluasi kinerja" (Lamp. A.7.c.4.b; Lamp. B for PT-08).
The circular names no period: the [open] core setting ``core.mg10_block_months`` is a waiting
period before the clearing evaluation may be recorded, default 0 (none). The block applies from
the final evaluation date and lasts until an admin SDM records a clearing performance
evaluation, which is possible once the waiting period (if any) has passed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.audit import record
from portal.extensions import db
from portal.i18n import tanggal
from portal.models import Account, Employee
from portal.placements.errors import PlacementError
from portal.placements.models import DevelopmentBlock, Placement
from portal.placements.schedule import add_span
from portal.request_memo import per_request
from portal.rule_settings.versions import core_value
from portal.types import Span, Verdict

SETTING = "mg10_block_months"


def create(placement: Placement, rule_id: str, noun: str, on_date: dt.date, actor: Account) -> DevelopmentBlock:
    """Block the placement's employee from ``on_date`` for the set period (MG-10 / PT-08)."""
    months = int(core_value(SETTING, on_date))
    ends_on = add_span(on_date, Span(months, "months"))
    reason = (f"Tidak lulus {noun} di {placement.host_name or 'instansi penerima'} karena sebab "
              f"dalam kendali peserta (evaluasi akhir {tanggal(on_date)}): {placement.cause_note}")
    block = DevelopmentBlock(employee_id=placement.employee_id, placement_id=placement.id,
                             rule_id=rule_id, reason=reason[:2000], starts_on=on_date, ends_on=ends_on)
    db.session.add(block)
    db.session.flush()
    record("development_block.create", "development_block", block.id, None,
           {"employee_id": placement.employee_id, "rule_id": rule_id, "starts_on": on_date,
            "ends_on": ends_on, "months": months}, f"Blokir pengembangan ({rule_id})", actor.id)
    return block


def blocks_of(employee_id: int) -> list[DevelopmentBlock]:
    """Newest first; asked once a page view (each offer's eligibility check asks it)."""
    return list(per_request(("development_blocks", employee_id), lambda: tuple(db.session.scalars(
        select(DevelopmentBlock).where(DevelopmentBlock.employee_id == employee_id)
        .order_by(DevelopmentBlock.starts_on.desc())))))


def blocks_for(employee_ids: set[int]) -> dict[int, list[DevelopmentBlock]]:
    """:func:`blocks_of` for many employees, one query per chunk (bulk imports)."""
    from portal.imports.validation import chunks

    found: dict[int, list[DevelopmentBlock]] = {}
    for part in chunks(employee_ids):
        for block in db.session.scalars(select(DevelopmentBlock).where(
                DevelopmentBlock.employee_id.in_(part))
                .order_by(DevelopmentBlock.starts_on.desc())):
            found.setdefault(block.employee_id, []).append(block)
    return found


def describe(block: DevelopmentBlock) -> str:
    """The block's reason and state, as shown on the employee page and in eligibility answers."""
    waiting = (f"; masa tunggu yang ditetapkan (pengaturan lokal unit SDM) berakhir {tanggal(block.ends_on)}"
               if block.ends_on > block.starts_on else "")
    state = (f"tidak dapat mengikuti program pengembangan kompetensi apa pun sejak "
             f"{tanggal(block.starts_on)}{waiting}, dan blokir berlaku sampai evaluasi kinerja memulihkannya")
    return f"{block.reason.rstrip('.')}. Pegawai {state} ({block.rule_id})."


def verdicts(employee: Employee, on_date: dt.date) -> list[Verdict]:
    """A deny for each block active on ``on_date`` (MG-10 / PT-08); nothing otherwise."""
    return [Verdict(False, block.rule_id, describe(block))
            for block in blocks_of(employee.id) if block.active_on(on_date)]


def refusal(employee: Employee, on_date: dt.date) -> str | None:
    """Why ``employee`` may not start any development programme on ``on_date`` (the MG-10 /
    PT-08 blocks active then), for a plugin's workflow to refuse with; ``None`` when free."""
    reasons = [verdict.message for verdict in verdicts(employee, on_date)]
    return ("Pegawai sedang diblokir dari program pengembangan kompetensi: " + " ".join(reasons)
            if reasons else None)


def clear(block: DevelopmentBlock, actor: Account, on_date: dt.date, note: str, today: dt.date) -> None:
    """Record the clearing performance evaluation of ``block`` (admin SDM; audited)."""
    note = (note or "").strip()
    if block.cleared_on is not None:
        raise PlacementError(f"Blokir ini sudah dipulihkan pada {tanggal(block.cleared_on)} ({block.rule_id}).")
    if not note:
        raise PlacementError(f"Tuliskan hasil evaluasi kinerja yang memulihkan ({block.rule_id}).")
    if on_date > today:
        raise PlacementError("Tanggal evaluasi kinerja tidak boleh di masa depan.")
    if on_date < block.ends_on:
        raise PlacementError(f"Evaluasi kinerja yang memulihkan baru dapat dicatat setelah masa blokir "
                             f"berakhir pada {tanggal(block.ends_on)} ({block.rule_id}).")
    block.cleared_on, block.clearing_note, block.cleared_by_id = on_date, note[:2000], actor.id
    record("development_block.clear", "development_block", block.id, {"cleared_on": None},
           {"cleared_on": on_date, "note": note[:200]}, f"Blokir pengembangan dipulihkan ({block.rule_id})",
           actor.id)
