"""Forms of the rule-settings page and of cancelling a ledger row (CSRF through Flask-WTF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length


class SettingVersionForm(FlaskForm):
    # Choices are checked by the view (Indonesian message), not by WTForms.
    key = SelectField("Pengaturan", validate_choice=False,
                      validators=[DataRequired("Pilih pengaturan.")])
    value = StringField("Nilai baru", validators=[DataRequired("Nilai wajib diisi."),
                                                  Length(max=200)])
    # Parsed by portal.ledger.params.date_value (Indonesian messages); rendered as type=date.
    effective_from = StringField("Berlaku mulai", validators=[
        DataRequired("Tanggal berlaku wajib diisi (format TTTT-BB-HH)."), Length(max=10)])
    note = StringField("Dasar perubahan", validators=[
        DataRequired("Tuliskan dasar perubahan (mis. nomor nota dinas)."), Length(max=300)])


class CancelEntryForm(FlaskForm):
    reason = TextAreaField("Alasan pembatalan", validators=[
        DataRequired("Alasan pembatalan wajib diisi."),
        Length(max=300, message="Alasan paling panjang 300 karakter.")])
    revoke_certificates = BooleanField("Cabut juga sertifikat yang terbit dari kegiatan ini",
                                       default=True)
