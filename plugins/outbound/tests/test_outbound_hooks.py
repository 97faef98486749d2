"""Import, inbox tasks, dashboard card, demo data and the plugin's declaration."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal

from outbound_helpers import BASE, feedback_data, ledger, text
from portal_outbound.models import OutboundFeedback, OutboundParticipant, OutboundProgramme
from sqlalchemy import func, select

from portal.sdk import ActivityRow, credit, db, registry, today

ROW = ActivityRow(row_number=2, employee_id=1, unit_id=1, nip="198001012005011001",
                  mechanism="outbound", activity_type="outbound", role="peserta",
                  on_date=dt.date(2025, 5, 20), title="Outbound 2025", reference="impor:2")


def test_import_accepts_the_fixed_type_and_role(app):
    verdict = registry().pm.hook.portal_import_row(row=ROW)
    assert verdict.accepted and verdict.participation.source == "import"
    assert verdict.participation.jp_stated is None  # JP computed by the plugin (OB-01)
    for changes in ({"activity_type": "kemah"}, {"role": "fasilitator"}):
        refused = registry().pm.hook.portal_import_row(row=replace(ROW, **changes))
        assert refused.accepted is False and "(G-01)" in refused.message


def test_imported_outbound_counts_one_day_of_the_setting_ob01(world):
    verdict = registry().pm.hook.portal_import_row(row=replace(ROW, employee_id=world.staff.id))
    entry = credit(verdict.participation)
    db.session.commit()
    assert (entry.jp_counted, entry.rule_id) == (Decimal("8"), "OB-01")


def test_inbox_asks_for_feedback_and_for_completion(world):
    programme = world.completed()
    inbox = text(world.staff_client.get("/kotak-masuk"))
    assert f"Isi umpan balik pembelajaran alam terbuka: {programme.judul}" in inbox
    world.staff_client.post(f"{BASE}/program/{programme.id}/umpan-balik", data=feedback_data())
    assert "Isi umpan balik pembelajaran alam terbuka" not in text(world.staff_client.get("/kotak-masuk"))
    ended = world.create(judul="Belum diselesaikan")
    assert "selesaikan program outbound: Belum diselesaikan" in text(world.admin.get("/kotak-masuk"))
    assert "Belum diselesaikan" not in text(world.staff_client.get("/kotak-masuk"))
    assert ended.status == "direncanakan"


def test_dashboard_card(world):
    programme = world.create(start=today() + dt.timedelta(days=3))
    world.add(programme, world.staff)
    card = world.staff_client.get(f"{BASE}/kartu", headers={"HX-Request": "true"})
    assert card.status_code == 200 and programme.judul in text(card)
    assert "<html" not in card.get_data(as_text=True)


def test_menu_entries(world):
    assert f'href="{BASE}/program"' in world.admin.get("/").get_data(as_text=True)
    staff_home = world.staff_client.get("/").get_data(as_text=True)
    assert f'href="{BASE}/"' in staff_home and f'href="{BASE}/program"' not in staff_home


def test_demo_data_makes_a_believable_mechanism(world, app):
    from portal_outbound.demo import add_demo

    summary = add_demo(random.Random(7), "small")
    db.session.commit()
    assert "program pembelajaran alam terbuka" in summary
    statuses = sorted(db.session.scalars(select(OutboundProgramme.status)))
    assert statuses.count("selesai") >= 1 and statuses.count("direncanakan") >= 2
    assert db.session.scalar(select(func.count(OutboundParticipant.id))) >= 2
    assert db.session.scalar(select(func.count(OutboundFeedback.id))) >= 1
    assert "selesaikan program outbound" in text(world.sdm.get("/kotak-masuk"))


def test_plugin_declares_the_open_jp_setting(app):
    info = registry().info("outbound")
    assert info.model == 70
    [setting] = info.settings
    assert (setting.key, setting.default, setting.rule_id, setting.open_value) == (
        "jp_per_hari", 8, "OB-01", True)


def test_cli_import_of_outbound_history_credits_the_ledger(world, app, tmp_path):
    path = tmp_path / "kegiatan.csv"
    path.write_text("nip,mechanism,activity_type,role,date,title,jp,reference\n"
                    f"{world.staff.nip},outbound,outbound,peserta,2025-08-14,Outbound 2025,99,OB/1\n",
                    encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["activities", "import", str(path)])
    assert result.exit_code == 0, result.output
    [entry] = ledger(world.staff)
    assert (entry.source, entry.jp_counted, entry.rule_id) == ("import", Decimal("8"), "OB-01")
