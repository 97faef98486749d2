"""The ledger's bulk credit path for imports at ministry scale (issue 16 item 2).

The caps (KB-07, CU-02, KB-06, X-01 of the throw-away community plugin), the JP rules, the
pre-circular rule (PRA-SE) and the MG-10 flag must come out of :func:`bulk_credit` exactly as
out of one :func:`credit` per row in the same order: the same participations through both
paths give an identical ledger.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.ledger.bulk import BulkRefused, bulk_credit
from portal.ledger.history import EFFECTIVE_DATE
from portal.ledger.models import LedgerEntry
from portal.ledger.service import credit
from portal.models import AuditLog
from portal.placements.models import DevelopmentBlock
from portal.testing import People
from tests.ledger_helpers import community_plugin, participation

COMPARED = ("employee_id", "mechanism", "model", "activity_type", "role", "activity_date",
            "title", "reference", "source", "organiser_unit_id", "jp_stated", "jp_claimed",
            "jp_counted", "counted", "rule_id", "explanation", "cap_rule_id", "reason", "flag")
KINDS = [("berbagi_bahan", "penulis"), ("coaching_unit", "coachee"),
         ("mentoring_unit", "mentee"), ("berbagi_pengalaman", "peserta"),
         ("berbagi_pengalaman", "pakar"), ("diskusi_permasalahan", "peserta"),
         ("gabungan_a", "peserta"), ("gabungan_b", "peserta"), ("tanpa_jp", "peserta")]


@pytest.fixture
def world(make_app):
    app = make_app(plugins=[community_plugin()])
    with app.app_context():
        people = People()
        unit = people.unit("H", "Direktorat H", eselon="II")
        organiser = people.unit("H.01", "Subdit H Satu", eselon="III", parent=unit)
        employees = [people.person(unit, nama=f"Pegawai {n}") for n in range(4)]
        yield {"unit": unit, "organiser": organiser, "employees": employees}


def snapshot() -> list[tuple]:
    rows = db.session.scalars(select(LedgerEntry).order_by(LedgerEntry.id))
    # The setting version by what it says (its id differs after a rollback on PostgreSQL).
    return [tuple(getattr(row, name) for name in COMPARED)
            + ((row.setting_version.key, row.setting_version.value)
               if row.setting_version else (None,)) for row in rows]


def history(world, count: int, seed: int) -> list:
    """Imported history over two months around the circular's start (PRA-SE) and 2026."""
    rng = random.Random(seed)
    days = [EFFECTIVE_DATE - dt.timedelta(days=3), EFFECTIVE_DATE, dt.date(2026, 3, 2),
            dt.date(2026, 3, 15), dt.date(2026, 3, 28), dt.date(2026, 4, 1)]
    made = []
    for n in range(count):
        kind, role = rng.choice(KINDS)
        employee = rng.choice(world["employees"])
        organiser = world["organiser"].id if kind == "berbagi_pengalaman" else None
        made.append(participation(employee.id, kind, role, on_date=rng.choice(days),
                                  reference=f"IMP/{rng.randint(1, 6) if organiser else n}",
                                  jp_stated=rng.choice([None, 3]), source="import",
                                  organiser_unit_id=organiser))
    unique, seen = [], set()
    for p in made:
        key = (p.employee_id, p.activity_type, p.role, p.on_date, p.reference)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def existing_credits(world) -> None:
    """Rows already in the ledger, some later-dated than the import (pushed beyond a cap)."""
    first = world["employees"][0]
    for n in range(2):
        credit(participation(first.id, "berbagi_bahan", "penulis", on_date=dt.date(2026, 3, 20),
                             reference=f"WF/{n}"))
    credit(participation(first.id, "berbagi_pengalaman", "peserta", on_date=dt.date(2026, 3, 25),
                         reference="WF/meet", organiser_unit_id=world["organiser"].id))
    db.session.add(DevelopmentBlock(employee_id=world["employees"][1].id, rule_id="MG-10",
                                    reason="Tidak lulus magang", starts_on=dt.date(2026, 3, 1),
                                    ends_on=dt.date(2027, 3, 1)))
    db.session.commit()


def test_same_history_through_bulk_and_per_row_credit_gives_an_identical_ledger(world):
    existing_credits(world)
    rows = history(world, 160, seed=16)
    for p in rows:
        credit(p)
    per_row = snapshot()
    db.session.rollback()
    assert len(snapshot()) == 3  # only the committed workflow rows are left
    outcome = bulk_credit(rows, "impor-uji")
    bulk = snapshot()
    assert bulk == per_row
    assert not all(outcome.counted) and any(outcome.counted)  # the caps did bite
    assert any(outcome.flags) and any(r[COMPARED.index("rule_id")] == "PRA-SE" for r in bulk)
    # the two existing KB-07 rows dated after the import's rows went beyond the cap in both
    assert [r[COMPARED.index("counted")] for r in bulk[:2]] == [
        r[COMPARED.index("counted")] for r in per_row[:2]]


def test_every_bulk_row_carries_the_imports_lineage_and_no_per_row_audit(world):
    rows = history(world, 40, seed=3)
    before = db.session.scalar(select(func.count()).select_from(AuditLog))
    outcome = bulk_credit(rows, "impor-abc")
    db.session.commit()
    batches = set(db.session.scalars(select(LedgerEntry.import_batch)))
    assert batches == {"impor-abc"} and len(outcome.ids) == len(rows)
    credits = db.session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.action == "jp.credit"))
    assert credits == 0
    assert db.session.scalar(select(func.count()).select_from(AuditLog)) - before <= 1


def test_bulk_is_all_or_nothing_a_duplicate_of_a_live_row_refuses_the_whole_import(world):
    employee = world["employees"][0]
    credit(participation(employee.id, "berbagi_bahan", "penulis", reference="SAMA",
                         source="import"))
    db.session.commit()
    rows = [participation(employee.id, "coaching_unit", "coachee", reference="BARU",
                          source="import"),
            participation(employee.id, "berbagi_bahan", "penulis", reference="SAMA",
                          source="import")]
    with pytest.raises(BulkRefused) as refused:
        bulk_credit(rows, "impor-dup")
    assert refused.value.index == 1 and "sudah tercatat" in str(refused.value)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(LedgerEntry)) == 1


def test_bulk_refuses_workflow_credits_which_must_pass_the_block_check_of_credit(world):
    p = participation(world["employees"][0].id, source="workflow")
    with pytest.raises(BulkRefused, match="riwayat impor"):
        bulk_credit([p], "impor-wf")
