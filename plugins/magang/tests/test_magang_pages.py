"""Reports (PDF/XLSX read back), import, demo data, inbox, card, certificate text and bad input."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from magang_helpers import BASE
from portal_magang.kind import KIND
from pypdf import PdfReader
from sqlalchemy import select

from portal.sdk import DEMO_PASSWORD, LedgerEntry, Placement, ReportPeriod, admin_sdm_account, db, today
from portal.sdk import commit_activity_import as commit


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def _xlsx_cells(data: bytes) -> list[str]:
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    return [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


def test_report_by_status_unit_host_type_and_period_as_pdf_and_xlsx(world):
    running = world.running()
    waiting = world.nominate(world.need())
    page = world.admin.get(f"{BASE}/laporan").get_data(as_text=True)
    assert "PT Jembatan Nusantara" in page and "Staf A" in page
    filtered = world.admin.get(f"{BASE}/laporan?status=berjalan&host=korporasi&unit=A").get_data(as_text=True)
    assert "Berjalan" in filtered and "Jumlah berjalan: 1" in filtered
    pdf = world.admin.get(f"{BASE}/laporan.pdf?status=berjalan")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = _pdf_text(pdf.data)
    assert "Laporan Magang" in text and world.staff.nip in text and "PT Jembatan Nusantara" in text
    assert "JPT Pratama" in text
    cells = _xlsx_cells(world.admin.get(f"{BASE}/laporan.xlsx").data)
    assert "Laporan Magang / Praktik Kerja Lapangan" in cells and world.staff.nip in cells
    assert cells.count("Persiapan") >= 1 and cells.count("Berjalan") >= 1
    later = (today() + dt.timedelta(days=400)).isoformat()
    empty = world.admin.get(f"{BASE}/laporan.xlsx?dari={later}").data
    assert world.staff.nip not in _xlsx_cells(empty)
    assert world.admin.get(f"{BASE}/laporan?dari=31-12-2026").status_code == 200  # bad date: explained, no 500
    assert running != waiting
    # Unit B's admin sees none of unit A's internships, and staff may not open reports.
    other = world.login(world.units["B"]["admin"])
    assert world.staff.nip not in _xlsx_cells(other.get(f"{BASE}/laporan.xlsx").data)
    assert world.participant.get(f"{BASE}/laporan").status_code == 403


def test_list_search_filters_and_empty_state(world):
    empty = world.admin.get(f"{BASE}/").get_data(as_text=True)
    assert "Belum ada magang" in empty and "kebutuhan kompetensi unit" in empty
    world.running()
    assert "Staf A" in world.admin.get(f"{BASE}/?q=Jembatan").get_data(as_text=True)
    assert "Staf A" not in world.admin.get(f"{BASE}/?status=selesai").get_data(as_text=True)
    fragment = world.admin.get(f"{BASE}/?q=Staf", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Staf A" in fragment and "<html" not in fragment
    assert "Staf A" in world.participant.get(f"{BASE}/").get_data(as_text=True)  # own internship
    assert "Staf A" not in world.login(world.units["B"]["staff"]).get(f"{BASE}/").get_data(as_text=True)


def test_every_action_refuses_bad_input_without_a_500(world):
    placement_id = world.running()
    url = f"{BASE}/{placement_id}"
    for action in ("rekomendasi", "penerima", "perjanjian", "jadwal", "justifikasi", "mulai", "laporan", "catatan",
                   "rapor", "tarik", "evaluasi-akhir", "kompetensi", "sertifikat"):
        for client in (world.sdm, world.admin, world.participant):
            response = client.post(f"{url}/{action}", data={"score": "abc", "final_on": "kemarin"})
            assert response.status_code < 500, (action, response.status_code)
    db.session.expire_all()
    assert db.session.get(Placement, placement_id).status == "berjalan"
    bad_date = world.admin.post(f"{url}/evaluasi-akhir", data={"method": "presentasi", "final_on": "31/12/2026",
                                                               "outcome": "lulus"})
    assert bad_date.status_code == 422 and "Tanggal tidak valid" in bad_date.get_data(as_text=True)


def test_portal_pending_tasks_and_the_dashboard_card(world):
    need_id = world.need(approve=False)
    sdm_inbox = world.sdm.get("/kotak-masuk").get_data(as_text=True)
    assert "Setujui kebutuhan magang" in sdm_inbox
    world.sdm.post(f"{BASE}/kebutuhan/{need_id}/setujui")
    placement_id = world.nominate(need_id)
    assert "Rekomendasi kandidat magang: Staf A" in world.atasan.get("/kotak-masuk").get_data(as_text=True)
    world.prepare(placement_id, start=today() - dt.timedelta(days=20))
    world.admin.post(f"{BASE}/{placement_id}/mulai")
    assert "Laporan berkala magang terlambat: 2 periode" in world.participant.get("/kotak-masuk").get_data(as_text=True)
    card = world.participant.get("/m/magang/kartu", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "PT Jembatan Nusantara" in card and "2 laporan terlambat" in card


def test_portal_certificate_context_and_the_core_mechanism_report(app, world):
    placement_id = world.completed()
    world.finish(placement_id)
    from portal_magang import portal_certificate_context

    from portal.sdk import report_rows

    with app.test_request_context():
        # The core's placement rows for the mechanism report (a kind may feed portal_report_rows with them).
        rows = report_rows("magang", "mekanisme", world.units["A"]["top"],
                           ReportPeriod(today() - dt.timedelta(days=30), today()))
        assert [row["nip"] for row in rows.rows] == [world.staff.nip]
        assert report_rows("magang", "rekap", world.units["A"]["top"], ReportPeriod(today(), today())) is None
        placement = db.session.get(Placement, placement_id)
        entry = db.session.get(LedgerEntry, placement.ledger_entry_id)
        context = portal_certificate_context(entry)
        assert context.mechanism_title == "Magang / Praktik Kerja Lapangan"
        assert "PT Jembatan Nusantara" in " ".join(context.extra_lines)
    # Magang leaves the core's mechanism report to the ledger: the credited internship is listed.
    report = world.admin.get("/laporan/mekanisme", query_string={"mekanisme": "magang",
                                                                 "unit": world.units["A"]["top"].id})
    assert report.status_code == 200 and world.staff.nip in report.get_data(as_text=True)


def test_a_stated_jp_is_left_to_the_ledger(app):
    from portal_magang.jp import compute

    from portal.sdk import Participation

    stated = Participation(1, "magang", "magang", "peserta", today(), "Riwayat", "r", jp_stated=8)
    assert compute(stated, {"jp_peserta": 40}) is None
    assert compute(dataclasses.replace(stated, jp_stated=None), {"jp_peserta": 40}).jp == 40


def test_portal_import_row_credits_historical_magang(app, world, tmp_path: Path):
    path = tmp_path / "riwayat.csv"
    path.write_text("nip,mechanism,activity_type,role,date,title,jp,reference\n"
                    f"{world.staff.nip},magang,magang,peserta,15/03/2025,Magang BIM di PT Uji,,MG/2025/1\n"
                    f"{world.staff.nip},magang,pertukaran,peserta,15/03/2025,Salah jenis,,MG/2025/2\n")
    with app.test_request_context():
        result = commit(path, None, "import")
        assert result.problems and "pertukaran" in " ".join(p.message for p in result.problems)
        path.write_text("nip,mechanism,activity_type,role,date,title,jp,reference\n"
                        f"{world.staff.nip},magang,magang,peserta,15/03/2025,Magang BIM di PT Uji,,MG/2025/1\n")
        result = commit(path, None, "import")
        assert result.ok
    entry = db.session.scalar(select(LedgerEntry).where(LedgerEntry.mechanism == "magang"))
    assert (entry.source, int(entry.jp_claimed), entry.rule_id) == ("import", 40, "G-06")


@pytest.mark.parametrize("scale", ["small"])
def test_portal_demo_data_shows_internships_in_every_state(make_app, scale):
    app = make_app()
    result = app.test_cli_runner().invoke(args=["demo", "load", "--scale", scale])
    assert result.exit_code == 0, result.output
    assert "[magang]" in result.output
    with app.app_context():
        states = {p.status for p in db.session.scalars(select(Placement).where(Placement.kind == "magang"))}
        outcomes = {p.outcome for p in db.session.scalars(select(Placement).where(Placement.kind == "magang"))}
    assert {"persiapan", "berjalan", "selesai"} <= states and {"lulus", "tidak_lulus"} <= outcomes
    # The signed agreements are real PDFs that list the agreement's elements (issue 18).
    with app.app_context():
        placement = db.session.scalars(select(Placement).where(
            Placement.kind == "magang", Placement.agreement_file_id.is_not(None))).first()
        admin = app.test_client()
        admin.login(admin_sdm_account().employee.nip, DEMO_PASSWORD)
        data = admin.get(f"/penempatan/magang/{placement.id}/perjanjian.pdf").data
    text = " ".join(_pdf_text(data).split())
    assert "PERJANJIAN KERJA SAMA MAGANG" in text
    assert all(" ".join(element.label.split()) in text for element in KIND.agreement_elements)

