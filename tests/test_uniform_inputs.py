"""Issue 15 item 7: uniform answers and inputs — the API answers unknown and out-of-scope NIPs
and unit codes alike; unit codes keep to a safe alphabet in the form and the import; every
download name is built by one helper (portal.exports.content_disposition, RFC 6266)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from sqlalchemy import func, select

from portal.api import tokens
from portal.exports import content_disposition
from portal.extensions import db
from portal.models import Account, Unit
from portal.pagination import parse_year
from tests.test_imports import csv_bytes, unit_row, upload

UNKNOWN_NIP = "199001012020011999"


def _token(employee) -> str:
    account = db.session.scalar(select(Account).where(Account.employee_id == employee.id))
    _, token = tokens.create(account, "uji")
    db.session.commit()
    return token


def _api(client, url: str, token: str):
    response = client.get(url, headers={"Authorization": f"Bearer {token}"})
    return response.status_code, response.get_json()


def test_api_answers_an_out_of_scope_nip_exactly_like_an_unknown_one(client, two_units):
    token = _token(two_units["A"]["admin"])
    other = two_units["B"]["staff"].nip
    for path in ("/api/v1/employees/{}/jp", "/api/v1/employees/{}/eligibility/contoh"):
        outside = _api(client, path.format(other), token)
        unknown = _api(client, path.format(UNKNOWN_NIP), token)
        assert outside[0] == unknown[0] == 404
        assert outside[1]["message"].replace(other, "N") == unknown[1]["message"].replace(UNKNOWN_NIP, "N")
        assert set(outside[1]) == set(unknown[1]) == {"message"}


def test_api_answers_an_out_of_scope_unit_exactly_like_an_unknown_one(client, two_units):
    token = _token(two_units["A"]["admin"])
    outside = _api(client, "/api/v1/units/B/compliance", token)
    unknown = _api(client, "/api/v1/units/Q/compliance", token)
    assert outside[0] == unknown[0] == 404
    assert outside[1]["message"].replace(" B ", " X ") == unknown[1]["message"].replace(" Q ", " X ")


@pytest.mark.parametrize("kode", ['A."02', "A.02\r\nX-Evil: 1", "A 02", "A/02", "Ä.02", "A;02"])
def test_unit_form_refuses_codes_outside_the_safe_alphabet(client, two_units, kode):
    client.login(two_units["sdm"].nip)
    page = client.post("/unit/baru", data={"kode": kode, "nama": "Direktorat Diketik",
                                           "eselon": "II", "induk_kode": "A"})
    body = page.get_data(as_text=True)
    assert page.status_code in (200, 422)
    assert "hanya boleh berisi huruf, angka, titik (.), tanda hubung (-) dan garis bawah (_)" in body
    assert 'value="Direktorat Diketik"' in body  # nothing the user typed is lost
    assert db.session.scalar(select(func.count()).select_from(Unit).where(Unit.nama == "Direktorat Diketik")) == 0


def test_unit_import_refuses_codes_outside_the_safe_alphabet(client, two_units):
    client.login(two_units["sdm"].nip)
    rows = [unit_row('A."03', "A"), unit_row("A.04", 'A"')]
    page = upload(client, "unit", csv_bytes(rows), "unit.csv").get_data(as_text=True)
    assert page.count("hanya boleh berisi huruf, angka") == 2
    assert db.session.scalar(select(Unit).where(Unit.kode == "A.04")) is None


def test_safe_codes_are_still_accepted(client, two_units):
    client.login(two_units["sdm"].nip)
    response = client.post("/unit/baru", data={"kode": "A.02-b_3", "nama": "Direktorat A Dua",
                                               "eselon": "II", "induk_kode": "A"})
    assert response.status_code == 302


HEADER = re.compile(r'^attachment; filename="([A-Za-z0-9._()\- ]+)"'
                    r"(?:; filename\*=UTF-8''([A-Za-z0-9%._~!$&'()*+,;=:@-]+))?$")


@pytest.mark.parametrize("name, fallback, full", [
    ("laporan-A.01.pdf", "laporan-A.01.pdf", None),
    ("Transkrip Çağlar Ñúñez.pdf", "Transkrip Caglar Nunez.pdf", "Transkrip Çağlar Ñúñez.pdf"),
    ('unit "A"\r\nSet-Cookie: x=1.xlsx', "unit _A__Set-Cookie_ x_1.xlsx", 'unit "A"_Set-Cookie: x=1.xlsx'),
    ("日本語.xlsx", "unduhan.xlsx", "日本語.xlsx"),
    ("", "unduhan", None),
])
def test_download_names_are_encoded_per_rfc_6266(name, fallback, full):
    header = content_disposition(name)
    match = HEADER.match(header)
    assert match, header
    assert "\r" not in header and "\n" not in header
    assert match.group(1) == fallback
    if full is not None:
        assert unquote(match.group(2)) == full


HAND_WRITTEN = re.compile(r"""Content-Disposition["']\]?\s*[:=]\s*f?["']|as_attachment\s*=\s*True""")


def test_no_view_writes_its_own_content_disposition():
    """Every download name goes through portal.exports.content_disposition: no header written
    by hand, no ``send_file(as_attachment=True)`` with its own encoding."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = [str(path.relative_to(root)) for folder in ("portal", "plugins")
                 for path in (root / folder).rglob("*.py")
                 if "/tests/" not in str(path) and HAND_WRITTEN.search(path.read_text())]
    assert offenders == []


def test_a_certificate_download_of_a_unicode_name_keeps_the_header_valid(app, two_units):
    from portal.certificates.service import issue
    from tests.certificate_helpers import entry_for

    staff = two_units["A"]["staff"]
    staff.nama = "Çağlar \"Ucok\"\r\nSiregar"
    db.session.commit()
    certificate = issue(entry_for(staff).id, None)
    client = app.test_client()
    client.login(staff.nip)
    response = client.get(f"/sertifikat/{certificate.id}/unduh")
    assert response.status_code == 200
    assert HEADER.match(response.headers["Content-Disposition"]), response.headers["Content-Disposition"]


@pytest.mark.parametrize("raw", ["9999", "0000", "1999", "²⁰²⁶", "٢٠٢٦", "20 26", "abcd", "12345"])
def test_one_year_parser_refuses_what_no_route_can_use(raw):
    assert parse_year(raw)[0] is None and "Tahun harus empat angka antara 2000" in parse_year(raw)[1]


@pytest.mark.parametrize("url", ["/sertifikat/massal/?unit={}", "/laporan/rekap?unit={}",
                                 "/laporan/transkrip?pegawai={}"])
@pytest.mark.parametrize("raw", ["²", "١٢", "99999999999999", "-1"])
def test_ids_in_query_strings_are_ascii_digits_or_nothing(client, two_units, url, raw):
    """``"²".isdigit()`` is True but ``int("²")`` fails: ids go through pagination.parse_id."""
    client.login(two_units["sdm"].nip)
    assert client.get(url.format(raw)).status_code < 500


@pytest.mark.parametrize("url", ["/m/komunitas/rekap/status", "/laporan/rekap", "/sertifikat/massal/",
                                 "/admin/audit"])
@pytest.mark.parametrize("dari, sampai", [("9999-12-31", "9999-12-31"), ("0001-01-01", "0001-01-02"),
                                          ("2026-02-30", "２０２６-01-01")])
def test_dates_at_the_ends_of_the_calendar_are_refused_not_overflowed(client, two_units, url, dari, sampai):
    """/m/komunitas/rekap/status?dari=9999-12-31 overflowed date arithmetic (a 500): every date
    parameter goes through pagination.parse_date_text, bounded to 2000 … five years ahead."""
    client.login(two_units["sdm"].nip)
    assert client.get(url, query_string={"dari": dari, "sampai": sampai}).status_code < 500


def test_one_date_parser_names_the_problem():
    from portal.pagination import parse_date_text

    assert parse_date_text("2026-02-30")[1].endswith("tidak ada di kalender.")
    assert "TTTT-BB-HH" in parse_date_text("２０２６-01-01")[1]
    assert parse_date_text("9999-12-31")[1].startswith("Tanggal harus antara 2000-01-01")
    assert parse_date_text("")[0] is None and parse_date_text("2026-11-28")[0].day == 28
