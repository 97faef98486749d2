"""CM-01 walk (issue 15 item 3, issue 14 item 3): "Coaching records are seen only by the coachee,
their coach and mentor, and the HR unit's programme staff." Every copy that leaves the record —
transcript (HTML/PDF/XLSX), unit recap, mechanism report, Tim & Unit and its XLSX, JP pages, the
API, the audit log page, certificates (PDF text, public verification), search — is rendered as
atasan, unit admin, unit head, colleague and admin SDM, and the confidential strings are absent.
Admin SDM may open the record itself (CM-01) but the copies are neutral for everyone.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from portal_coaching.unit.models import UnitPair
from pypdf import PdfReader
from sqlalchemy import select, text
from unit_fixtures import BASE, last_month, unit_world_fixture  # noqa: F401

from portal.sdk import Account, AuditLog, Certificate, LedgerEntry, db, today
from portal.sdk import api_tokens as tokens

TOPIC = "Topik Rahasia Jembatan Gantung"
RESULT = "Langkah berikutnya disepakati."
COACH = "Pelatih Rahasia"
# The pair's record: meeting topic and notes, agreed goals, the activity, the coach. (The
# development area is part of the unit's own inventory, CU-01, and stays on that list.)
SECRETS = (TOPIC, RESULT, COACH, "Mampu menyusun KAK", "Draf KAK dalam 2 bulan",
           "Penyusunan KAK paket jalan")
ROLES = ("atasan", "admin", "head", "colleague", "sdm")


def _text(response) -> str:
    kind = response.headers.get("Content-Type", "")
    data = response.get_data()
    if "pdf" in kind:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if "spreadsheet" in kind:
        book = load_workbook(io.BytesIO(data), read_only=True)
        return " ".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                        for cell in row if cell is not None)
    return data.decode("utf-8", "replace")


@pytest.fixture
def coached(unit_world, people):
    """Staf A coached by a coach from unit B; two confirmed meetings; done; certificate issued."""
    w = unit_world
    w.coach = people.person(w.units["B"]["sub"], nama=COACH, supervisor=w.units["B"]["atasan"])
    pair = w.running_pair("coaching", partner=w.coach)
    for day in (3, 10):
        w.meeting(pair, last_month(day), topik=TOPIC)
    for who in (w.staff, w.coach):
        assert w.client(who).post(f"{BASE}/pasangan/{pair.id}/evaluasi",
                                  data={"evaluasi": "Tujuan tercapai."}).status_code == 302
    assert w.client(w.staff).post(f"{BASE}/pasangan/{pair.id}/sertifikat").status_code == 302
    db.session.expire_all()
    pair = db.session.get(UnitPair, pair.id)
    assert pair.status == "selesai" and pair.certificate_id is not None
    return w, pair


def _urls(w, pair) -> list[str]:
    staff, top = w.staff, w.a["top"]
    year = today().year
    start = (today().replace(day=1) - dt.timedelta(days=40)).isoformat()
    period = f"unit={top.id}&dari={start}&sampai={today().isoformat()}"
    cert = db.session.get(Certificate, pair.certificate_id)
    meeting_cert_urls = []
    urls = [f"/laporan/transkrip?pegawai={staff.id}&tahun={year}",
            f"/laporan/transkrip.pdf?pegawai={staff.id}&tahun={year}",
            f"/laporan/transkrip.xlsx?pegawai={staff.id}&tahun={year}",
            f"/laporan/rekap?{period}", f"/laporan/rekap.pdf?{period}", f"/laporan/rekap.xlsx?{period}",
            f"/laporan/mekanisme?{period}&mekanisme=coaching",
            f"/laporan/mekanisme.pdf?{period}&mekanisme=coaching",
            f"/laporan/mekanisme.xlsx?{period}&mekanisme=coaching",
            "/jp/tim", f"/jp/tim?tahun={year}", "/jp/tim/ekspor.xlsx",
            f"/admin/jp/pegawai/{staff.id}", "/admin/audit", "/admin/audit?aksi=coaching_unit.pair.request",
            f"/sertifikat/{cert.id}", f"/sertifikat/{cert.id}/unduh", "/sertifikat/kelola",
            f"/verifikasi/{cert.token}", f"/pegawai/?q={TOPIC.split()[1]}", f"/pegawai/{staff.id}",
            f"{BASE}/", f"{BASE}/inventarisasi", f"{BASE}/kartu"]
    return urls + meeting_cert_urls


@pytest.mark.parametrize("who", ROLES)
def test_confidential_coaching_content_never_leaves_its_record_cm01(coached, who):
    w, pair = coached
    person = {"atasan": w.atasan, "admin": w.admin, "head": w.head, "colleague": w.colleague,
              "sdm": w.sdm}[who]
    client = w.client(person)
    opened = 0
    for url in _urls(w, pair):
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if response.status_code != 200:
            continue
        opened += 1
        body = _text(response)
        for secret in SECRETS:
            if who == "sdm" and secret == COACH:
                continue  # admin SDM's lists are ministry-wide (the coach is a row of them), and
                #           CM-01 lets the HR unit's staff know the coach anyway
            assert secret not in body, (who, url, secret)
    assert opened >= 3, who  # each role really saw some outputs
    # The API, with a token of the role's account.
    account = db.session.scalar(select(Account).where(Account.employee_id == person.id))
    _, token = tokens.create(account, "uji CM-01")
    db.session.commit()
    for url in (f"/api/v1/employees/{w.staff.nip}/jp", f"/api/v1/units/{w.a['top'].kode}/compliance"):
        response = client.get(url, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code < 500
        for secret in SECRETS:
            assert secret not in response.get_data(as_text=True), (who, url, secret)


def test_ledger_rows_and_certificates_carry_the_neutral_title_cm01(coached):
    _w, pair = coached
    titles = list(db.session.scalars(select(LedgerEntry.title).order_by(LedgerEntry.id)))
    assert titles == ["Coaching unit kerja — pertemuan 1", "Coaching unit kerja — pertemuan 2"]
    cert = db.session.get(Certificate, pair.certificate_id)
    assert cert.programme_title == "Coaching unit kerja"
    assert not any(secret in line for line in cert.extra_lines for secret in SECRETS)


def test_the_unit_admin_does_not_see_coaching_audit_entries_cm01(coached):
    w, _pair = coached
    assert db.session.scalar(select(AuditLog.id).where(AuditLog.action == "coaching_unit.pair.request",
                                                       AuditLog.confidential.is_(True)))
    page = w.client(w.admin).get("/admin/audit?aksi=coaching_unit.pair.request").get_data(as_text=True)
    assert "Permohonan coaching" not in page
    page = w.client(w.sdm).get("/admin/audit?aksi=coaching_unit.pair.request").get_data(as_text=True)
    assert "Permohonan coaching" in page


def _migration():
    path = Path(__file__).parents[1] / "portal_coaching" / "migrations" / "coaching_h1_cm01_titles.py"
    spec = importlib.util.spec_from_file_location("coaching_h1_cm01_titles", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migration_rewrites_rows_written_before_cm01(coached):
    """Rows as the old code wrote them (topic and coach in titles, lines and audit summaries)
    are rewritten by migration coaching_h1_cm01_titles."""
    w, pair = coached
    old_title = f"Coaching dengan {COACH}: {TOPIC}"
    db.session.execute(text("UPDATE jp_ledger_entry SET title = :t"), {"t": old_title})
    cert = db.session.get(Certificate, pair.certificate_id)
    cert.programme_title = f"Coaching: {TOPIC}"
    cert.extra_lines = [f"Coach: {COACH}", "Area pengembangan: Penyusunan kerangka acuan kerja",
                        "1 pertemuan = 2 JP"]
    request = db.session.scalar(select(AuditLog).where(AuditLog.action == "coaching_unit.pair.request"))
    request.summary = f"Permohonan coaching Staf A kepada {COACH} (CU-02)"
    request.new_values = {"jenis": "coaching", "partner_id": 99, "status": "menunggu_mitra"}
    request.confidential = False
    db.session.commit()
    _migration().rewrite(db.session.connection())
    db.session.commit()
    db.session.expire_all()
    titles = list(db.session.scalars(select(LedgerEntry.title).order_by(LedgerEntry.id)))
    assert titles == ["Coaching unit kerja — pertemuan 1", "Coaching unit kerja — pertemuan 2"]
    cert = db.session.get(Certificate, pair.certificate_id)
    assert cert.programme_title == "Coaching unit kerja" and cert.extra_lines == ["1 pertemuan = 2 JP"]
    request = db.session.get(AuditLog, request.id)
    assert COACH not in request.summary and "partner_id" not in json.dumps(request.new_values)
    assert request.confidential
