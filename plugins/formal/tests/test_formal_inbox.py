"""The formal plugin as the inbox's first source, and its demo data through the ledger."""

from __future__ import annotations

import re

from formal_helpers import reports, submit
from portal_formal import portal_pending_tasks
from portal_formal.models import FormalReport
from sqlalchemy import func, select

from portal.sdk import Account, LedgerEntry, db, set_switch


def header_count(body: str) -> int | None:
    match = re.search(r"Kotak masuk \((\d+)\)", body)
    return int(match.group(1)) if match else None


def formal_tasks(inbox: str) -> int:
    """Tasks of this plugin on the inbox page (other installed plugins may add their own)."""
    return len(re.findall(r'href="/m/formal/\d+"', inbox))


def test_pending_verification_waits_in_the_atasan_inbox(two_units, login, pending_report):
    atasan = login(two_units["A"]["atasan"])
    page = atasan.get("/kotak-masuk").get_data(as_text=True)
    assert "Verifikasi" in page
    assert "Staf A" in page and "Pelatihan Perencanaan Jembatan" in page
    assert f'href="/m/formal/{pending_report.id}"' in page
    assert formal_tasks(page) == 1
    before = header_count(page)
    assert before >= 1 and header_count(atasan.get("/").get_data(as_text=True)) == before
    atasan.post(f"/m/formal/{pending_report.id}/verifikasi")
    after = atasan.get("/kotak-masuk").get_data(as_text=True)
    assert formal_tasks(after) == 0 and header_count(after) == before - 1


def test_inbox_of_others_stays_empty(two_units, login, pending_report):
    for employee in (two_units["A"]["staff"], two_units["B"]["atasan"], two_units["B"]["admin"]):
        page = login(employee).get("/kotak-masuk").get_data(as_text=True)
        assert formal_tasks(page) == 0, employee.nama
        assert "Pelatihan Perencanaan Jembatan" not in page


def test_admins_in_scope_see_the_task_too(two_units, login, pending_report):
    for employee in (two_units["A"]["admin"], two_units["sdm"]):
        page = login(employee).get("/kotak-masuk").get_data(as_text=True)
        assert formal_tasks(page) == 1 and f'href="/m/formal/{pending_report.id}"' in page


def test_portal_pending_tasks_skips_the_users_own_report(two_units, login):
    submit(login(two_units["A"]["admin"]))
    admin_account = db.session.scalar(select(Account).where(Account.employee_id == two_units["A"]["admin"].id))
    assert portal_pending_tasks(user=admin_account) == []
    atasan_account = db.session.scalar(select(Account).where(Account.employee_id == two_units["A"]["atasan"].id))
    [task] = portal_pending_tasks(user=atasan_account)
    assert (task.endpoint, task.kind, dict(task.values)) == ("formal.detail", "Verifikasi",
                                                             {"report_id": reports()[0].id})


def test_inbox_leaves_out_formal_when_switched_off(two_units, login, pending_report):
    set_switch(two_units["A"]["top"], "formal", "off", None)
    db.session.commit()
    page = login(two_units["A"]["atasan"]).get("/kotak-masuk").get_data(as_text=True)
    assert formal_tasks(page) == 0 and "Pelatihan Perencanaan Jembatan" not in page


def test_portal_demo_data_adds_verified_and_pending_reports_through_the_ledger(app):
    from portal.sdk import load_demo as load

    load("small", seed=7, echo=lambda line: None)
    verified = db.session.scalar(select(func.count()).where(FormalReport.status == "verified"))
    pending = db.session.scalar(select(func.count()).where(FormalReport.status == "pending"))
    assert verified > 0 and pending > 0
    # The core's demo may import other (historical) formal rows; count those of the reports.
    credited = db.session.execute(
        select(FormalReport.id, LedgerEntry.reference, LedgerEntry.rule_id, LedgerEntry.source)
        .join(LedgerEntry, FormalReport.ledger_entry_id == LedgerEntry.id)).all()
    assert len(credited) == verified
    assert all(ref == f"formal:{rid}" and rule == "FL-01" and source == "workflow"
               for rid, ref, rule, source in credited)
