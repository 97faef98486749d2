"""Input hygiene in one place (issue 16 item 5): every typed or imported text is Unicode NFC
without control characters; search parameters too; every export cell is cleaned, so an ESC in a
name can no longer break the team export and a formula is never run."""

from __future__ import annotations

import io

from flask_wtf import FlaskForm
from openpyxl import load_workbook
from wtforms import StringField, TextAreaField

from portal.extensions import db
from portal.imports.reader import cell_text
from portal.text_input import clean_text


def test_clean_text_normalises_to_nfc_and_drops_control_characters():
    assert clean_text("Cafe\u0301") == "Café"
    assert clean_text("Budi\x1b[31m\x07\x0b\x0c\x7f\x85 Santoso") == "Budi[31m Santoso"
    assert clean_text("baris 1\nbaris 2\tkolom\r\n") == "baris 1\nbaris 2\tkolom\r\n"


def test_every_form_text_field_is_cleaned(app):
    class Catatan(FlaskForm):
        judul = StringField("Judul")
        isi = TextAreaField("Isi")

    with app.test_request_context("/", method="POST", data={"judul": "Rapat\x1b\x07 teknis",
                                                            "isi": "Catatan\u0301\nkedua\x0c"}):
        form = Catatan(meta={"csrf": False})
        assert form.judul.data == "Rapat teknis" and form.isi.data == "Catata\u0144\nkedua"  # ń composed


def test_imported_cells_are_cleaned():
    assert cell_text("Siti\x07 Ami\u0301nah") == ("Siti Am\u00ednah", None)
    assert cell_text("NIP\x00") == ("NIP", None)


def test_a_search_with_control_characters_answers_normally(app, people, login):
    client = login(people.person(people.unit("U1"), "admin_sdm"))
    response = client.get("/pegawai/?q=Bu\x1bdi")
    assert response.status_code == 200


def test_team_export_survives_control_characters_and_neutralises_formulas(app, people, login):
    unit = people.unit("X1")
    boss = people.person(unit, nama="Atasan Ekspor")
    hostile = people.person(unit, nama="Budi", supervisor=boss)
    hostile.nama = "=HYPERLINK(\"http://jahat\")\x1b\x07 Budi"  # written around the forms, e.g. by an old import
    db.session.commit()
    response = login(boss).get("/jp/tim/ekspor.xlsx")
    assert response.status_code == 200
    values = [cell.value for row in load_workbook(io.BytesIO(response.data)).active.iter_rows() for cell in row]
    name = next(v for v in values if isinstance(v, str) and "HYPERLINK" in v)
    assert name.startswith("'=") and "\x1b" not in name and "\x07" not in name
