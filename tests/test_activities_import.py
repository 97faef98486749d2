"""Import of historical activities into the JP ledger (browser and ``flask activities import``).

Throw-away plugins stand in for the mechanisms, so the tests hold whichever real mechanism
plugins are installed: ``uji_komunitas`` has the fixed types and roles of ``komunitas`` (KB-01),
its KB-05 JP and the KB-07 cap, and answers ``portal_import_row`` through the core's fixed-types
helper; ``tanpa_impor`` is installed without implementing the hook. ``formal`` (JP as stated on
the certificate, FL-01) is tested through the helper directly.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import func, select

from portal.activities.fixed_types import FIXED_TYPES, import_verdict
from portal.extensions import db
from portal.hookspecs import hookimpl
from portal.ledger.models import LedgerEntry
from portal.ledger.service import compute_jp
from portal.mechanisms.switches import set_switch
from portal.models import AuditLog
from portal.types import ActivityRow, CapSpec, JPResult, Participation, PluginInfo

HEADER = "nip,mechanism,activity_type,role,date,title,jp,reference"
KB_JP = {"peserta": 2, "pemateri": 4, "pakar": 4, "penulis": 4}


SLUG = "uji_komunitas"


class Komunitas:
    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug=SLUG, title="Komunitas Belajar (uji)", model=70, caps=(
            CapSpec("KB-07", 2, "employee_month_activity", ("berbagi_bahan",), ("penulis",)),))

    @hookimpl
    def portal_compute_jp(self, participation, settings):
        if participation.mechanism != SLUG:
            return None
        return JPResult(KB_JP[participation.role], "KB-05", "JP per pertemuan")

    @hookimpl
    def portal_import_row(self, row):
        return import_verdict(row, SLUG, FIXED_TYPES["komunitas"])


class WithoutImport:
    @hookimpl
    def portal_plugin_info(self):
        return PluginInfo(slug="tanpa_impor", title="Tanpa impor", model=70)


@pytest.fixture
def portal(make_app, two_units):
    # The commit is a background job; these tests run it in the request (immediate mode).
    app = make_app(plugins=[(SLUG, Komunitas()), ("tanpa_impor", WithoutImport())],
                   PORTAL_TASK_QUEUE="immediate")
    with app.app_context():
        yield app


def csv_file(tmp_path, *lines: str, name: str = "kegiatan.csv"):
    path = tmp_path / name
    path.write_text("\n".join((HEADER,) + lines) + "\n", encoding="utf-8")
    return path


def kb(nip: str, day: str = "2025-03-03", activity: str = "berbagi_pengetahuan",
       role: str = "peserta", ref: str = "KB/1", jp: str = "") -> str:
    return f"{nip},{SLUG},{activity},{role},{day},Berbagi pengetahuan BIM,{jp},{ref}"


def ledger_rows() -> list[LedgerEntry]:
    db.session.rollback()
    return list(db.session.scalars(select(LedgerEntry).order_by(LedgerEntry.id)))


def run(portal, path):
    return portal.test_cli_runner().invoke(args=["activities", "import", str(path)])


def upload(client, content: bytes, name: str = "kegiatan.csv", follow: bool = True):
    """Upload; by default follow the preview job (run at once in tests) to its page."""
    return client.post("/impor/kegiatan/pratinjau",
                       data={"berkas": (io.BytesIO(content), name)},
                       content_type="multipart/form-data", follow_redirects=follow)


def token_of(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)
    return match.group(1)


# --------------------------------------------------------------------------- browser flow


def test_preview_then_commit_credits_the_ledger_as_import(portal, two_units, tmp_path):
    staff = two_units["A"]["staff"]
    client = portal.test_client()
    client.login(two_units["sdm"].nip)
    content = "\n".join([HEADER, kb(staff.nip), kb(staff.nip, role="pemateri", ref="KB/2"),
                         kb(staff.nip, day="14/02/2025", activity="diskusi_permasalahan",
                            role="pakar", ref="KB/3")]).encode()
    preview = upload(client, content)
    body = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "Tidak ada masalah" in body and "Siap diimpor" in body
    assert ledger_rows() == []  # the preview writes nothing

    response = client.post("/impor/kegiatan/simpan", data={"token": token_of(preview)})
    assert response.status_code == 302 and "/tugas/" in response.location
    job_page = client.get(response.location).get_data(as_text=True)
    assert "Selesai" in job_page and "3 kegiatan diimpor" in job_page
    rows = ledger_rows()
    assert [(r.mechanism, r.role, float(r.jp_claimed), r.rule_id, r.source) for r in rows] == [
        (SLUG, "peserta", 2.0, "KB-05", "import"),
        (SLUG, "pemateri", 4.0, "KB-05", "import"),
        (SLUG, "pakar", 4.0, "KB-05", "import")]
    assert rows[2].activity_date == dt.date(2025, 2, 14)
    audit = db.session.scalar(select(AuditLog).where(AuditLog.action == "import.activities"))
    assert audit.new_values["baris"] == 3
    # A token is used once.
    again = client.post("/impor/kegiatan/simpan", data={"token": token_of(preview)})
    assert again.status_code == 302 and len(ledger_rows()) == 3


def test_preview_reports_row_column_and_message(portal, two_units):
    client = portal.test_client()
    client.login(two_units["sdm"].nip)
    staff = two_units["A"]["staff"]
    content = "\n".join([HEADER, kb(staff.nip), kb(staff.nip, day="2025-02-30")]).encode()
    response = upload(client, content)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "tidak ada data yang disimpan" in body
    assert re.search(r"<td>3</td><td><code>date</code></td><td>Tanggal &#39;2025-02-30&#39; tidak valid",
                     body)
    assert 'name="token"' not in body


def test_upload_without_file_or_with_unreadable_file_keeps_the_page(portal, two_units):
    client = portal.test_client()
    client.login(two_units["sdm"].nip)
    empty = client.post("/impor/kegiatan/pratinjau", data={}, content_type="multipart/form-data")
    assert empty.status_code == 422 and "Pilih berkas" in empty.get_data(as_text=True)
    # An unreadable file fails its preview job; the job page says why and links back.
    broken = upload(client, b"PK\x03\x04rusak", "kegiatan.xlsx").get_data(as_text=True)
    assert 'data-status="gagal"' in broken and "XLSX" in broken
    assert "Unggah berkas lain" in broken
    missing = upload(client, b"nip,mechanism\n1,2\n").get_data(as_text=True)
    assert 'data-status="gagal"' in missing and "Kolom wajib tidak ditemukan" in missing


def test_xlsx_file_with_date_cells_is_read(portal, two_units, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append([two_units["A"]["staff"].nip, SLUG, "berbagi_pengalaman", "pakar",
                  dt.datetime(2025, 5, 6), "Pengalaman proyek bendungan", None, "KB/9"])
    path = tmp_path / "kegiatan.xlsx"
    workbook.save(path)
    result = run(portal, path)
    assert result.exit_code == 0, result.output
    [row] = ledger_rows()
    assert (row.activity_date, float(row.jp_claimed)) == (dt.date(2025, 5, 6), 4.0)


def test_staff_cannot_open_the_activities_import(portal, two_units):
    client = portal.test_client()
    client.login(two_units["A"]["staff"].nip)
    assert client.get("/impor/kegiatan/").status_code == 403
    admin = portal.test_client()
    admin.login(two_units["A"]["admin"].nip)
    assert admin.get("/impor/kegiatan/").status_code == 200
    assert admin.get("/impor/kegiatan/templat.csv").data.decode("utf-8-sig").startswith(
        "nip;mechanism;activity_type;role;date;title;jp;reference")


# --------------------------------------------------------------------------- the core's checks


def test_one_bad_row_saves_nothing_all_or_nothing(portal, two_units, tmp_path):
    staff = two_units["A"]["staff"]
    path = csv_file(tmp_path, kb(staff.nip), kb(staff.nip, ref="KB/2"),
                    kb("199001012015011999", ref="KB/3"))
    result = run(portal, path)
    assert result.exit_code == 1
    assert "Baris 4, kolom nip" in result.output and "Tidak ada data yang disimpan" in result.output
    assert ledger_rows() == []


def test_exact_duplicate_within_the_file_is_refused(portal, two_units, tmp_path):
    staff = two_units["A"]["staff"]
    path = csv_file(tmp_path, kb(staff.nip), kb(staff.nip, ref="KB/2"), kb(staff.nip))
    result = run(portal, path)
    assert result.exit_code == 1
    assert "Baris 4, kolom baris: Duplikat: sama persis dengan baris 2" in result.output
    assert ledger_rows() == []


def test_exact_duplicate_of_a_ledger_entry_is_refused(portal, two_units, tmp_path):
    staff = two_units["A"]["staff"]
    assert run(portal, csv_file(tmp_path, kb(staff.nip))).exit_code == 0
    [entry] = ledger_rows()
    # Same key again, and a row differing only by reference (allowed).
    result = run(portal, csv_file(tmp_path, kb(staff.nip, ref="KB/2"), kb(staff.nip),
                                  name="kedua.csv"))
    assert result.exit_code == 1
    assert f"Baris 3, kolom baris: Duplikat: sama persis dengan entri buku JP #{entry.id}" in \
        result.output
    assert len(ledger_rows()) == 1


def test_plugin_refuses_a_role_that_earns_no_jp(portal, two_units, tmp_path):
    staff = two_units["A"]["staff"]
    result = run(portal, csv_file(tmp_path, kb(staff.nip, role="moderator"),
                                  kb(staff.nip, activity="rapat", ref="KB/2")))
    assert result.exit_code == 1
    assert f"Peran 'moderator' tidak mendapat JP pada {SLUG}" in result.output
    assert "(KB-01)" in result.output
    assert f"Jenis kegiatan 'rapat' tidak dikenal untuk {SLUG}" in result.output
    assert ledger_rows() == []


def test_unknown_or_uninstalled_mechanism_is_refused(portal, two_units, tmp_path):
    nip = two_units["A"]["staff"].nip
    missing = sorted(set(FIXED_TYPES) - set(portal.extensions["portal_plugins"].slugs()))
    lines = [f"{nip},seminarku,x,peserta,2025-01-02,Judul,,R1",
             f"{nip},tanpa_impor,tanpa_impor,peserta,2025-01-02,Kegiatan,,R2"]
    lines += [f"{nip},{slug},{slug},peserta,2025-01-02,Kegiatan,,R3" for slug in missing[:1]]
    result = run(portal, csv_file(tmp_path, *lines))
    assert result.exit_code == 1
    assert "Baris 2, kolom mechanism: Mekanisme 'seminarku' tidak dikenal" in result.output
    assert "Baris 3, kolom mechanism: Mekanisme tanpa_impor belum mendukung impor." in result.output
    if missing:  # a fixed mechanism whose plugin is not installed
        assert f"Baris 4, kolom mechanism: Mekanisme {missing[0]} belum terpasang" in result.output


def test_admin_unit_cannot_import_for_an_employee_outside_their_scope(portal, two_units):
    client = portal.test_client()
    client.login(two_units["A"]["admin"].nip)
    content = "\n".join([HEADER, kb(two_units["A"]["staff"].nip),
                         kb(two_units["B"]["staff"].nip)]).encode()
    body = upload(client, content).get_data(as_text=True)
    assert f"Pegawai dengan NIP {two_units['B']['staff'].nip} tidak ditemukan di unit dalam " \
           "kewenangan Anda" in body
    assert two_units["B"]["staff"].nama not in body
    assert 'name="token"' not in body


def test_future_date_is_refused(portal, two_units, tmp_path):
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    result = run(portal, csv_file(tmp_path, kb(two_units["A"]["staff"].nip, day=tomorrow)))
    assert result.exit_code == 1
    assert "ada di masa depan" in result.output


def test_formal_takes_the_jp_on_the_certificate_fl01(portal, two_units):
    staff = two_units["A"]["staff"]
    row = ActivityRow(2, staff.id, staff.unit_id, staff.nip, "formal", "teknis", "peserta",
                      dt.date(2025, 1, 2), "Diklat jalan", "S1")
    refused = import_verdict(row, "formal")
    assert not refused.accepted
    assert refused.message == "Kolom jp wajib diisi untuk formal: JP sesuai sertifikat (FL-01)."
    accepted = import_verdict(ActivityRow(**{**row.__dict__, "jp": Decimal("24")}), "formal")
    assert accepted.participation.jp_stated == Decimal("24")
    jp, _ = compute_jp(accepted.participation)
    assert (jp.jp, jp.rule_id) == (Decimal("24"), "FL-01")


def test_jp_column_is_ignored_where_the_mechanism_computes_jp(portal, two_units, tmp_path):
    nip = two_units["A"]["staff"].nip
    ignored = run(portal, csv_file(tmp_path, kb(nip, jp="9"), name="jp.csv"))
    assert ignored.exit_code == 0
    assert "Kolom jp diabaikan pada 1 baris" in ignored.output
    [row] = ledger_rows()
    assert float(row.jp_claimed) == 2.0 and row.jp_stated is None


def test_switched_off_mechanism_history_is_imported_with_a_warning(portal, two_units, tmp_path):
    set_switch(two_units["A"]["top"], SLUG, "off", actor_id=None)
    db.session.commit()
    result = run(portal, csv_file(tmp_path, kb(two_units["A"]["staff"].nip)))
    assert result.exit_code == 0
    assert f"Mekanisme {SLUG} sedang dinonaktifkan" in result.output
    assert len(ledger_rows()) == 1


# --------------------------------------------------------------------------- caps


def test_caps_apply_to_imported_rows_kb07(portal, two_units, tmp_path):
    staff = two_units["A"]["staff"]
    lines = [kb(staff.nip, day=f"2025-04-0{d}", activity="berbagi_bahan", role="penulis",
                ref=f"BAHAN/{d}") for d in (1, 2, 3)]
    client = portal.test_client()
    client.login(two_units["sdm"].nip)
    preview = upload(client, "\n".join([HEADER, *lines]).encode())
    body = preview.get_data(as_text=True)
    assert "<td>4</td><td>Diimpor tetapi tidak dihitung: Melebihi batas 2 per bulan (KB-07)" in body
    client.post("/impor/kegiatan/simpan", data={"token": token_of(preview)})
    rows = ledger_rows()
    assert [(r.counted, r.cap_rule_id) for r in rows] == [(True, None), (True, None),
                                                          (False, "KB-07")]


def test_an_earlier_imported_row_is_forecast_to_push_an_entry_beyond_the_cap(portal, two_units,
                                                                              tmp_path):
    from portal.ledger.service import credit

    staff = two_units["A"]["staff"]
    for day in (10, 11):
        credit(Participation(staff.id, SLUG, "berbagi_bahan", "penulis",
                             dt.date(2025, 6, day), "Bahan", f"W{day}"))
    db.session.commit()
    result = run(portal, csv_file(tmp_path, kb(staff.nip, day="2025-06-01",
                                                activity="berbagi_bahan", role="penulis")))
    assert result.exit_code == 0
    assert "tidak akan dihitung lagi" in result.output and "KB-07" in result.output
    counted = db.session.scalar(select(func.count()).where(LedgerEntry.counted.is_(True)))
    assert counted == 2


# --------------------------------------------------------------------------- CLI and hook


def test_cli_exit_codes(portal, two_units, tmp_path):
    good = run(portal, csv_file(tmp_path, kb(two_units["A"]["staff"].nip)))
    assert good.exit_code == 0 and "1 kegiatan diimpor" in good.output
    bad = run(portal, csv_file(tmp_path, "bukan,csv,yang,benar,,,,", name="bad.csv"))
    assert bad.exit_code == 1 and "Baris 2" in bad.output
    (tmp_path / "kosong.csv").write_text("")
    empty = run(portal, tmp_path / "kosong.csv")
    assert empty.exit_code == 1 and "Berkas kosong" in empty.output
    assert len(ledger_rows()) == 1


@pytest.mark.hook("portal_import_row")
def test_portal_import_row_with_the_fixed_types_helper(portal, two_units):
    staff = two_units["A"]["staff"]
    row = ActivityRow(2, staff.id, staff.unit_id, staff.nip, "coaching", "coaching_unit", "coachee",
                      dt.date(2025, 1, 6), "Coaching", "C1")
    assert import_verdict(row, "komunitas") is None
    verdict = import_verdict(row, "coaching")
    assert verdict.accepted and verdict.participation.source == "import"
    assert not import_verdict(ActivityRow(**{**row.__dict__, "role": "coach"}), "coaching").accepted
    hook = portal.extensions["portal_plugins"].pm.hook.portal_import_row
    assert hook(row=ActivityRow(**{**row.__dict__, "mechanism": "seminarku"})) is None
    kb_row = ActivityRow(**{**row.__dict__, "mechanism": SLUG,
                            "activity_type": "diskusi_permasalahan", "role": "pakar"})
    answer = hook(row=kb_row)
    assert answer.accepted and answer.participation.role == "pakar"
    assert set(FIXED_TYPES) == {"magang", "pertukaran", "patok_banding", "detasering",
                                "outbound", "komunitas", "belajar_mandiri", "coaching", "formal"}


@pytest.mark.parametrize("jp", ["1e30", "1e300", "NaN", "-1"])
def test_a_jp_in_any_notation_is_refused_clearly_never_a_crash(portal, two_units, tmp_path, jp):
    """Issue 16: ``1e30`` used to crash the import with a decimal error."""
    result = run(portal, csv_file(tmp_path, f"{two_units['A']['staff'].nip},formal,teknis,peserta,2025-03-03,"
                                            f"Bimtek jembatan,{jp},F/1"))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "JP" in result.output and ledger_rows() == []
