"""Decisions that hold when two people decide at once (issue 16 item 3): komunitas material
accept vs return (measured before: "returned" with a live 4-JP ledger row in 11 of 30 pairs).
The core's claim_state lets the first decision win; the other is refused before any ledger
credit, so the final state and the ledger always agree. Threads against the test's database
(PostgreSQL in CI's second run, SQLite in the first)."""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path

import pytest
from portal_komunitas import materials
from portal_komunitas.models import Material
from portal_komunitas.workflow import WorkflowError
from sqlalchemy import func, select, update

import portal
from portal.extensions import db
from portal.ledger.models import LedgerEntry
from portal.models import Account, StoredFile
from portal.transitions import StaleDecision, claim_state

ROUNDS = 6


def _material(people, number: int = 1) -> tuple[int, int]:
    unit = people.unit(f"K{number}", "Direktorat Bahan")
    author = people.person(unit, nama="Penulis Bahan")
    admin = people.person(unit, "admin_sdm", nama="Admin SDM Bahan")
    stored = StoredFile(owner_employee_id=author.id, storage_name=f"bahan-{author.id}", original_name="bahan.pdf",
                        kind="pdf", size=10, sha256="0" * 64)
    db.session.add(stored)
    db.session.flush()
    material = Material(employee_id=author.id, unit_id=unit.id, judul="Modul BIM jalan", topik="BIM", nama=author.nama,
                        nip=author.nip, jabatan="Analis", unit_nama=unit.nama, file_id=stored.id,
                        status="menunggu_sdm", submitted_at=dt.datetime(2026, 3, 2, 3, 0))
    db.session.add(material)
    db.session.commit()
    account = db.session.scalar(select(Account).where(Account.employee_id == admin.id))
    return material.id, account.id


def _decide(app, material_id: int, account_id: int, action: str, barrier: threading.Barrier, results: dict):
    with app.app_context():
        try:
            material = db.session.get(Material, material_id)
            user = db.session.get(Account, account_id)
            barrier.wait(timeout=30)
            if action == "accept":
                materials.accept(material, user)
            else:
                materials.return_(material, user, "Perbaiki daftar pustaka.")
            db.session.commit()
            results[action] = "ok"
        except WorkflowError as error:
            db.session.rollback()
            results[action] = str(error)
        finally:
            db.session.remove()


def test_accept_and_return_at_once_leave_state_and_ledger_in_agreement(app, people):
    outcomes = set()
    for number in range(ROUNDS):
        material_id, account_id = _material(people, number)
        barrier, results = threading.Barrier(2), {}
        threads = [threading.Thread(target=_decide, args=(app, material_id, account_id, action, barrier, results))
                   for action in ("accept", "return")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        db.session.expire_all()
        status = db.session.get(Material, material_id).status
        live = db.session.scalar(select(func.count()).select_from(LedgerEntry).where(
            LedgerEntry.reference == f"komunitas:bahan:{material_id}", LedgerEntry.cancelled_at.is_(None)))
        assert (status, live) in {("diterima", 1), ("dikembalikan", 0)}, (status, live, results)
        assert list(results.values()).count("ok") == 1, results
        outcomes.add(status)
    assert outcomes  # at least one decision won every round


def test_a_stale_decision_is_refused_before_any_ledger_credit(app, people):
    material_id, account_id = _material(people)
    material = db.session.get(Material, material_id)
    user = db.session.get(Account, account_id)
    assert material.status == "menunggu_sdm"  # what the first admin's page showed
    db.session.execute(update(Material).where(Material.id == material_id).values(status="dikembalikan")
                       .execution_options(synchronize_session=False))  # the other admin returned it
    with pytest.raises(WorkflowError, match="baru saja diputuskan"):
        materials.accept(material, user)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(LedgerEntry)) == 0


def test_claim_state_answers_with_the_old_state_or_refuses(app, people):
    material_id, _ = _material(people)
    material = db.session.get(Material, material_id)
    assert claim_state(material, ("menunggu_sdm",), "diterima") == "menunggu_sdm"
    assert material.status == "diterima"
    with pytest.raises(StaleDecision):
        claim_state(material, ("menunggu_sdm",), "dikembalikan")


STATE_WRITE = re.compile(r"\.(\w*status)\s*(?:,\s*[\w.]+\s*)*=(?!=)")


def test_every_plugin_and_the_placements_move_states_only_through_claim_state():
    """A walk over every installed mechanism's code and the core placements: a state is never
    written as a plain attribute (``x.status = …``), which two people deciding at once could
    both do; it moves with ``claim_state`` (a conditional UPDATE). A record created in the same
    step is marked ``# new record``. Demo data and migrations write freely."""
    roots = [Path(module.__file__).parent for module in _mechanism_packages()]
    roots.append(Path(portal.__file__).parent / "placements")
    offenders = []
    for root in roots:
        for path in root.rglob("*.py"):
            if path.name == "demo.py" or "migrations" in path.parts or "tests" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if STATE_WRITE.search(code) and "# new record" not in line and "mapped_column" not in code:
                    offenders.append(f"{path.relative_to(root.parent)}:{number}: {line.strip()}")
    assert offenders == [], "\n".join(offenders)


def _mechanism_packages():
    from importlib import import_module
    from importlib.metadata import entry_points

    from portal.plugins import ENTRY_POINT_GROUP

    return [import_module(point.module.split(".")[0])
            for point in entry_points(group=ENTRY_POINT_GROUP)]
