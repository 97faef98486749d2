"""WTForms' own refusals reach users in Bahasa Indonesia (no English on a validation error)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from portal.formfields import choices


class SampleForm(FlaskForm):
    jumlah = IntegerField("Jumlah")
    pilihan = SelectField("Pilihan", choices=choices({"a": "A"}))
    nama = StringField("Nama", validators=[DataRequired(), Length(max=5)])
    kode = StringField("Kode", validators=[Length(min=3, max=3)])


def test_wtforms_messages_are_indonesian(app):
    with app.test_request_context(method="POST", data=MultiDict(
            {"jumlah": "dua", "pilihan": "z", "nama": "terlalu panjang", "kode": "ab"})):
        form = SampleForm(meta={"csrf": False})
        assert not form.validate()
        assert form.jumlah.errors == ["Isi dengan bilangan bulat, mis. 12."]
        assert form.pilihan.errors == ["Pilihan tidak valid; pilih salah satu dari daftar."]
        assert form.nama.errors == ["Paling banyak 5 karakter."]
        assert form.kode.errors == ["Harus tepat 3 karakter."]
    with app.test_request_context(method="POST", data=MultiDict({"nama": ""})):
        form = SampleForm(meta={"csrf": False})
        form.validate()
        assert form.nama.errors == ["Isian ini wajib diisi."]
