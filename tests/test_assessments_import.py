"""Assessment results in (issue 20, §E.8, G-03): the import of CSV/XLSX through the shared
pipeline (preview, all or nothing, CLI), conflicts listed before anything is replaced, the
employee's history and current gaps, and G-03's "cannot decide yet" naming what is missing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from portal.eligibility.core_rules import gap_or_talent
from portal.extensions import db
from portal.models import AssessmentResult, AuditLog, Employee, EmployeeGap
from tests.test_imports import csv_bytes, token_of, upload, xlsx_bytes

COLUMNS = ("nip", "tanggal_asesmen", "standar", "kompetensi", "level_standar", "level_capaian",
           "kesenjangan", "asesor")


def row(employee, kompetensi="Perencanaan Teknis Jalan", tanggal="2026-03-15", standar="teknis",
        required="3", achieved="2", gap="", asesor="Pusat Penilaian Kompetensi"):
    return {"nip": employee.nip, "tanggal_asesmen": tanggal, "standar": standar,
            "kompetensi": kompetensi, "level_standar": required, "level_capaian": achieved,
            "kesenjangan": gap, "asesor": asesor}


def save(client, rows, filename="asesmen.csv"):
    content = xlsx_bytes(rows, COLUMNS) if filename.endswith(".xlsx") else csv_bytes(rows, COLUMNS)
    page = upload(client, "asesmen", content, filename)
    assert page.status_code == 200, page.get_data(as_text=True)
    token = token_of(page.get_data(as_text=True))
    return page, client.post("/impor/asesmen/simpan", data={"token": token}, follow_redirects=True)


def results_of(employee):
    return db.session.scalars(select(AssessmentResult)
                              .where(AssessmentResult.employee_id == employee.id)).all()


def test_good_file_is_saved_and_the_gap_feeds_g03(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(two_units["sdm"])
    _, done = save(client, [row(staff), row(staff, "Etika Publik", standar="sosial kultural",
                                             required="3", achieved="3")], "asesmen.xlsx")
    assert "2 hasil asesmen ditambahkan" in done.get_data(as_text=True)
    assert len(results_of(staff)) == 2
    gaps = db.session.scalars(select(EmployeeGap).where(EmployeeGap.employee_id == staff.id)).all()
    assert [(g.kompetensi, g.gap_level) for g in gaps] == [("Perencanaan Teknis Jalan", 1)]
    verdict = gap_or_talent(db.session.get(Employee, staff.id))
    assert verdict.allow is True and "Perencanaan Teknis Jalan" in verdict.message
    page = client.get(f"/pegawai/{staff.id}").get_data(as_text=True)
    assert "Riwayat hasil asesmen kompetensi" in page and "Etika Publik" in page
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "import.assessments"))


def test_bad_rows_are_all_reported_and_nothing_is_saved(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(two_units["sdm"])
    rows = [row(staff),
            row(staff, "Analisis Data", standar="kepemimpinan", required="7", gap="4"),
            {**row(staff, "Hidrologi"), "nip": "199001012015011999"},
            row(staff, "Audit", tanggal="2030-01-01"),
            row(staff)]  # same employee, date and competency as the first row
    page = upload(client, "asesmen", csv_bytes(rows, COLUMNS), "asesmen.csv")
    text = page.get_data(as_text=True)
    assert "Standar harus teknis, manajerial, atau sosial kultural." in text
    assert "Level standar harus bilangan bulat 1–5." in text
    assert "belum terdaftar di portal" in text
    assert "Tanggal asesmen harus antara" in text
    assert "sudah ada di baris 2" in text
    assert 'name="token"' not in text
    assert results_of(staff) == []


def test_gap_column_must_match_the_levels(two_units, login):
    staff = two_units["A"]["staff"]
    page = upload(login(two_units["sdm"]), "asesmen",
                  csv_bytes([row(staff, required="4", achieved="2", gap="1")], COLUMNS), "a.csv")
    assert "Kesenjangan harus 2" in page.get_data(as_text=True)


def test_conflicting_row_is_listed_before_it_replaces_the_stored_value(two_units, login):
    """Imported results never overwrite a stored value silently (issue 20)."""
    staff = two_units["A"]["staff"]
    client = login(two_units["sdm"])
    save(client, [row(staff, achieved="2")])
    preview, done = save(client, [row(staff, achieved="3", asesor="Lembaga Lain")])
    text = preview.get_data(as_text=True)
    assert "Konflik dengan data tersimpan (1)" in text
    assert "level capaian 2 → 3" in text and "akan diganti" in text
    assert "0 hasil asesmen ditambahkan, 1 diperbarui" in done.get_data(as_text=True)
    [stored] = results_of(staff)
    assert (stored.achieved_level, stored.gap, stored.assessor) == (3, 0, "Lembaga Lain")
    replaced = db.session.scalar(select(AuditLog).where(AuditLog.action == "assessment_result.replace"))
    assert replaced.old_values["achieved_level"] == 2 and replaced.new_values["achieved_level"] == 3
    # the gap was closed by the corrected result
    assert db.session.scalar(select(func.count()).select_from(EmployeeGap)
                             .where(EmployeeGap.employee_id == staff.id)) == 0


def test_identical_file_twice_changes_nothing(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(two_units["sdm"])
    save(client, [row(staff)])
    preview, done = save(client, [row(staff)])
    assert "sama persis dengan data tersimpan" in preview.get_data(as_text=True)
    assert "0 hasil asesmen ditambahkan, 0 diperbarui" in done.get_data(as_text=True)
    assert len(results_of(staff)) == 1


def test_older_assessment_is_history_and_never_overrides_the_newer_gap(two_units, login):
    staff = two_units["A"]["staff"]
    client = login(two_units["sdm"])
    save(client, [row(staff, tanggal="2026-03-15", achieved="3")])  # no gap now
    preview, _ = save(client, [row(staff, tanggal="2024-03-15", achieved="1")])
    assert "disimpan sebagai riwayat" in preview.get_data(as_text=True)
    assert len(results_of(staff)) == 2
    assert db.session.scalars(select(EmployeeGap)
                              .where(EmployeeGap.employee_id == staff.id)).all() == []


def test_admin_unit_cannot_import_for_another_unit(two_units, login):
    other = two_units["B"]["staff"]
    page = upload(login(two_units["A"]["admin"]), "asesmen", csv_bytes([row(other)], COLUMNS),
                  "a.csv")
    assert "di luar unit kewenangan Anda" in page.get_data(as_text=True)


def test_cli_imports_and_refuses_a_bad_file(app, two_units, runner, tmp_path):
    staff = two_units["A"]["staff"]
    good = tmp_path / "asesmen.csv"
    good.write_bytes(csv_bytes([row(staff)], COLUMNS))
    result = runner.invoke(args=["assessments", "import", str(good)])
    assert result.exit_code == 0, result.output
    assert "1 hasil asesmen ditambahkan" in result.output
    bad = tmp_path / "salah.csv"
    bad.write_bytes(csv_bytes([row(staff, "X", required="0")], COLUMNS))
    result = runner.invoke(args=["assessments", "import", str(bad)])
    assert result.exit_code == 1
    assert "Level standar harus bilangan bulat 1–5." in result.output
    assert len(results_of(staff)) == 1


def test_g03_cannot_decide_names_the_missing_standards(two_units):
    """G-03: a participant has an assessment gap and/or Hi-Po; without the data the verdict
    is "cannot decide yet" and says exactly which assessment is missing."""
    staff = db.session.get(Employee, two_units["A"]["staff"].id)
    verdict = gap_or_talent(staff)
    assert verdict.allow is None and "Belum tercatat hasil asesmen kompetensi" in verdict.message
    db.session.add(AssessmentResult(employee_id=staff.id, assessed_on=dt.date(2026, 3, 1),
                                    standard="teknis", kompetensi="Jalan", required_level=3,
                                    achieved_level=3, gap=0, assessor="X", source="uji"))
    db.session.commit()
    verdict = gap_or_talent(staff)
    assert verdict.allow is None
    assert "Yang kurang: asesmen manajerial, asesmen sosial kultural." in verdict.message
    for standard in ("manajerial", "sosial_kultural"):
        db.session.add(AssessmentResult(employee_id=staff.id, assessed_on=dt.date(2026, 3, 1),
                                        standard=standard, kompetensi=standard, required_level=3,
                                        achieved_level=4, gap=0, assessor="X", source="uji"))
    db.session.commit()
    verdict = gap_or_talent(staff)
    assert verdict.allow is False and "tidak menunjukkan kesenjangan" in verdict.message


def test_template_names_the_columns_and_reads_back(two_units, login):
    import io

    import openpyxl

    response = login(two_units["sdm"]).get("/impor/templat/asesmen.xlsx")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    assert [c.value for c in workbook["Asesmen"][1]] == [c for c in COLUMNS if c != "kesenjangan"] + [
        "kesenjangan"]
    guide = " ".join(str(c.value) for row in workbook["Petunjuk"].iter_rows() for c in row)
    assert "konflik di pratinjau" in guide
