"""Rule settings (the circular's [open] figures, docs/rules.md, the yearly JP target): versions with an
effective date, the settings page, and recalculation with a preview (KB-08, G-06, MG-10)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.ledger import recalc
from portal.ledger.models import LedgerEntry, RuleSettingVersion
from portal.ledger.service import credit
from portal.models import AuditLog
from portal.rule_settings.versions import JPSettings, add_version, declared, parse_value, value_on
from portal.testing import People
from tests.ledger_helpers import SLUG, community_plugin, participation

KEY = f"{SLUG}.jp_diskusi_peserta"


@pytest.fixture
def lapp(make_app):
    app = make_app(plugins=[community_plugin()])
    with app.app_context():
        yield app


@pytest.fixture
def client(lapp):
    return lapp.test_client()


@pytest.fixture
def org(lapp):
    people = People()
    unit = people.unit("S", "Direktorat S", eselon="I")
    sub = people.unit("S.01", "Direktorat S Satu", eselon="II", parent=unit)
    other = people.unit("T", "Direktorat T", eselon="I")
    sdm = people.person(unit, "admin_sdm", nama="Admin SDM")
    admin = people.person(sub, "admin_unit", nama="Admin Unit S", admin_of=sub)
    staff = people.person(sub, nama="Staf S")
    outsider = people.person(other, nama="Staf T")
    return {"sdm": sdm, "admin": admin, "staff": staff, "outsider": outsider, "sub": sub}


def diskusi(employee_id: int, on: dt.date, ref: str) -> LedgerEntry:
    return credit(participation(employee_id, "diskusi_permasalahan", "peserta", on, ref))


def test_core_and_plugin_settings_are_declared_with_their_rule(lapp):
    settings = declared()
    assert settings["core.target_jp_pns"].spec.default == 20
    assert settings["core.target_jp_pppk"].spec.default == 20
    assert settings["core.mg10_block_months"].spec.rule_id == "MG-10"
    assert settings[KEY].spec.rule_id == "KB-08" and settings[KEY].owner == SLUG
    assert not any(s.from_circular for s in settings.values() if s.owner == "core")


def test_value_in_force_follows_effective_date_and_same_day_correction(lapp):
    assert value_on(KEY, dt.date(2026, 1, 1)) == (2, None)  # declared default, not stored
    add_version(KEY, "3", dt.date(2026, 4, 1), "Nota dinas 1", None)
    add_version(KEY, "5", dt.date(2026, 7, 1), "Nota dinas 2", None)
    add_version(KEY, "4", dt.date(2026, 7, 1), "Koreksi nota dinas 2", None)
    db.session.commit()
    assert value_on(KEY, dt.date(2026, 3, 31))[0] == 2
    assert value_on(KEY, dt.date(2026, 4, 1))[0] == 3
    assert value_on(KEY, dt.date(2026, 12, 31))[0] == 4
    assert {a.action for a in db.session.scalars(select(AuditLog))} == {"setting.version"}


@pytest.mark.parametrize("raw, message", [
    ("", "wajib"), ("dua", "angka"), ("-1", "antara"), ("2.5", "bulat"), ("NaN", "angka"),
    ("1e9", "antara"),
])
def test_invalid_setting_values_are_refused(lapp, raw, message):
    with pytest.raises(ValueError, match=message):
        parse_value(declared()["core.target_jp_pns"].spec, raw)


def test_diskusi_permasalahan_jp_uses_the_setting_on_the_activity_date(lapp, org):
    add_version(KEY, "3", dt.date(2026, 6, 1), "Nota dinas", None)
    before = diskusi(org["staff"].id, dt.date(2026, 5, 31), "d-mei")
    after = diskusi(org["staff"].id, dt.date(2026, 6, 1), "d-juni")
    assert (before.jp_claimed, after.jp_claimed) == (2, 3)
    assert before.setting_version.is_default and after.setting_version.value == "3"
    settings = JPSettings(SLUG, dt.date(2026, 6, 2))
    assert settings["jp_diskusi_peserta"] == 3 and list(settings) == ["jp_diskusi_peserta"]
    with pytest.raises(KeyError):
        settings["tidak_ada"]


def test_new_version_never_rewrites_history_until_recalculated(lapp, org):
    row = diskusi(org["staff"].id, dt.date(2026, 3, 3), "d-1")
    untouched = diskusi(org["staff"].id, dt.date(2025, 3, 3), "d-lama")
    db.session.commit()
    add_version(KEY, "3", dt.date(2026, 1, 1), "Nota dinas", None)
    db.session.commit()
    db.session.refresh(row)
    assert row.jp_claimed == 2  # not silently rewritten
    preview = recalc.preview(SLUG, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert [(c.entry_id, c.old_jp, c.new_jp) for c in preview.changes] == [(row.id, 2, 3)]
    assert recalc.apply(SLUG, dt.date(2026, 1, 1), dt.date(2026, 12, 31), preview.digest, None) == 1
    db.session.commit()
    db.session.refresh(row)
    db.session.refresh(untouched)
    assert row.jp_claimed == 3 and row.jp_counted == 3 and row.setting_version.value == "3"
    assert untouched.jp_claimed == 2
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "jp.recalculate"))
    assert audit.old_values["jp_claimed"] == 2 and audit.new_values["jp_claimed"] == 3


def test_recalculate_refuses_a_stale_preview(lapp, org):
    diskusi(org["staff"].id, dt.date(2026, 3, 3), "d-1")
    add_version(KEY, "3", dt.date(2026, 1, 1), "Nota dinas", None)
    db.session.commit()
    stale = recalc.preview(SLUG, dt.date(2026, 1, 1), dt.date(2026, 12, 31)).digest
    add_version(KEY, "6", dt.date(2026, 1, 1), "Koreksi", None)
    db.session.commit()
    from portal.ledger.service import LedgerError

    with pytest.raises(LedgerError, match="berubah sejak pratinjau"):
        recalc.apply(SLUG, dt.date(2026, 1, 1), dt.date(2026, 12, 31), stale, None)


def test_settings_page_marks_local_values_and_adds_a_version(client, org):
    client.login(org["sdm"].nip)
    html = client.get("/admin/pengaturan").get_data(as_text=True)
    assert "Nilai lokal, bukan angka dari SE" in html and "Angka dari SE" in html
    assert "Target JP tahunan PNS" in html and "KB-08" in html and "MG-10" in html
    response = client.post("/admin/pengaturan", data={
        "key": KEY, "value": "3", "effective_from": "2026-01-01", "note": "ND-1/2026"})
    assert response.status_code == 302
    assert "/admin/pengaturan/hitung-ulang" in response.headers["Location"]
    version = db.session.scalar(select(RuleSettingVersion).where(RuleSettingVersion.key == KEY))
    assert (version.value, version.note, version.created_by_id) == ("3", "ND-1/2026",
                                                                     version.created_by.id)
    html = client.get("/admin/pengaturan").get_data(as_text=True)
    assert "ND-1/2026" in html


@pytest.mark.parametrize("data, message", [
    ({"key": "core.target_jp_pns", "value": "dua", "effective_from": "2026-01-01", "note": "x"},
     "Nilai harus berupa angka"),
    ({"key": "core.target_jp_pns", "value": "20", "effective_from": "2026-02-30", "note": "x"},
     "tidak valid"),
    ({"key": "palsu.kunci", "value": "2", "effective_from": "2026-01-01", "note": "x"},
     "Pilih pengaturan dari daftar"),
    ({"key": "core.target_jp_pns", "value": "20", "effective_from": "2026-01-01", "note": ""},
     "dasar perubahan"),
])
def test_settings_form_errors_are_shown_not_500(client, org, data, message):
    client.login(org["sdm"].nip)
    response = client.post("/admin/pengaturan", data=data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(RuleSettingVersion.id)) is None


def test_settings_pages_need_admin_sdm_and_csrf(client, org):
    client.login(org["admin"].nip)
    assert client.get("/admin/pengaturan").status_code == 403
    assert client.get("/admin/pengaturan/hitung-ulang").status_code == 403
    client.logout()
    client.login(org["sdm"].nip)
    response = client.post("/admin/pengaturan", csrf=False, data={
        "key": "core.target_jp_pns", "value": "21", "effective_from": "2026-01-01", "note": "x"})
    assert response.status_code == 400


def test_recalculate_page_previews_then_applies(client, org):
    row = diskusi(org["staff"].id, dt.date(2026, 3, 3), "d-1")
    add_version(KEY, "3", dt.date(2026, 1, 1), "Nota dinas", None)
    db.session.commit()
    client.login(org["sdm"].nip)
    url = f"/admin/pengaturan/hitung-ulang?mekanisme={SLUG}&dari=2026-01-01&sampai=2026-12-31"
    html = client.get(url).get_data(as_text=True)
    assert "1</strong> entri akan berubah" in html and "→ <strong>3</strong>" in html
    db.session.refresh(row)
    assert row.jp_claimed == 2  # the preview changes nothing
    digest = re.search(r'name="tanda" value="([0-9a-f]+)"', html).group(1)
    response = client.post("/admin/pengaturan/hitung-ulang", data={
        "mekanisme": SLUG, "dari": "2026-01-01", "sampai": "2026-12-31", "tanda": digest})
    assert response.status_code == 302 and "/tugas/" in response.location  # a background job
    job_page = client.get(response.location).get_data(as_text=True)
    assert "1 entri JP dihitung ulang" in job_page
    db.session.expire_all()
    assert db.session.get(LedgerEntry, row.id).jp_claimed == 3
    # The same confirmation again (a double submit): the data changed, nothing is applied.
    again = client.post("/admin/pengaturan/hitung-ulang", data={
        "mekanisme": SLUG, "dari": "2026-01-01", "sampai": "2026-12-31", "tanda": digest},
        follow_redirects=True).get_data(as_text=True)
    assert 'data-status="gagal"' in again and "Data berubah sejak pratinjau" in again
    html = client.get(url).get_data(as_text=True)
    assert "Tidak ada entri yang berubah" in html


@pytest.mark.parametrize("query, message", [
    ("mekanisme=palsu", "Mekanisme tidak dikenal"),
    ("mekanisme=komunitas_test&dari=kemarin", "tidak valid"),
    ("mekanisme=komunitas_test&dari=2026-12-01&sampai=2026-01-01", "sesudah tanggal awal"),
    ("mekanisme=komunitas_test&dari=2020-01-01&sampai=2026-01-01", "tiga tahun"),
])
def test_recalculate_bad_input_gives_a_clear_message(client, org, query, message):
    client.login(org["sdm"].nip)
    response = client.get(f"/admin/pengaturan/hitung-ulang?{query}")
    assert response.status_code == 200 and message in response.get_data(as_text=True)


def test_audit_log_page_scopes_admin_unit_to_its_subtree(client, org):
    add_version(KEY, "3", dt.date(2026, 1, 1), "oleh admin SDM", _account(org["sdm"]))
    credit(participation(org["staff"].id, reference="staf"), actor_id=_account(org["staff"]))
    credit(participation(org["outsider"].id, reference="luar"),
           actor_id=_account(org["outsider"]))
    db.session.commit()
    client.login(org["admin"].nip)
    html = client.get("/admin/audit").get_data(as_text=True)
    assert "Staf S" in html and "Staf T" not in html and "setting.version" not in html
    client.logout()
    client.login(org["sdm"].nip)
    html = client.get("/admin/audit").get_data(as_text=True)
    assert "Staf S" in html and "Staf T" in html and "setting.version" in html
    html = client.get(f"/admin/audit?aksi=jp.credit&nip={org['outsider'].nip}").get_data(
        as_text=True)
    assert "Staf T" in html and "Staf S" not in html and "jp_claimed" in html
    response = client.get("/admin/audit?dari=2026-13-01&sampai=x")
    assert response.status_code == 200 and "tidak valid" in response.get_data(as_text=True)
    html = client.get("/admin/audit?dari=2000-01-01&sampai=2000-01-02").get_data(as_text=True)
    assert "Tidak ada catatan" in html
    client.logout()
    client.login(org["staff"].nip)
    assert client.get("/admin/audit").status_code == 403


def _account(employee) -> int:
    from portal.models import Account

    return db.session.scalar(select(Account.id).where(Account.employee_id == employee.id))
