"""Forms: the training report (with its certificate file) and the verifier's decision."""

from __future__ import annotations

import datetime as dt

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from portal.sdk import MIN_YEAR, DateText, Required, today
from portal_formal.jp import ACTIVITY_TYPES, parse_jp

# Not before 1990, and never earlier than the JP ledger accepts, so a report can be credited.
EARLIEST = dt.date(max(1990, MIN_YEAR), 1, 1)


class ReportForm(FlaskForm):
    title = StringField("Nama pelatihan", validators=[
        DataRequired("Nama pelatihan wajib diisi."),
        Length(max=300, message="Nama pelatihan paling panjang 300 karakter.")])
    activity_type = SelectField(
        "Jenis pelatihan",
        choices=[SelectChoice("", "— pilih jenis —")] + [SelectChoice(k, v) for k, v in ACTIVITY_TYPES.items()],
        validators=[Required()], validate_choice=False)
    provider = StringField("Penyelenggara", validators=[
        DataRequired("Penyelenggara wajib diisi."),
        Length(max=200, message="Penyelenggara paling panjang 200 karakter.")])
    start_date = DateText("Tanggal mulai")
    end_date = DateText("Tanggal selesai")
    jp = StringField("JP pada sertifikat", validators=[Required()],
                     render_kw={"inputmode": "decimal", "autocomplete": "off"})
    certificate = FileField("Berkas sertifikat (PDF, PNG atau JPG)", validators=[Required()])

    def validate_activity_type(self, field) -> None:
        if field.data not in ACTIVITY_TYPES:
            raise ValidationError("Pilih salah satu jenis pelatihan formal (G-01).")

    def validate_jp(self, field) -> None:
        try:
            self.jp_value = parse_jp(field.data)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def validate_end_date(self, field) -> None:
        start, end = self.start_date.date, field.date
        if end is None:
            return
        if end > today():
            raise ValidationError("Tanggal selesai tidak boleh di masa depan: laporkan setelah pelatihan selesai.")
        if start is not None and end < start:
            raise ValidationError("Tanggal selesai tidak boleh sebelum tanggal mulai.")

    def validate_start_date(self, field) -> None:
        if field.date is None:
            return
        if field.date < EARLIEST:
            raise ValidationError(f"Tanggal mulai tidak boleh sebelum tahun {EARLIEST.year}.")
        if field.date > today():
            raise ValidationError("Tanggal mulai tidak boleh di masa depan.")


class RejectForm(FlaskForm):
    reason = TextAreaField("Alasan penolakan", validators=[
        DataRequired("Alasan penolakan wajib diisi agar pegawai dapat memperbaikinya."),
        Length(max=500, message="Alasan paling panjang 500 karakter.")])
