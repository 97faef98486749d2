from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional


class GrantForm(FlaskForm):
    nip = StringField("NIP pegawai", validators=[DataRequired("NIP wajib diisi."), Length(max=30)])
    role = SelectField("Peran", choices=[])
    unit_kode = StringField("Kode unit (untuk admin unit)", validators=[Optional(), Length(max=30)])
