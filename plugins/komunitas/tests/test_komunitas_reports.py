"""Monitoring and recap (KB-10), certificates (KB-09), import, eligibility, demo data."""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal

import openpyxl
from komunitas_helpers import BASE, text
from portal_komunitas import demo
from portal_komunitas.imports import import_row
from portal_komunitas.models import Material, Meeting, Proposal, RecapSubmission
from pypdf import PdfReader
from sqlalchemy import select

from portal.sdk import ActivityRow, Certificate, LedgerEntry, Participation, credit, current_quarter, db, today
from portal.sdk import check_eligibility as check


def _held(world, bentuk, speaker_role, speaker, participants):
    meeting = world.meeting(bentuk)
    world.add(meeting, speaker, speaker_role)
    for person in participants:
        world.add(meeting, person)
    assert world.koor.post(f"{BASE}/pertemuan/{meeting.id}/hadir-semua").status_code == 302
    return meeting


def _recap_setup(world):
    a = world.units["A"]
    _held(world, "berbagi_pengetahuan", "pemateri", a["staff"], [a["admin"]])
    _held(world, "diskusi_permasalahan", "pakar", a["admin"], [a["staff"]])
    credit(Participation(a["staff"].id, "komunitas", "berbagi_bahan", "penulis", today(),
                         "Modul", "komunitas:bahan:999"))
    db.session.commit()
    # Staf A: pemateri 4 + bahan 4 + diskusi peserta 2 = 10; Admin A: peserta 2 + pakar 4 = 6.
    return {"Staf A": [4, 0, 4, 2, 10], "Admin A": [2, 0, 0, 4, 6]}


def test_kb10_recap_numbers_in_xlsx_and_pdf(world):
    expected = _recap_setup(world)
    unit = world.unit
    page = text(world.admin.get(f"{BASE}/rekap?unit={unit.id}"))
    assert "REKAPITULASI PENGEMBANGAN KOMPETENSI MELALUI KOMUNITAS BELAJAR" in page
    assert "JPT Pratama" in page and "Pengelola Kepegawaian" in page
    html = world.admin.get(f"{BASE}/rekap?unit={unit.id}").get_data(as_text=True)
    assert 'colspan="4">JAM PELAJARAN (JP)</th>' in html  # over the four forms, as the form prints it
    response = world.admin.get(f"{BASE}/rekap.xlsx?unit={unit.id}")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r and r[0] == "No")
    assert header[:4] == ["No", "Nama", "NIP", "Gol"]
    # The form's two header lines: "JAM PELAJARAN (JP)" over the four forms.
    assert header[4:9] == ["Berbagi Pengetahuan", "Berbagi Pengalaman",
                           "Berbagi Bahan Pembelajaran", "Diskusi Permasalahan",
                           "Jumlah Perolehan JP"]
    assert rows[rows.index(header) - 1][4:9] == ["JAM PELAJARAN (JP)", None, None, None, None]
    assert "E{0}:H{0}".format(rows.index(header)) in {str(r) for r in sheet.merged_cells.ranges}
    lines = {r[1]: [Decimal(str(v)) for v in r[4:9]] for r in rows if r and r[1] in expected}
    assert lines == {k: [Decimal(v) for v in vs] for k, vs in expected.items()}
    assert any(r and r[1] == "Jumlah" and Decimal(str(r[8])) == 16 for r in rows)
    assert any(r and any("JPT Pratama" in str(c) for c in r if c) for r in rows)
    pdf = world.admin.get(f"{BASE}/rekap.pdf?unit={unit.id}")
    assert pdf.status_code == 200
    content = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages).split())
    assert "REKAPITULASI PENGEMBANGAN KOMPETENSI MELALUI KOMUNITAS BELAJAR" in content
    assert "JAM PELAJARAN (JP)" in content
    assert "Staf A" in content and "Admin A" in content and "JPT Pratama" in content
    assert world.units["A"]["staff"].nip in content


def test_kb10_core_recap_gets_four_form_columns(world):
    _recap_setup(world)
    response = world.admin.get(f"/laporan/rekap.xlsx?unit={world.unit.id}")
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r and r[0] == "No")
    assert "JP Berbagi Pengetahuan" in header
    staff = next(r for r in rows if r and r[1] == "Staf A")
    assert Decimal(str(staff[header.index("JP Berbagi Bahan Pembelajaran")])) == 4


def test_kb10_recap_handed_in_and_sdm_sees_status(world):
    quarter = current_quarter(today())
    before = text(world.sdm.get(f"{BASE}/rekap/status"))
    assert "Triwulan berjalan" in before
    world.admin.post(f"{BASE}/rekap/serahkan?unit={world.unit.id}&dari={quarter.start}"
                     f"&sampai={quarter.end}")
    assert db.session.scalar(select(RecapSubmission.unit_id)) == world.unit.id
    after = text(world.sdm.get(f"{BASE}/rekap/status"))
    assert "Diserahkan" in after
    assert world.login(world.units["A"]["staff"]).get(f"{BASE}/rekap/status").status_code == 403


def test_kb10_koordinator_notes_progress_and_obstacles(world):
    proposal = world.approved()
    response = world.koor.post(f"{BASE}/usulan/{proposal.id}/monitoring",
                               data={"kemajuan": "Dua sesi terlaksana", "hambatan": "Ruang terbatas"})
    assert response.status_code == 302
    page = text(world.sdm.get(f"{BASE}/usulan/{proposal.id}"))
    assert "Dua sesi terlaksana" in page and "Ruang terbatas" in page
    staff = world.login(world.units["A"]["staff"])
    assert staff.post(f"{BASE}/usulan/{proposal.id}/monitoring",
                      data={"kemajuan": "x"}).status_code == 404


def test_kb10_bad_period_gives_message(world):
    response = world.admin.get(f"{BASE}/rekap?unit={world.unit.id}&dari=2026-99-01")
    assert response.status_code == 400 and "tidak valid" in text(response)


def test_kb09_certificates_for_participants_and_speakers(world):
    a = world.units["A"]
    meeting = _held(world, "berbagi_pengetahuan", "pemateri", a["staff"], [a["admin"]])
    response = world.koor.post(f"{BASE}/pertemuan/{meeting.id}/sertifikat")
    assert response.status_code == 302
    certificates = list(db.session.scalars(select(Certificate)))
    assert {c.employee_id for c in certificates} == {a["staff"].id, a["admin"].id}
    from portal_komunitas.certificates import context_for

    entry = db.session.scalar(select(LedgerEntry).where(LedgerEntry.employee_id == a["staff"].id))
    context = context_for(entry)
    assert (context.role_label, context.jp, context.model) == ("Pemateri", 4, 70)
    assert context.start_date == meeting.tanggal
    assert any("Berbagi Pengetahuan" in line for line in context.extra_lines)
    # Issuing again skips the ones already certified, never duplicates.
    world.koor.post(f"{BASE}/pertemuan/{meeting.id}/sertifikat")
    assert db.session.query(Certificate).count() == 2


def test_kb01_import_rows(world):
    a = world.units["A"]

    def row(activity_type, role):
        return ActivityRow(2, a["staff"].id, a["sub"].id, a["staff"].nip, "komunitas",
                           activity_type, role, dt.date(2025, 5, 2), "Sesi lama", "imp-1")

    accepted = import_row(row("berbagi_pengalaman", "pakar"))
    assert accepted.accepted and accepted.participation.source == "import"
    refused = import_row(row("berbagi_bahan", "peserta"))
    assert not refused.accepted and "KB-01" in refused.message
    assert not import_row(row("seminar", "peserta")).accepted
    assert import_row(ActivityRow(2, 1, 1, "x", "formal", "teknis", "peserta",
                                  dt.date(2025, 5, 2), "t", "r")) is None


def test_kb02_eligibility_verdicts(world):
    a = world.units["A"]
    small_staff = world.people.person(world.small, nama="Staf Kecil", supervisor=a["atasan"])
    answer = check(small_staff, "komunitas", today(), {"role": "penyelenggara"})
    assert any(v.rule_id == "KB-02" and v.allow is False for v in answer.verdicts)
    answer = check(a["staff"], "komunitas", today(), {"role": "penyelenggara"})
    assert any(v.rule_id == "KB-02" and v.allow is True for v in answer.verdicts)


def test_demo_data_goes_through_the_ledger(world):
    summary = demo.add_demo(random.Random(7), "small")
    db.session.commit()
    assert summary and "usulan" in summary
    statuses = set(db.session.scalars(select(Proposal.status)))
    assert {"draf", "menunggu_pimpinan", "menunggu_sdm", "disetujui", "dikembalikan"} <= statuses
    assert db.session.query(Meeting).count() >= 1
    assert db.session.scalar(select(Material.id).where(Material.status == "diterima"))
    assert db.session.query(LedgerEntry).filter_by(mechanism="komunitas").count() >= 3
