"""BM-04 (Tabel 6 tahapan pelaporan): the employee reports to the unit head (tembusan HR unit
and atasan); the HR unit recaps monitoring and reports and writes the institution-level report;
JP (G-06, a local setting) and the e-certificate."""

from __future__ import annotations

import io

from bm_helpers import BASE, last, pdf_text, text
from openpyxl import load_workbook
from sqlalchemy import select

from portal.sdk import Certificate, LedgerEntry, db


def test_report_needs_a_realised_activity_bm04(world):
    a = world.accepted()
    world.schedule(a)
    response = world.me.post(f"{BASE}/penugasan/{a.id}/laporan", data={"laporan": "Selesai"})
    assert response.status_code == 422 and "BM-04" in text(response)
    assert "Selesai" in text(response) and last().status == "diterima"


def test_report_goes_to_unit_head_with_copies_to_hr_and_atasan_bm04(world):
    a = world.reported()
    assert a.status == "dilaporkan" and a.reported_on is not None
    inbox = text(world.atasan.get("/kotak-masuk"))  # Kasubdit heads the employee's unit
    assert "Baca laporan belajar mandiri" in inbox
    assert "Terima laporan belajar mandiri" in text(world.sdm.get("/kotak-masuk"))
    letter = pdf_text(world.atasan.get(f"{BASE}/penugasan/{a.id}/laporan.pdf").data)
    for expected in ("LAPORAN PELAKSANAAN BELAJAR MANDIRI", "Kepala Subdirektorat Data",
                     "Saya telah mempelajari SIG.", "Tembusan", "Pengembangan Sumber Daya Manusia",
                     "Kasubdit Data", "Mempelajari modul SIG"):
        assert expected in letter, expected


def test_hr_unit_takes_report_in_credits_jp_and_certificate_g06(world):
    a = world.reported()
    assert world.atasan.post(f"{BASE}/penugasan/{a.id}/laporan/terima").status_code == 403
    assert world.sdm.post(f"{BASE}/penugasan/{a.id}/laporan/terima").status_code == 302
    a = last()
    entry = db.session.get(LedgerEntry, a.ledger_entry_id)
    assert a.status == "selesai"
    assert (entry.mechanism, entry.activity_type, entry.role, entry.rule_id, entry.jp_counted) == (
        "belajar_mandiri", "belajar_mandiri", "peserta", "G-06", 4)
    certificate = db.session.scalar(select(Certificate).where(
        Certificate.source_key == f"ledger:{entry.id}"))
    assert certificate is not None
    assert world.sdm.post(f"{BASE}/penugasan/{a.id}/laporan/terima").status_code == 302
    assert db.session.scalar(select(db.func.count()).select_from(LedgerEntry)) == 1


def test_hr_recap_and_institution_report_as_xlsx_bm04(world):
    a = world.reported()
    world.atasan.post(f"{BASE}/monitoring/{a.id}", data={f"r{a.id}-kesesuaian": "sesuai"})
    world.atasan.post(f"{BASE}/monitoring/kirim")
    world.sdm.post(f"{BASE}/penugasan/{a.id}/laporan/terima")
    assert world.admin.get(f"{BASE}/rekap").status_code == 403
    page = text(world.sdm.get(f"{BASE}/rekap"))
    assert "REKAPITULASI MONITORING DAN LAPORAN BELAJAR MANDIRI" in page and "Pegawai Mandiri" in page
    recap = load_workbook(io.BytesIO(world.sdm.get(f"{BASE}/rekap.xlsx?jenis=rekap").data)).active
    rows = [list(r) for r in recap.iter_rows(values_only=True)]
    line = next(r for r in rows if r and r[1] == "Pegawai Mandiri")
    assert line[6] == "Selesai, laporan diterima" and line[7] == "1/1"
    assert line[8] == "Sesuai jadwal" and line[11] == 4
    lembaga = load_workbook(io.BytesIO(world.sdm.get(f"{BASE}/rekap.xlsx?jenis=lembaga").data)).active
    rows = [list(r) for r in lembaga.iter_rows(values_only=True)]
    assert rows[0][0].startswith("LAPORAN PENGEMBANGAN KOMPETENSI TEKNIS")
    unit = next(r for r in rows if r and r[1] == "Direktorat Jenderal A")
    assert unit[2:] == [1, 1, 1, 1, 4]
    assert "TINGKAT LEMBAGA" in pdf_text(world.sdm.get(f"{BASE}/rekap.pdf?jenis=lembaga").data)
