"""BM-03 (Tabel 6 tahapan monitoring, Tabel 7): the direct supervisor fills the monitoring form
row by row and sends it to the HR unit; PDF and XLSX in the table's layout."""

from __future__ import annotations

import io

from bm_helpers import BASE, last, pdf_text, text
from openpyxl import load_workbook

HTMX = {"HX-Request": "true"}
TABEL_7 = ["No", "Nama", "NIP", "Jabatan", "Kompetensi Teknis yang Dikembangkan", "Target Kegiatan",
           "Jadwal", "Kegiatan yang Terealisasi", "Kesesuaian Realisasi dengan Jadwal", "Keterangan"]


def row_data(a, **values) -> dict:
    data = {"target_kegiatan": "Modul 1–3", "jadwal": "Minggu 1–3",
            "kegiatan_terealisasi": "Modul 1", "kesesuaian": "sesuai", "keterangan": "Baik"}
    data.update(values)
    return {f"r{a.id}-{k}": v for k, v in data.items()}


def test_direct_supervisor_sees_team_in_tabel_7_columns_bm03(world):
    a = world.in_progress()
    page = text(world.atasan.get(f"{BASE}/monitoring"))
    for label in TABEL_7:
        assert f">{label}<" in page, label
    assert "Pegawai Mandiri" in page and "Analisis data spasial" in page
    assert "Mempelajari modul SIG: Modul 1 selesai" in page  # pre-filled from the schedule
    assert "Pegawai Mandiri" not in text(world.pyb.get(f"{BASE}/monitoring"))
    assert world.pyb.post(f"{BASE}/monitoring/{a.id}", data=row_data(a)).status_code == 404
    assert world.me.get(f"{BASE}/monitoring").status_code == 403


def test_row_saved_in_place_with_htmx_bm03(world):
    a = world.in_progress()
    response = world.atasan.post(f"{BASE}/monitoring/{a.id}?no=1", data=row_data(a), headers=HTMX)
    body = text(response).strip()
    assert response.status_code == 200 and body.startswith(f'<tbody id="bm-row-{a.id}">')
    assert "Tersimpan" in body and "<html" not in body
    row = last().monitoring
    assert (row.kesesuaian, row.keterangan, row.atasan.nama) == ("sesuai", "Baik", "Kasubdit Data")


def test_row_saved_without_js_and_bad_choice_refused_bm03(world):
    a = world.in_progress()
    bad = world.atasan.post(f"{BASE}/monitoring/{a.id}", data=row_data(a, kesesuaian="<script>",
                                                                        keterangan="Ditulis"))
    assert bad.status_code == 422 and "Pilih kesesuaian" in text(bad)
    assert "Ditulis" in text(bad) and last().monitoring is None
    fragment = world.atasan.post(f"{BASE}/monitoring/{a.id}", headers=HTMX,
                                 data=row_data(a, kesesuaian="x"))
    assert fragment.status_code == 422 and "<html" not in text(fragment)
    ok = world.atasan.post(f"{BASE}/monitoring/{a.id}", data=row_data(a))
    assert ok.status_code == 302 and last().monitoring.kesesuaian == "sesuai"


def test_sent_to_hr_unit_only_when_complete_then_locked_bm03(world):
    a = world.in_progress()
    world.atasan.post(f"{BASE}/monitoring/{a.id}", data=row_data(a, kesesuaian=""))
    world.atasan.post(f"{BASE}/monitoring/kirim")
    page = text(world.atasan.get(f"{BASE}/monitoring"))
    assert "Lengkapi kolom Kesesuaian" in page and "BM-03" in page
    assert last().monitoring.sent_at is None
    world.atasan.post(f"{BASE}/monitoring/{a.id}", data=row_data(a))
    assert world.atasan.post(f"{BASE}/monitoring/kirim").status_code == 302
    assert last().monitoring.sent_at is not None
    again = world.atasan.post(f"{BASE}/monitoring/{a.id}", data=row_data(a, keterangan="Ubah"))
    assert again.status_code == 422 and "sudah dikirim" in text(again)
    assert last().monitoring.keterangan == "Baik"
    assert "Sesuai jadwal" in text(world.sdm.get(f"{BASE}/penugasan/{a.id}"))


def test_tabel_7_xlsx_and_pdf_in_the_circulars_layout_bm03(world):
    a = world.in_progress()
    world.atasan.post(f"{BASE}/monitoring/{a.id}", data=row_data(a, keterangan="=CMD()"))
    response = world.atasan.get(f"{BASE}/monitoring.xlsx")
    rows = [list(r) for r in load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True)]
    assert rows[0][0] == "MONITORING BELAJAR MANDIRI"
    assert rows[1][:2] == ["Instansi", "Kementerian Pekerjaan Umum dan Perumahan Rakyat"]
    assert rows[2][:2] == ["Satuan Kerja", "Subdirektorat Data"]
    header = rows.index(TABEL_7)
    assert rows[header + 1] == [f"({n})" for n in range(1, 11)]  # the table's column numbers
    line = rows[header + 2]
    assert line == [1, "Pegawai Mandiri", world.employee.nip, "Analis Data", "Analisis data spasial",
                    "Modul 1–3", "Minggu 1–3", "Modul 1", "Sesuai jadwal", "'=CMD()"]
    assert any(r and "Kasubdit Data" in str(r) for r in rows[header + 2:] for r in r)
    pdf = world.atasan.get(f"{BASE}/monitoring.pdf")
    assert pdf.mimetype == "application/pdf"
    content = pdf_text(pdf.data)
    for expected in ("MONITORING BELAJAR MANDIRI", "Subdirektorat Data", "Pegawai Mandiri",
                     "Kesesuaian Realisasi", "Sesuai jadwal", "Kasubdit Data", "(10)"):
        assert expected in content, expected
