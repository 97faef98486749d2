"""Issue 16 item 1: a large unit's report file is made by a background job, not in the request;
the job page offers the file to the account that asked, and only to it."""

from __future__ import annotations

import io

import openpyxl
import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models.task_job import DONE, TaskJob
from tests.certificate_helpers import flat, pdf_text

PERIOD = {"dari": "2026-01-01", "sampai": "2026-06-30"}


@pytest.fixture
def portal(make_app):
    # A unit of more than 6 employees counts as large here (two_units has 4 in A.01).
    return make_app(PORTAL_REPORT_JOB_EMPLOYEES=6)


def _big_unit(two_units, people, count: int = 5):
    sub = db.session.merge(two_units["A"]["sub"])
    names = [f"Pegawai Besar {index:02d}" for index in range(count)]
    for name in names:
        people.employee(sub, nama=name)
    return sub, names


def test_a_large_unit_recap_is_made_by_a_job_and_downloaded_from_its_page(portal, two_units, people):
    with portal.app_context():
        sub, names = _big_unit(two_units, people)
        admin = portal.test_client()
        admin.login(two_units["A"]["admin"].nip)
        query = {**PERIOD, "unit": sub.id}
        page = admin.get("/laporan/rekap", query_string=query).get_data(as_text=True)
        assert "disiapkan sebagai tugas latar" in page
        assert "download>" not in page  # a link that leads to a job page must not save it

        response = admin.get("/laporan/rekap.pdf", query_string=query)
        assert response.status_code == 302 and "/tugas/" in response.location
        job_page = admin.get(response.location).get_data(as_text=True)
        assert "Selesai" in job_page and "Unduh rekap" in job_page.replace("Unduh Rekap", "Unduh rekap")
        job = db.session.scalar(select(TaskJob).where(TaskJob.kind == "reports.export"))
        assert job.status == DONE
        pdf = admin.get(f"/tugas/{job.id}/berkas")
        assert pdf.mimetype == "application/pdf"
        assert "attachment" in pdf.headers["Content-Disposition"]
        text = flat(pdf_text(pdf.data))
        assert "REKAPITULASI" in text and all(name in text for name in names)

        spreadsheet = admin.get("/laporan/rekap.xlsx", query_string=query)
        xlsx_job = spreadsheet.location.rsplit("/", 1)[-1]
        data = admin.get(f"/tugas/{xlsx_job}/berkas").data
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
        cells = {cell for row in sheet.iter_rows(values_only=True) for cell in row if cell}
        assert set(names) <= cells

        # Another account cannot fetch the file or see the job.
        other = portal.test_client()
        other.login(two_units["sdm"].nip)
        assert other.get(f"/tugas/{job.id}/berkas").status_code == 404
        assert other.get(f"/tugas/{job.id}").status_code == 404
        listed = admin.get("/tugas/").get_data(as_text=True)
        assert "Rekapitulasi unit (PDF)" in listed and "Rekapitulasi unit (XLSX)" in listed


def test_a_small_unit_report_is_still_answered_in_the_request(portal, two_units):
    with portal.app_context():
        admin = portal.test_client()
        admin.login(two_units["A"]["admin"].nip)
        query = {**PERIOD, "unit": two_units["A"]["sub"].id}
        response = admin.get("/laporan/rekap.pdf", query_string=query)
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert db.session.scalar(select(TaskJob)) is None


def test_a_report_job_keeps_the_scope_checked_in_the_request(portal, two_units, people):
    with portal.app_context():
        _big_unit(two_units, people)
        outsider = portal.test_client()
        outsider.login(two_units["B"]["admin"].nip)
        response = outsider.get("/laporan/rekap.pdf",
                                query_string={**PERIOD, "unit": two_units["A"]["sub"].id})
        assert response.status_code == 404
        assert db.session.scalar(select(TaskJob)) is None
