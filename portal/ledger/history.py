"""What the ledger asks of a participation's date: the circular's effective date and the
MG-10 / PT-08 development block.

* **Effective date** (SE 07/SE/KM/2023 §O): the circular applies from 30 November 2023. An
  activity dated earlier is credited at the JP its document or import file states, under the
  pre-circular rule ``PRA-SE`` (not a rule of the circular; docs/rules.md), and the circular's caps
  (CU-02, KB-05, CM-13 …) do not apply to it.
* **Block**: a workflow credit for an activity dated while an MG-10/PT-08 block was in force
  is refused; imported history is credited as recorded but flagged (:func:`block_flag`, the
  one function every import path calls).
"""

from __future__ import annotations

import datetime as dt

from portal.i18n import tanggal
from portal.types import JPResult, Participation

EFFECTIVE_DATE = dt.date(2023, 11, 30)
PRE_CIRCULAR_RULE = "PRA-SE"
PRE_CIRCULAR_LABEL = "Sebelum SE 07/SE/KM/2023 berlaku"


def is_pre_circular(on_date: dt.date) -> bool:
    return on_date < EFFECTIVE_DATE


def pre_circular_result(participation: Participation) -> JPResult | None:
    """The JP of an activity dated before the circular took effect: as stated (``PRA-SE``).

    ``None`` when the activity is on or after the effective date, or states no JP.
    """
    p = participation
    if not is_pre_circular(p.on_date) or p.jp_stated is None:
        return None
    source = "berkas impor" if p.source == "import" else "dokumen kegiatan"
    return JPResult(p.jp_stated, PRE_CIRCULAR_RULE,
                    f"Kegiatan sebelum SE 07/SE/KM/2023 berlaku ({tanggal(EFFECTIVE_DATE)}): "
                    f"JP sesuai {source}, tanpa aturan dan batas surat edaran")


def _block_reasons(employee_id: int, on_date: dt.date) -> list[tuple[str, str]]:
    from portal.placements.block import blocks_of, describe  # placements build on the ledger

    return [(block.rule_id, describe(block)) for block in blocks_of(employee_id)
            if block.active_on(on_date)]


def block_refusal(employee_id: int, on_date: dt.date) -> str | None:
    """Why a workflow credit dated ``on_date`` is refused (MG-10/PT-08 in force), or ``None``."""
    reasons = _block_reasons(employee_id, on_date)
    if not reasons:
        return None
    rules = "/".join(sorted({rule for rule, _ in reasons}))
    return (f"Kegiatan tanggal {tanggal(on_date)} tidak dapat dikreditkan: pada tanggal itu "
            f"pegawai sedang diblokir dari program pengembangan kompetensi ({rules}). "
            + " ".join(text for _, text in reasons))


def block_flag(employee_id: int, on_date: dt.date) -> str:
    """The flag of an imported row dated while a block was in force ("" when none).

    Imported history is credited as recorded; the flag says which block it fell under.
    """
    return _flag_text(_block_reasons(employee_id, on_date))


def block_flags(rows: list[tuple[int, dt.date]]) -> list[str]:
    """:func:`block_flag` of many (employee_id, date) pairs with one query per chunk of
    employees (the bulk import path, portal.ledger.bulk)."""
    from portal.placements.block import blocks_for, describe

    blocks = blocks_for({employee_id for employee_id, _ in rows})
    return [_flag_text([(block.rule_id, describe(block)) for block in blocks.get(employee_id, ())
                        if block.active_on(on_date)]) for employee_id, on_date in rows]


def _flag_text(reasons: list[tuple[str, str]]) -> str:
    if not reasons:
        return ""
    rules = "/".join(sorted({rule for rule, _ in reasons}))
    return (f"Ditandai: kegiatan impor bertanggal saat blokir pengembangan berlaku ({rules}); "
            "dikreditkan sesuai catatan, periksa kembali.")[:300]
