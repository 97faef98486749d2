"""The detasering plugin's other hooks: import, mechanism report, certificate text, menu, inbox
and demo data."""

from __future__ import annotations

import datetime as dt
import random

import portal_detasering as plugin
from detasering_helpers import BASE, fresh

from portal.sdk import ActivityRow, LedgerEntry, Placement, ReportPeriod, db, today


def row(**values) -> ActivityRow:
    data = {"row_number": 2, "employee_id": 1, "unit_id": 1, "nip": "198001012005011001",
            "mechanism": "detasering", "activity_type": "detasering", "role": "peserta",
            "on_date": dt.date(2025, 6, 30), "title": "Detasering ke Pemkab Sleman", "reference": "impor:1"}
    data.update(values)
    return ActivityRow(**data)


def test_import_accepts_the_fixed_type_and_role(app):
    verdict = plugin.portal_import_row(row())
    assert verdict.accepted and verdict.participation.activity_type == "detasering"
    assert not plugin.portal_import_row(row(activity_type="magang")).accepted
    assert plugin.portal_import_row(row(mechanism="pertukaran", activity_type="pertukaran")) is None


def test_mechanism_report_and_certificate_text(world):
    placement = world.completed()
    response = world.post(placement, "evaluasi-akhir", {
        "method": "presentasi", "final_on": today().isoformat(), "outcome": "lulus",
        "extra_laporan_alih_pengetahuan": "SOP disusun bersama."})
    assert response.status_code == 302
    done = fresh(Placement, placement.id)
    period = ReportPeriod(today() - dt.timedelta(days=365), today() + dt.timedelta(days=365))
    rows = plugin.portal_report_rows("mekanisme", world.units["A"]["top"], period)
    assert [(r["nama"], r["penerima"], r["hasil"]) for r in rows.rows] == [
        ("Sari Aset", "Pemerintah Kabupaten Sleman", "Lulus")]
    entry = db.session.get(LedgerEntry, done.ledger_entry_id)
    context = plugin.portal_certificate_context(entry)
    assert context.mechanism_title == "Detasering" and context.role_label == "Pegawai detasering"
    assert any("Pemerintah Kabupaten Sleman" in line for line in context.extra_lines)


def test_overdue_monitoring_report_waits_in_the_employees_inbox(world):
    placement = world.running()  # started 40 days ago, monthly: period 1 is overdue
    tasks = plugin.portal_pending_tasks(_account(world.pns))
    assert [t.kind for t in tasks] == ["Formulir"]
    assert dict(tasks[0].values)["placement_id"] == placement.id
    page = world.login(world.pns).get("/kotak-masuk").get_data(as_text=True)
    assert "Laporan berkala detasering terlambat" in page


def _account(employee):
    from portal.sdk import Account

    return db.session.query(Account).filter_by(employee_id=employee.id).one()


def test_menu_links_to_the_generic_detasering_pages(world):
    page = world.login(world.pns).get("/").get_data(as_text=True)
    assert f'href="{BASE}/"' in page


def test_demo_data_builds_a_completed_and_a_running_secondment(world):
    summary = plugin.portal_demo_data(random.Random(3), "small")
    db.session.commit()
    assert summary == "1 detasering (1 selesai)"  # only A.01 has an eligible PNS of its own
    (done,) = db.session.query(Placement).filter_by(kind="detasering").all()
    assert done.status == "selesai" and done.ledger_entry_id is not None
    assert done.extras["laporan_alih_pengetahuan"]
