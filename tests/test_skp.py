"""SKP in (issue 20 item 2): the yearly performance rating (predikat, period) through the same
import pipeline and API write, shown where the circular bases development on performance:
the plan's basis 1 (G-02) and the clearing performance evaluation of an MG-10 block."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.api import tokens
from portal.extensions import db
from portal.models import Account, AuditLog, SkpRating
from portal.placements.models import DevelopmentBlock
from tests.test_imports import csv_bytes, token_of, upload, xlsx_bytes

COLUMNS = ("nip", "tahun", "predikat", "periode_mulai", "periode_selesai")


def row(employee, tahun="2025", predikat="Baik", mulai="", selesai=""):
    return {"nip": employee.nip, "tahun": tahun, "predikat": predikat, "periode_mulai": mulai,
            "periode_selesai": selesai}


def ratings(employee):
    return db.session.scalars(select(SkpRating).where(SkpRating.employee_id == employee.id)).all()


def save(client, rows, filename="skp.xlsx"):
    content = xlsx_bytes(rows, COLUMNS) if filename.endswith(".xlsx") else csv_bytes(rows, COLUMNS)
    page = upload(client, "skp", content, filename)
    assert page.status_code == 200
    token = token_of(page.get_data(as_text=True))
    return page, client.post("/impor/skp/simpan", data={"token": token}, follow_redirects=True)


def test_skp_import_saves_ratings_with_the_whole_year_as_default_period(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(two_units["sdm"])
    _, done = save(client, [row(staff), row(staff, "2024", "butuh perbaikan", "2024-01-01",
                                             "2024-06-30")])
    assert "2 predikat SKP ditambahkan" in done.get_data(as_text=True)
    by_year = {r.year: r for r in ratings(staff)}
    assert (by_year[2025].predikat, by_year[2025].period_start, by_year[2025].period_end) == (
        "baik", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert by_year[2024].predikat == "butuh_perbaikan"
    page = client.get(f"/pegawai/{staff.id}").get_data(as_text=True)
    assert "Predikat kinerja (SKP)" in page and "Butuh Perbaikan" in page


def test_bad_skp_rows_are_reported_and_nothing_is_saved(two_units, login):
    staff = two_units["A"]["staff"]
    rows = [row(staff), row(staff, "2023", "Istimewa"), row(staff, "2099"),
            row(staff, "2022", mulai="2021-12-01"), row(staff)]
    text = upload(login(two_units["sdm"]), "skp", csv_bytes(rows, COLUMNS), "skp.csv") \
        .get_data(as_text=True)
    assert "Predikat harus Sangat Baik, Baik, Butuh Perbaikan, Kurang, atau Sangat Kurang." in text
    assert "Tahun harus empat angka antara 2000" in text
    assert "Periode harus di dalam tahun 2022" in text
    assert "sudah ada di baris 2" in text
    assert ratings(staff) == []


def test_a_changed_rating_is_a_listed_conflict_never_a_silent_overwrite(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(two_units["sdm"])
    save(client, [row(staff, predikat="Baik")])
    preview, _ = save(client, [row(staff, predikat="Sangat Baik")])
    text = preview.get_data(as_text=True)
    assert "Konflik dengan data tersimpan (1)" in text and "predikat Baik → Sangat Baik" in text
    assert ratings(staff)[0].predikat == "sangat_baik"
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "skp_rating.replace"))


def test_skp_through_the_api_needs_a_write_token(client, two_units):
    staff = two_units["A"]["staff"]
    account = db.session.scalar(select(Account).where(Account.employee_id == two_units["sdm"].id))
    _, read = tokens.create(account, "baca")
    _, write = tokens.create(account, "Sinkronisasi e-Kinerja", scope="write")
    db.session.commit()
    body = {"ratings": [{"year": 2025, "predikat": "kurang"}]}
    url = f"/api/v1/employees/{staff.nip}/skp"
    assert client.post(url, json=body, headers={"Authorization": f"Bearer {read}"}).status_code == 403
    done = client.post(url, json=body, headers={"Authorization": f"Bearer {write}"})
    assert done.status_code == 200
    assert done.get_json()["ratings"][0]["status"] == "dibuat"
    assert ratings(staff)[0].source == "api: Sinkronisasi e-Kinerja"
    listed = client.get(url, headers={"Authorization": f"Bearer {read}"}).get_json()
    assert listed["ratings"][0]["predikat"] == "kurang"


def test_plan_basis_one_shows_the_performance_evidence_g02(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(staff)
    response = client.post(f"/rencana/pegawai/{staff.id}/baru",
                           data={"year": "2026", "basis": "kesenjangan", "notes": ""})
    assert response.status_code == 302
    plan_url = response.headers["Location"]
    page = client.get(plan_url).get_data(as_text=True)
    assert "belum didukung data" in page and "belum tercatat" in page
    db.session.add(SkpRating(employee_id=staff.id, year=2025, predikat="butuh_perbaikan",
                             period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31),
                             source="uji"))
    db.session.commit()
    page = client.get(plan_url).get_data(as_text=True)
    assert "2025 — Butuh Perbaikan" in page and "kesenjangan kinerja" in page
    assert "belum didukung data" not in page


def test_mg10_clearing_page_shows_the_ratings_since_the_block(two_units, login):
    staff = two_units["A"]["staff"]
    db.session.add(DevelopmentBlock(employee_id=staff.id, rule_id="MG-10", reason="Tidak lulus",
                                    starts_on=dt.date(2025, 3, 1), ends_on=dt.date(2026, 3, 1)))
    db.session.add(SkpRating(employee_id=staff.id, year=2025, predikat="sangat_baik",
                             period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31),
                             source="uji"))
    db.session.commit()
    page = login(two_units["sdm"]).get("/penempatan/blokir").get_data(as_text=True)
    assert "Predikat SKP sejak blokir (bahan evaluasi kinerja):" in page
    assert "2025 Sangat Baik" in page
