"""JP pegawai page: admin SDM cancels a wrong ledger row behind a confirmation page (audit of
JP changes); the month's caps are re-applied (KB-07) and certificates can be revoked with it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.certificates.service import issue
from portal.extensions import db
from portal.ledger.models import LedgerEntry
from portal.ledger.service import credit
from portal.models import AuditLog, Certificate
from portal.testing import People
from tests.ledger_helpers import community_plugin, participation


@pytest.fixture
def lapp(make_app):
    app = make_app(plugins=[community_plugin()])
    with app.app_context():
        yield app


@pytest.fixture
def world(lapp):
    people = People()
    top = people.unit("K", "Direktorat Jenderal K", eselon="I")
    unit = people.unit("K.01", "Direktorat K Satu", eselon="II", parent=top)
    boss = people.person(unit, nama="Atasan K")
    first = people.person(unit, nama="Pegawai Satu", supervisor=boss)
    admin = people.person(unit, "admin_unit", nama="Admin K", admin_of=top, supervisor=boss)
    sdm = people.person(unit, "admin_sdm", nama="Admin SDM", supervisor=boss)
    rows = [credit(participation(first.id, on_date=dt.date(2026, 3, day), reference=f"bahan-{day}"))
            for day in (2, 9, 16)]
    db.session.commit()
    return {"first": first, "admin": admin, "sdm": sdm, "boss": boss, "rows": rows}


def _client(lapp, employee):
    client = lapp.test_client()
    client.login(employee.nip)
    return client


def test_admin_sdm_sees_an_employees_rows_with_cancel_links(lapp, world):
    page = _client(lapp, world["sdm"]).get(f"/admin/jp/pegawai/{world['first'].id}?tahun=2026")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Pegawai Satu" in html and "Kegiatan bahan-16" in html and "Tidak dihitung" in html
    assert f"/admin/jp/entri/{world['rows'][0].id}/batal" in html


def test_only_the_hr_unit_may_cancel_jp(lapp, world):
    entry = world["rows"][0]
    for who in ("admin", "boss", "first"):
        client = _client(lapp, world[who])
        assert client.get(f"/admin/jp/pegawai/{world['first'].id}").status_code in (403, 404)
        assert client.post(f"/admin/jp/entri/{entry.id}/batal",
                           data={"reason": "x"}).status_code in (403, 404)
    db.session.refresh(entry)
    assert not entry.is_cancelled


def test_cancel_asks_for_confirmation_and_a_reason_then_recounts_the_month_kb07(lapp, world):
    client = _client(lapp, world["sdm"])
    first, _, third = world["rows"]
    confirm = client.get(f"/admin/jp/entri/{first.id}/batal").get_data(as_text=True)
    assert "Ya, batalkan entri ini" in confirm and "Kegiatan bahan-2" in confirm
    refused = client.post(f"/admin/jp/entri/{first.id}/batal", data={"reason": "  "})
    assert refused.status_code == 200 and "Alasan pembatalan wajib diisi" in refused.get_data(as_text=True)
    db.session.refresh(first)
    assert not first.is_cancelled
    done = client.post(f"/admin/jp/entri/{first.id}/batal", data={"reason": "Tanggal salah"})
    assert done.status_code == 302
    db.session.expire_all()
    first, third = db.session.get(LedgerEntry, first.id), db.session.get(LedgerEntry, third.id)
    assert first.is_cancelled and first.cancel_reason == "Tanggal salah"
    assert third.counted  # the third material of March now fits under the KB-07 cap
    actions = [a.action for a in db.session.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert "jp.cancel" in actions and "jp.recount" in actions
    again = client.post(f"/admin/jp/entri/{first.id}/batal", data={"reason": "lagi"},
                        follow_redirects=True)
    assert "sudah dibatalkan" in again.get_data(as_text=True)


def test_cancelling_can_revoke_the_certificate_issued_from_the_row(lapp, world):
    entry = world["rows"][0]
    certificate = issue(entry.id, None)
    client = _client(lapp, world["sdm"])
    assert certificate.number in client.get(f"/admin/jp/entri/{entry.id}/batal").get_data(as_text=True)
    client.post(f"/admin/jp/entri/{entry.id}/batal",
                data={"reason": "Kegiatan tidak terlaksana", "revoke_certificates": "y"})
    db.session.expire_all()
    revoked = db.session.get(Certificate, certificate.id)
    assert revoked.is_revoked and "Kegiatan tidak terlaksana" in revoked.revoke_reason


def test_forged_ids_are_not_found(lapp, world):
    client = _client(lapp, world["sdm"])
    assert client.get("/admin/jp/pegawai/999999").status_code == 404
    assert client.post("/admin/jp/entri/999999/batal", data={"reason": "x"}).status_code == 404


def test_employee_page_links_the_hr_unit_to_the_jp_page(lapp, world):
    url = f"/admin/jp/pegawai/{world['first'].id}"
    assert url in _client(lapp, world["sdm"]).get(f"/pegawai/{world['first'].id}").get_data(as_text=True)
    assert url not in _client(lapp, world["admin"]).get(f"/pegawai/{world['first'].id}").get_data(as_text=True)
