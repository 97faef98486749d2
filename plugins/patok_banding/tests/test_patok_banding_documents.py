"""Letters (PB-02 steps 7–8), the programme report (PB-05), and the hooks: report rows, import,
certificate context, eligibility, inbox, dashboard card, demo data."""

from __future__ import annotations

import datetime as dt
import io
import random

import openpyxl
from patok_banding_helpers import BASE, ok, text
from portal_patok_banding import demo
from portal_patok_banding.certificates import context_for
from portal_patok_banding.models import PBProgram
from pypdf import PdfReader
from sqlalchemy import select

from portal.sdk import ActivityRow, LedgerEntry, ReportPeriod, db, registry, today
from portal.sdk import check_eligibility as check


def _pdf_text(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)


def _accepted(world) -> PBProgram:
    program = world.prepared()
    person = world.report(program, world.staff, world.employee)
    ok(world.sdm.post(world.url(program, f"/peserta/{person.id}/terima-laporan"), data={}))
    return world.reload(program)


def test_proposal_letter_to_target_is_a_pdf_pb02(world):
    program = world.prepared(upto=6)
    response = world.sdm.get(world.url(program, "/surat-usulan.pdf"), follow_redirects=True)
    assert "langkah 7" in text(response)
    world.step7(program)
    content = _pdf_text(world.sdm.get(world.url(program, "/surat-usulan.pdf")))
    assert "SURAT PENGUSULAN PESERTA PATOK BANDING" in content
    assert "0001/SU/PB/2026" in content and "Perumda Air Minum Surya Sembada" in content
    assert "Staf A" in content and "Pegawai Kedua A" in content and "Dr. Kepala BPSDM" in content


def test_letter_text_typed_by_users_is_escaped_pb02(world):
    program = world.create()
    world.step1(program)
    ok(world.admin.post(world.url(program, "/langkah/verifikasi"),
                        data=world.target_data(lembaga_tujuan="PT <b>Maju</b> & Co")))
    for number in range(3, 8):
        getattr(world, f"step{number}")(program)
    content = _pdf_text(world.sdm.get(world.url(program, "/surat-usulan.pdf")))
    assert "PT <b>Maju</b> & Co" in content


def test_assignment_letter_surat_penugasan_pdf_pb02(world):
    program = world.prepared(upto=8)
    content = _pdf_text(world.employee.get(world.url(program, "/surat-penugasan.pdf")))
    assert "SURAT PENUGASAN" in content and "0001/ST/PB/2026" in content
    assert world.staff.nip in content and "PB-03" in content
    # Not a participant, not the unit, not SDM: 404.
    outsider = world.login(world.units["B"]["staff"])
    assert outsider.get(world.url(program, "/surat-penugasan.pdf")).status_code == 404


def test_programme_report_pdf_and_xlsx_pb05(world):
    program = _accepted(world)
    page = text(world.admin.get(world.url(program, "/laporan")))
    assert "LAPORAN PELAKSANAAN PATOK BANDING" in page and "04/SE/KM/2023" in page
    content = _pdf_text(world.admin.get(world.url(program, "/laporan.pdf")))
    assert "Staf A" in content and "Perumda Air Minum Surya Sembada" in content
    response = world.sdm.get(world.url(program, "/laporan.xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r and r[0] == "No")
    staff = next(r for r in rows if r and r[1] == "Staf A")
    second = next(r for r in rows if r and r[1] == "Pegawai Kedua A")
    assert staff[header.index("JP")] == 8 and second[header.index("JP")] == 0
    assert staff[header.index("Laporan (PB-05)")] == "Laporan diterima"
    assert staff[header.index("Kehadiran penuh (PB-03)")] == "ya"
    # The participants' report is for the HR unit and the participant unit only.
    assert world.employee.get(world.url(program, "/laporan")).status_code == 404


def test_report_rows_rekap_and_mekanisme(world):
    program = _accepted(world)
    period = ReportPeriod(today() - dt.timedelta(days=30), today() + dt.timedelta(days=1))
    answers = registry().pm.hook.portal_report_rows(kind="rekap", unit=world.unit, period=period)
    mine = next(a for a in answers if a.slug == "patok_banding")
    assert mine.rows == ({"employee_id": world.staff.id, "jp_patok_banding": 8},)
    answers = registry().pm.hook.portal_report_rows(kind="mekanisme", unit=world.unit,
                                                    period=period)
    [line] = next(a for a in answers if a.slug == "patok_banding").rows
    assert line["nama"] == "Staf A" and line["jp"] == 8 and program.judul in line["judul"]


def test_import_row_fixed_type_and_role():
    def row(activity_type, role, mechanism="patok_banding"):
        return ActivityRow(2, 1, 1, "x", mechanism, activity_type, role, dt.date(2025, 5, 2),
                           "Studi visit lama", "imp-1")

    from portal_patok_banding import portal_import_row

    accepted = portal_import_row(row("patok_banding", "peserta"))
    assert accepted.accepted and accepted.participation.jp_stated is None
    assert not portal_import_row(row("patok_banding", "pemateri")).accepted
    assert portal_import_row(row("teknis", "peserta", "formal")) is None


def test_certificate_context_names_target_and_assignment(world):
    program = _accepted(world)
    entry = db.session.scalar(select(LedgerEntry).where(LedgerEntry.employee_id == world.staff.id))
    context = context_for(entry)
    assert (context.programme_title, context.jp, context.model) == (program.judul, 8, 70)
    assert context.start_date == program.tanggal_mulai
    assert any("Perumda" in line for line in context.extra_lines)
    assert any("0001/ST/PB/2026" in line for line in context.extra_lines)


def test_eligibility_selected_and_assigned_pb02(world):
    program = world.prepared(upto=5)
    answer = check(world.staff, "patok_banding", today(), {"program_id": program.id})
    assert any(v.rule_id == "PB-02" and v.allow is None for v in answer.verdicts)
    outsider = world.units["A"]["atasan"]
    answer = check(outsider, "patok_banding", today(), {"program_id": program.id})
    assert any(v.rule_id == "PB-02" and v.allow is False for v in answer.verdicts)
    world.step6(program)
    world.step7(program)
    world.step8(program)
    db.session.expire_all()
    answer = check(world.staff, "patok_banding", today(), {"program_id": program.id})
    assert any(v.rule_id == "PB-02" and v.allow is True for v in answer.verdicts)
    plain = check(world.staff, "patok_banding", today())
    assert not any(v.rule_id == "PB-02" for v in plain.verdicts)


def test_inbox_shows_the_step_waiting_for_each_role(world):
    program = world.create()
    assert "langkah 1" in text(world.admin.get("/kotak-masuk"))
    world.step1(program)
    world.step2(program)
    assert "langkah 3" in text(world.sdm.get("/kotak-masuk"))
    program = world.prepared(upto=8)
    page = text(world.employee.get("/kotak-masuk"))
    assert "Terima surat penugasan patok banding" in page


def test_dashboard_card_lists_my_assignments(world):
    world.prepared(upto=8)
    page = text(world.employee.get(f"{BASE}/kartu"))
    assert "Pengelolaan SPAM terpadu" in page


def test_demo_data_runs_the_workflow(world):
    summary = demo.add_demo(random.Random(3), "small")
    db.session.commit()
    assert summary and "patok banding" in summary
    programs = list(db.session.scalars(select(PBProgram)))
    assert len(programs) == 3
    assert {p.stage for p in programs} >= {"persiapan", "monitoring"}
    assert db.session.query(LedgerEntry).filter_by(mechanism="patok_banding").count() >= 1
