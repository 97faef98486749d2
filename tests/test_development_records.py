"""Development records out (issue 20, §E.8/§I.1): every credited activity with what a national
course-history record needs, as CSV/XLSX/JSON within the caller's units and through API v1
(changes since a moment), the kind mapping as a setting, never confidential coaching content
(CM-01)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time

import openpyxl
from sqlalchemy import select

from portal.api import tokens
from portal.certificates.service import issue
from portal.extensions import db
from portal.ledger.models import LedgerEntry
from portal.ledger.service import cancel
from portal.models import Account
from portal.models.account import utcnow
from tests.certificate_helpers import account_id, entry_for

YEAR = 2026


def coaching_entry(employee) -> LedgerEntry:
    """A credited coaching row whose title carries what only the coaching record may hold."""
    entry = LedgerEntry(employee_id=employee.id, mechanism="coaching", model=20,
                        activity_type="coaching_unit", role="coachee",
                        activity_date=dt.date(YEAR, 4, 2),
                        title="Coaching: masalah pribadi dengan atasan", reference="cu-1",
                        source="workflow", jp_claimed=2, jp_counted=2, counted=True,
                        rule_id="CU-02")
    db.session.add(entry)
    db.session.commit()
    return entry


def records_world(two_units):
    staff, other = two_units["A"]["staff"], two_units["B"]["staff"]
    training = entry_for(staff, title="Pelatihan Jembatan", mechanism="formal",
                         activity_type="teknis", jp=10, day=dt.date(YEAR, 5, 4))
    magang = entry_for(staff, title="Magang di Balai Teknik Jalan", day=dt.date(YEAR, 3, 5))
    certificate = issue(magang.id, account_id(two_units["sdm"]))
    db.session.commit()
    entry_for(other, title="Magang Unit B", day=dt.date(YEAR, 3, 6))
    coaching_entry(staff)
    return training, magang, certificate


def sheet_rows(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_xlsx_download_holds_the_national_fields_of_the_units_employees(two_units, login):
    training, magang, certificate = records_world(two_units)
    response = login(two_units["A"]["admin"]).get(f"/riwayat-pengembangan/unduh.xlsx?tahun={YEAR}")
    assert response.status_code == 200
    rows = sheet_rows(response.data)
    header, data = rows[0], rows[1:]
    assert header[:9] == ["nip", "nama", "jenis", "mekanisme", "nama_kegiatan", "penyelenggara",
                          "tanggal_mulai", "tanggal_selesai", "jp"]
    by_name = {row[4]: dict(zip(header, row, strict=True)) for row in data}
    assert "Magang Unit B" not in by_name  # another unit's employee
    assert by_name["Pelatihan Jembatan"]["jenis"] == "Pelatihan"
    assert by_name["Pelatihan Jembatan"]["jp"] == 10
    magang_row = by_name["Magang di Balai Teknik Jalan"]
    assert magang_row["jenis"] == "Pengembangan kompetensi nonpelatihan"
    assert magang_row["nomor_sertifikat"] == certificate.number
    assert magang_row["tautan_verifikasi"].endswith(f"/verifikasi/{certificate.token}")
    assert magang_row["tanggal_mulai"] == certificate.start_date.isoformat()


def test_coaching_content_never_leaves_in_any_format_cm01(two_units, login):
    records_world(two_units)
    client = login(two_units["sdm"])
    for fmt in ("csv", "json", "xlsx"):
        data = client.get(f"/riwayat-pengembangan/unduh.{fmt}?tahun={YEAR}").data
        text = (str(sheet_rows(data)) if fmt == "xlsx" else data.decode("utf-8"))
        assert "masalah pribadi" not in text
        assert "Coaching dan Mentoring — Coaching oleh unit peserta" in text
    page = client.get(f"/riwayat-pengembangan/?tahun={YEAR}").get_data(as_text=True)
    assert "masalah pribadi" not in page


def test_csv_download_is_escaped_and_reads_back(two_units, login):
    staff = two_units["A"]["staff"]
    entry_for(staff, title="=HYPERLINK(\"http://x\")", day=dt.date(YEAR, 2, 2))
    data = login(two_units["sdm"]).get(f"/riwayat-pengembangan/unduh.csv?tahun={YEAR}").data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "nip"
    assert any(row[4].startswith("'=HYPERLINK") for row in rows[1:])


def test_unit_outside_scope_is_refused_with_a_message(two_units, login):
    response = login(two_units["A"]["admin"]).get("/riwayat-pengembangan/?unit=B")
    assert response.status_code == 422
    assert "di luar kewenangan Anda" in response.get_data(as_text=True)


def test_kind_mapping_is_a_setting_used_by_the_export(two_units, login):
    records_world(two_units)
    client = login(two_units["sdm"])
    bad = client.post("/riwayat-pengembangan/pemetaan", data={"magang": "kursus"})
    assert bad.status_code == 422
    assert client.post("/riwayat-pengembangan/pemetaan",
                       data={"magang": "pelatihan", "formal": "pelatihan"}).status_code == 302
    data = client.get(f"/riwayat-pengembangan/unduh.json?tahun={YEAR}").get_json()
    magang = next(r for r in data["records"] if r["mechanism"] == "magang")
    assert (magang["kind"], magang["kind_label"]) == ("pelatihan", "Pelatihan")
    refused = login(two_units["A"]["admin"]).get("/riwayat-pengembangan/pemetaan")
    assert refused.status_code in (403, 404)


def test_api_records_with_changes_since_for_incremental_sync(client, two_units):
    training, magang, certificate = records_world(two_units)
    staff = two_units["A"]["staff"]
    account = db.session.scalar(select(Account).where(Account.employee_id == two_units["sdm"].id))
    _, token = tokens.create(account, "SIASN")
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    body = client.get(f"/api/v1/employees/{staff.nip}/records?year={YEAR}", headers=headers)
    assert body.status_code == 200
    names = [r["name"] for r in body.get_json()["records"]]
    assert "Pelatihan Jembatan" in names and "Magang di Balai Teknik Jalan" in names
    mark = utcnow()
    time.sleep(1.1)
    cancel(training.id, None, "Salah input")
    db.session.commit()
    since = mark.isoformat() + "Z"
    changed = client.get(f"/api/v1/employees/{staff.nip}/records?since={since}",
                         headers=headers).get_json()["records"]
    assert [(r["id"], r["status"]) for r in changed] == [(training.id, "dibatalkan")]
    everyone = client.get(f"/api/v1/records?since={since}", headers=headers).get_json()
    assert [r["id"] for r in everyone["records"]] == [training.id]
    bad = client.get("/api/v1/records?since=kemarin", headers=headers)
    assert bad.status_code == 400 and "ISO 8601" in bad.get_json()["message"]
    everything = client.get("/api/v1/records", headers=headers)
    assert everything.status_code == 400 and "year atau since" in everything.get_json()["message"]
