"""The pertukaran plugin's other hooks: import, mechanism report, certificate text, menu, inbox
and demo data."""

from __future__ import annotations

import datetime as dt
import random

import portal_pertukaran as plugin
from pertukaran_helpers import BASE, fresh, host_data, last_id

from portal.sdk import ActivityRow, LedgerEntry, Placement, ReportPeriod, db, today


def row(**values) -> ActivityRow:
    data = {"row_number": 2, "employee_id": 1, "unit_id": 1, "nip": "198001012005011001",
            "mechanism": "pertukaran", "activity_type": "pertukaran", "role": "peserta",
            "on_date": dt.date(2025, 6, 30), "title": "Pertukaran di PT SMI", "reference": "impor:1"}
    data.update(values)
    return ActivityRow(**data)


def test_import_accepts_the_fixed_type_and_role(app):
    verdict = plugin.portal_import_row(row())
    assert verdict.accepted and verdict.participation.mechanism == "pertukaran"
    assert verdict.participation.jp_stated is None  # the JP comes from the setting
    refused = plugin.portal_import_row(row(role="mentor"))
    assert not refused.accepted and "peserta" in refused.message
    assert plugin.portal_import_row(row(mechanism="magang", activity_type="magang")) is None


def test_mechanism_report_lists_the_units_placements(world):
    placement = world.running()
    period = ReportPeriod(today() - dt.timedelta(days=365), today())
    rows = plugin.portal_report_rows("mekanisme", world.units["A"]["top"], period)
    assert rows.slug == "pertukaran"
    assert [(r["nama"], r["penerima"]) for r in rows.rows] == [("Dewi Hipo", placement.host_name)]
    assert plugin.portal_report_rows("mekanisme", world.units["B"]["top"], period).rows == ()
    assert plugin.portal_report_rows("lainnya", world.units["A"]["top"], period) is None


def test_certificate_states_the_partner_and_competency(world):
    placement = world.completed()
    response = world.post(placement, "evaluasi-akhir", {
        "method": "uji_kompetensi", "final_on": today().isoformat(), "outcome": "lulus", "score": "90"})
    assert response.status_code == 302
    entry = db.session.get(LedgerEntry, fresh(Placement, placement.id).ledger_entry_id)
    context = plugin.portal_certificate_context(entry)
    assert context.mechanism_title == "Pertukaran PNS dengan Pegawai Swasta/BUMN/BUMD"
    assert context.role_label == "Peserta pertukaran" and context.jp == entry.jp_counted
    assert any("PT Sarana Multi Infrastruktur" in line for line in context.extra_lines)


def test_menu_links_to_the_generic_pertukaran_pages(world):
    page = world.login(world.hipo).get("/").get_data(as_text=True)
    assert f'href="{BASE}/"' in page and "Pertukaran pegawai" in page


def test_kewenangan_field_is_optional(world):
    placement = world.candidate()
    assert world.post(placement, "penerima", host_data(extra_kewenangan_dibatasi="")).status_code == 302
    assert fresh(Placement, placement.id).extras["kewenangan_dibatasi"] == ""


def test_demo_data_builds_placements_in_each_stage(world, people):
    for number in range(2):
        people.person(world.unit, nama=f"Hipo Demo {number}", hipo=True, jenis_jabatan="struktural",
                      jenjang="Administrator")
    summary = plugin.portal_demo_data(random.Random(7), "small")
    db.session.commit()
    assert summary == "3 pertukaran pegawai (1 lulus)"
    placements = db.session.query(Placement).filter_by(kind="pertukaran").order_by(Placement.id).all()
    assert [p.status for p in placements] == ["selesai", "berjalan", "persiapan"]
    assert placements[0].ledger_entry_id is not None and placements[1].reports
    assert placements[2].justification_status == "menunggu"  # 18 months: waits for admin SDM (PT-04)
    assert last_id(Placement) == placements[-1].id


def test_justification_over_one_year_waits_in_admin_sdm_inbox_pt04(world):
    placement = world.prepared()
    start = placement.start_date
    response = world.schedule(placement, start, start + dt.timedelta(days=500), justification="Misi strategis.")
    assert response.status_code == 302
    page = world.sdm.get("/kotak-masuk").get_data(as_text=True)
    assert "Justifikasi durasi pertukaran pegawai: Dewi Hipo (PT-04)" in page
    assert f"{BASE}/{placement.id}" in page


def test_jp_follows_the_setting_admin_sdm_changes(world):
    from portal.sdk import add_version

    add_version("pertukaran.jp_peserta", "24", today() - dt.timedelta(days=400), "Kebijakan unit SDM", None)
    db.session.commit()
    placement = world.completed()
    assert world.post(placement, "evaluasi-akhir", {"method": "presentasi", "final_on": today().isoformat(),
                                                     "outcome": "lulus"}).status_code == 302
    entry = db.session.get(LedgerEntry, fresh(Placement, placement.id).ledger_entry_id)
    assert entry.jp_counted == 24 and entry.rule_id == "G-06"


def test_placement_report_reads_back_as_xlsx_and_pdf(world):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    world.running()
    xlsx = world.admin.get(f"{BASE}/laporan.xlsx?host=bumn")
    assert xlsx.status_code == 200
    rows = [list(r) for r in load_workbook(io.BytesIO(xlsx.data)).active.iter_rows(values_only=True)]
    line = next(r for r in rows if "Dewi Hipo" in r)
    assert "PT Sarana Multi Infrastruktur (Persero)" in line and "BUMN" in line and "Berjalan" in line
    pdf = world.admin.get(f"{BASE}/laporan.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Laporan Pertukaran PNS" in text and "Dewi Hipo" in text
    empty = world.admin.get(f"{BASE}/laporan.xlsx?host=swasta")
    assert not any("Dewi Hipo" in r for r in load_workbook(io.BytesIO(empty.data)).active.iter_rows(values_only=True))
