from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from portal.formfields import choices
from portal.models.unit import ESELON_LABELS


class UnitForm(FlaskForm):
    kode = StringField("Kode unit", validators=[DataRequired("Kode unit wajib diisi."), Length(max=30)])
    nama = StringField("Nama unit", validators=[DataRequired("Nama unit wajib diisi."), Length(max=200)])
    eselon = SelectField("Eselon", choices=choices(ESELON_LABELS))
    induk_kode = StringField("Kode unit induk", validators=[Optional(), Length(max=30)])
    pimpinan_nip = StringField("NIP pimpinan unit", validators=[Optional(), Length(max=30)])
