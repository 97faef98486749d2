"""Pages of the JP ledger: Pengembangan Saya, Tim & unit, its XLSX export, the home card."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from portal.clock import today
from portal.extensions import db
from portal.ledger.service import cancel, credit
from portal.mechanisms.catalogue import mechanism_title
from portal.testing import People
from tests.ledger_helpers import community_plugin, participation

YEAR = today().year


def day(month: int, number: int) -> dt.date:
    return dt.date(YEAR, month, number)


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
    """Ditjen A (unit A.01 with atasan and staff, A.02 with its own head) and Ditjen B."""
    people = People()
    a = people.unit("A", "Direktorat Jenderal A", eselon="I")
    a1 = people.unit("A.01", "Direktorat A Satu", eselon="II", parent=a)
    a2 = people.unit("A.02", "Direktorat A Dua", eselon="II", parent=a)
    b = people.unit("B", "Direktorat Jenderal B", eselon="I")
    head = people.person(a, nama="Kepala A")
    people.head_of(a, head)
    atasan = people.person(a1, nama="Atasan A1", supervisor=head)
    staff = people.person(a1, nama="Staf Rajin", supervisor=atasan)
    lazy = people.employee(a1, nama="=HYPERLINK(\"http://x\",\"y\")", supervisor=atasan,
                           status="PPPK")
    head2 = people.employee(a2, nama="Kepala A2", supervisor=head)
    people.head_of(a2, head2)
    other = people.person(a2, nama="Staf A2", supervisor=head2)
    admin = people.person(a1, "admin_unit", nama="Admin A", admin_of=a, supervisor=atasan)
    stranger = people.person(b, nama="Staf B")
    sdm = people.person(b, "admin_sdm", nama="Admin SDM")
    for n in range(6):  # 24 JP counted for the diligent one, 3 rows beyond KB-07
        credit(participation(staff.id, on_date=day(1 + n // 3, 1 + n), reference=f"b-{n}"))
    credit(participation(staff.id, "teknis", "peserta", day(2, 5), "sert", mechanism="formal",
                         jp_stated=8))
    credit(participation(lazy.id, "coaching_unit", "coachee", day(3, 3), "c-1"))
    credit(participation(staff.id, "magang", "peserta", day(1, 20), "mg", mechanism="magang",
                         jp_stated=0, source="import"))
    db.session.commit()
    return {"a": a, "a1": a1, "a2": a2, "b": b, "head": head, "atasan": atasan, "staff": staff,
            "lazy": lazy, "head2": head2, "other": other, "admin": admin, "stranger": stranger,
            "sdm": sdm}


def page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response.status_code, response.get_data(as_text=True)


def test_pengembangan_saya_shows_progress_mix_and_history(client, org):
    client.login(org["staff"].nip)
    status, html = page(client, "/jp/saya")
    assert status == 200
    assert "Pengembangan Saya" in html
    assert re.search(r'<progress value="20" max="20"', html)  # 24 JP, shown full
    assert "Target tercapai" in html
    assert "<svg" in html and 'fill="#2e7d32"' in html
    assert " style=" not in html  # strict CSP: no inline styles
    assert "Komposisi ideal" in html and "Komunitas Uji" in html
    assert "Tidak dihitung" in html and "Melebihi batas 2 per bulan (KB-07)" in html
    assert mechanism_title("magang") in html  # shown even when its plugin is not installed


def test_history_filters_and_htmx_fragment(client, org):
    client.login(org["staff"].nip)
    status, html = page(client, f"/jp/saya?tahun={YEAR}&status=tidak")
    assert status == 200 and html.count("badge-off") == 3  # two beyond KB-07, magang 0 JP
    status, html = page(client, f"/jp/saya?tahun={YEAR}&mekanisme=formal",
                        headers={"HX-Request": "true"})
    assert status == 200 and "<html" not in html and 'id="riwayat"' in html
    assert "sert" not in html or "Kegiatan sert" in html
    # Unknown filter values are ignored, not errors.
    status, _ = page(client, "/jp/saya?mekanisme=<script>&status=x&page=abc")
    assert status == 200


@pytest.mark.parametrize("year", ["abc", "1999", "99999", str(YEAR + 2), "-1"])
def test_bad_year_is_404_not_500(client, org, year):
    client.login(org["staff"].nip)
    assert client.get(f"/jp/saya?tahun={year}").status_code == 404
    client.logout()
    client.login(org["sdm"].nip)
    assert client.get(f"/jp/tim?tahun={year}").status_code == 404


def test_pengembangan_saya_empty_state_tells_what_to_do(client, org):
    client.login(org["stranger"].nip)
    status, html = page(client, "/jp/saya")
    assert status == 200 and "Belum ada JP tercatat" in html and "Langkah berikutnya" in html
    status, html = page(client, f"/jp/saya?tahun={YEAR - 1}")
    assert "Tidak ada kegiatan pengembangan yang tercatat" in html


def test_cancelled_row_is_shown_with_reason(client, org):
    entry = credit(participation(org["other"].id, "teknis", "peserta", day(4, 4), "x",
                                 mechanism="formal", jp_stated=4))
    cancel(entry.id, None, "Sertifikat tidak sah")
    db.session.commit()
    client.login(org["other"].nip)
    _, html = page(client, "/jp/saya?status=batal")
    assert "Dibatalkan" in html and "Sertifikat tidak sah" in html


def test_home_card_shows_jp_against_target(client, org):
    client.login(org["staff"].nip)
    _, html = page(client, "/")
    assert "JP saya tahun" in html and "Lihat Pengembangan Saya" in html


def test_atasan_sees_direct_reports_only(client, org):
    client.login(org["atasan"].nip)
    status, html = page(client, "/jp/tim?tampil=semua")
    assert status == 200
    assert "Staf Rajin" in html and "Admin A" in html
    assert "Staf A2" not in html and "Staf B" not in html and "Kepala A2" not in html
    assert "Bawahan langsung Anda" in html


def test_pimpinan_sees_subtree_and_who_is_behind(client, org):
    client.login(org["head"].nip)
    status, html = page(client, "/jp/tim")
    assert status == 200
    assert "Staf A2" in html and "Kepala A2" in html and "Staf B" not in html
    assert "Staf Rajin" not in html  # at target: not behind
    assert re.search(r"1 dari \d+ pegawai", html)
    status, html = page(client, f"/jp/tim?unit={org['a2'].id}&tampil=semua")
    assert status == 200 and "Staf A2" in html and "Atasan A1" not in html
    status, html = page(client, "/jp/tim?status=PPPK&tampil=semua")
    assert "HYPERLINK" in html and "Staf A2" not in html


def test_forged_unit_filter_is_404(client, org):
    client.login(org["head"].nip)
    assert client.get(f"/jp/tim?unit={org['b'].id}").status_code == 404
    assert client.get("/jp/tim?unit=999999").status_code == 404
    assert client.get("/jp/tim?unit=abc").status_code == 404


def test_team_page_is_for_managers_only(client, org):
    client.login(org["stranger"].nip)
    assert client.get("/jp/tim").status_code == 403
    assert client.get("/jp/tim/ekspor.xlsx").status_code == 403


def test_admin_sdm_sees_the_ministry_with_distribution(client, org):
    client.login(org["sdm"].nip)
    status, html = page(client, "/jp/tim?tampil=semua&urut=-jp")
    assert status == 200
    assert "Seluruh pegawai kementerian" in html and "Staf B" in html
    assert "Sebaran JP pegawai" in html and "≥ 20 JP" in html
    assert html.index("Staf Rajin") < html.index("Staf B")  # highest JP first
    assert " style=" not in html
    status, html = page(client, "/jp/tim?page=2", headers={"HX-Request": "true"})
    assert status == 200 and "<html" not in html and 'id="daftar-tim"' in html


def test_team_export_is_xlsx_with_formula_injection_escaped(client, org):
    client.login(org["head"].nip)
    response = client.get("/jp/tim/ekspor.xlsx?tampil=semua")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:3] == ("No", "Nama", "NIP")
    names = {row[1]: row for row in rows[2:]}
    assert "'=HYPERLINK(\"http://x\",\"y\")" in names
    assert names["Staf Rajin"][10] == 24 and names["Staf Rajin"][11] == 20
    assert "Staf B" not in names
