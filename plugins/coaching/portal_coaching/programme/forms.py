"""Flask-WTF forms of the programme pages (Indonesian messages); the circular's own forms are
built from ``catalogue.FORMS`` and ``questionnaires.QUESTIONNAIRES``."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from portal.sdk import DateText, choices
from portal_coaching.programme.catalogue import FormSpec
from portal_coaching.programme.models import CLINIC_KINDS, MODES, STANDARDS
from portal_coaching.programme.questionnaires import SCALE, Questionnaire

REQUIRED = "Wajib diisi."
LOG_AUTHORS = {"coach": "Tabel 3 — aktivitas coach", "coachee": "Tabel 4 — aktivitas coachee",
               "mentor": "Catatan mentoring — dialog mentor–coachee"}


CHOICE_MESSAGE = "Pilih salah satu pilihan yang tersedia."


class _Indonesian:
    """WTForms' own refusals (unknown choice, not a number) in Indonesian."""

    parse_message = CHOICE_MESSAGE

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(self.parse_message) from None

    def pre_validate(self, form):
        try:
            super().pre_validate(form)
        except ValidationError:
            raise ValidationError(CHOICE_MESSAGE) from None


class Choice(_Indonesian, SelectField):
    pass


class Radio(_Indonesian, RadioField):
    pass


class WholeNumber(_Indonesian, IntegerField):
    parse_message = "Isi dengan angka bulat."


def _checks(max_length: int, required: bool) -> list:
    first = DataRequired(REQUIRED) if required else Optional()
    return [first, Length(max=max_length, message=f"Maksimal {max_length} karakter.")]


def _text(label, max_length=300, required=True):
    return StringField(label, validators=_checks(max_length, required))


def _area(label, max_length=4000, required=True):
    return TextAreaField(label, validators=_checks(max_length, required))


def _date(label):
    return DateText(label)


class ProgrammeForm(FlaskForm):
    nama = _text("Nama program (sesuai jabatan dan standar kompetensi)")
    tujuan = _area("Tujuan program")
    sasaran = _area("Sasaran program")
    standar = Choice("Standar kompetensi (CM-02)", choices=choices(STANDARDS),
                          validators=[DataRequired("Pilih standar kompetensi.")])
    kompetensi = _area("Kompetensi yang belum memenuhi syarat (hasil penilaian kompetensi)")
    pertemuan_per_bulan = WholeNumber("Pertemuan per bulan (minimal 2, CM-03)", default=2, validators=[
        InputRequired("Isi jumlah pertemuan per bulan."),
        NumberRange(min=1, max=31, message="Isi angka 1–31.")])
    jadwal = _area("Kesepakatan jadwal (hari/waktu)", required=False)
    moda = Choice("Model pertemuan", choices=choices(MODES), validators=[DataRequired()])
    tanggal_mulai = _date("Tanggal mulai (minggu ke-1)")

    def values(self) -> dict:
        values = {name: getattr(self, name).data.strip() if isinstance(getattr(self, name).data, str)
                  else getattr(self, name).data
                  for name in ("nama", "tujuan", "sasaran", "standar", "kompetensi", "pertemuan_per_bulan",
                               "jadwal", "moda")}
        return {**values, "tanggal_mulai": self.tanggal_mulai.date}


class ClinicForm(FlaskForm):
    nip = _text("NIP / NI PPPK pegawai", 30)
    jenis = Radio("Dasar keikutsertaan (CM-04)", choices=choices(CLINIC_KINDS),
                       validators=[DataRequired("Pilih dasar keikutsertaan.")])
    tanggal = _date("Tanggal")
    catatan = _text("Catatan", 500, required=False)


class CoachForm(FlaskForm):
    jenis = Radio("Jenis coach", choices=choices({"internal": "Internal (pegawai)",
                                                        "eksternal": "Eksternal (tanpa akun portal)"}),
                       default="internal", validators=[DataRequired("Pilih jenis coach.")])
    nip = _text("NIP / NI PPPK (coach internal)", 30, required=False)
    nama = _text("Nama (coach eksternal)", 200, required=False)
    instansi = _text("Instansi/lembaga", 200, required=False)
    kontak = _text("Kontak (e-mail/telepon)", 200, required=False)
    pengalaman = BooleanField("Memiliki pengalaman manajemen dan teknis")
    dipercaya = BooleanField("Dapat dipercaya")
    menjaga_rahasia = BooleanField("Dapat menjaga rahasia coachee")
    integritas = BooleanField("Memiliki integritas")
    sertifikat = FileField("Sertifikat coach dari lembaga berwenang (opsional; PDF/JPG/PNG)")


class ParticipantForm(FlaskForm):
    employee_id = StringField("Pegawai", validators=[DataRequired("Pilih pegawai.")])
    coach_id = Choice("Coach (G-04)", choices=[], validators=[DataRequired("Pilih coach.")])
    mentor_nip = _text("NIP mentor (kosongkan: atasan langsung, CM-12)", 30, required=False)
    mentor_alasan = _area("Alasan bila mentor bukan atasan langsung", 1000, required=False)
    penguji = _text("Penguji / penilai teknis (pembahasan hasil akhir)", 200)


class LogForm(FlaskForm):
    author = Choice("Formulir", choices=choices(LOG_AUTHORS))
    pertemuan_ke = WholeNumber("Pertemuan ke", validators=[
        InputRequired("Isi nomor pertemuan."), NumberRange(min=1, max=50, message="Isi angka 1–50.")])
    tanggal = _date("Tanggal bimbingan")
    topik = _area("Topik pembahasan / permasalahan yang dibahas", 2000)
    hasil = _area("Hasil / rekomendasi coach (catatan mentoring: hasil dialog mentor)", 2000)


class ReassessmentForm(FlaskForm):
    tanggal = _date("Tanggal re-asesmen")
    catatan = _text("Catatan hasil re-asesmen", 1000, required=False)


def document_form(spec: FormSpec, data: dict | None = None) -> FlaskForm:
    """A form for one of the circular's forms (``catalogue.FORMS``)."""

    class _Form(FlaskForm):
        pass

    for field in spec.fields:
        if field.kind == "textarea":
            made = _area(field.label, field.max_length, field.required)
        elif field.kind == "date":
            made = _date(field.label)
        elif field.kind == "choice":
            made = Radio(field.label, choices=choices(dict(field.choices)),
                              validators=[DataRequired("Pilih salah satu.")])
        else:
            made = _text(field.label, field.max_length, field.required)
        setattr(_Form, field.key, made)
    if data is not None:
        return _Form(**{f.key: data.get(f.key) for f in spec.fields})
    return _Form()


def document_values(spec: FormSpec, form: FlaskForm) -> dict:
    values = {}
    for field in spec.fields:
        if field.kind == "date":
            values[field.key] = getattr(form, field.key).date.isoformat()
        else:
            values[field.key] = (getattr(form, field.key).data or "").strip()
    return values


def questionnaire_form(questionnaire: Questionnaire) -> FlaskForm:
    """Scale 1–5 and a comment for every item of the questionnaire (CM-11)."""

    class _Form(FlaskForm):
        pass

    for index, item in enumerate(questionnaire.items, start=1):
        setattr(_Form, f"skor_{index}", Radio(
            f"{index}. {item}", choices=[SelectChoice(v, label) for v, label in SCALE], coerce=int,
            validate_choice=False, validators=[InputRequired("Pilih nilai 1–5."),
                                               AnyOf([1, 2, 3, 4, 5], message="Pilih nilai 1–5.")]))
        setattr(_Form, f"komentar_{index}", _area("Komentar", 1000, required=False))
    return _Form()
