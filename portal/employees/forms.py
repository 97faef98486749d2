from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from portal.formfields import choices
from portal.models.employee import GAP_STANDARD_LABELS, JENIS_JABATAN_LABELS


class EmployeeForm(FlaskForm):
    nip = StringField("NIP / NI PPPK", validators=[DataRequired("NIP wajib diisi."), Length(max=30)])
    nama = StringField("Nama", validators=[DataRequired("Nama wajib diisi."), Length(max=200)])
    unit_kode = StringField("Kode unit", validators=[DataRequired("Kode unit wajib diisi."), Length(max=30)])
    status_asn = SelectField("Status ASN", choices=choices({"PNS": "PNS", "PPPK": "PPPK"}))
    jenis_jabatan = SelectField("Jenis jabatan", choices=choices(JENIS_JABATAN_LABELS))
    jenjang = StringField("Jenjang", validators=[Optional(), Length(max=60)])
    jabatan = StringField("Jabatan", validators=[Optional(), Length(max=200)])
    golongan = StringField("Golongan", validators=[Optional(), Length(max=10)])
    atasan_nip = StringField("NIP atasan langsung", validators=[Optional(), Length(max=30)])
    email = StringField("Email", validators=[Optional(), Length(max=200)])
    hipo = BooleanField("Berpotensi tinggi (kompetensi dan kinerja tinggi)")
    pppk_kontrak_selesai = StringField("Akhir kontrak PPPK (YYYY-MM-DD)", validators=[Optional(), Length(max=10)])
    pppk_keahlian_langka = BooleanField("Keahlian langka di antara PNS (PPPK)")
    pendidikan = StringField("Pendidikan terakhir (jenjang dan bidang)", validators=[Optional(), Length(max=200)])


class GapForm(FlaskForm):
    standard = SelectField("Standar kompetensi", choices=choices(GAP_STANDARD_LABELS))
    kompetensi = StringField("Kompetensi", validators=[DataRequired("Kompetensi wajib diisi."), Length(max=200)])
    gap_level = IntegerField("Tingkat kesenjangan (1–5)",
                             validators=[DataRequired("Isi angka 1–5."), NumberRange(1, 5, "Isi angka 1–5.")])
