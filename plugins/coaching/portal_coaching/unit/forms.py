"""Forms of the unit flow (Indonesian labels and messages; what the user typed is kept)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from portal.sdk import GAP_STANDARD_LABELS, DateText, choices
from portal_coaching.unit.models import JENIS


def _required(label: str, limit: int):
    return [DataRequired(f"{label} wajib diisi."),
            Length(max=limit, message=f"{label} paling panjang {limit} karakter.")]


def _one_of(allowed, message: str):
    def check(form, field) -> None:
        if field.data not in allowed:
            raise ValidationError(message)
    return check


NIP_FIELD = {"inputmode": "numeric", "autocomplete": "off"}


class InventoryForm(FlaskForm):
    nip = StringField("NIP pegawai", validators=_required("NIP pegawai", 30), render_kw=NIP_FIELD)
    jenis = RadioField("Kebutuhan", choices=choices(JENIS), default="coaching", validate_choice=False,
                       validators=[_one_of(JENIS, "Pilih coaching atau mentoring.")])
    alasan = TextAreaField("Alasan kebutuhan (kinerja, kompetensi, karier)",
                           validators=_required("Alasan", 2000))


class NoteForm(FlaskForm):
    catatan = TextAreaField("Catatan", validators=_required("Catatan", 1000))


class AreaForm(FlaskForm):
    area_standard = SelectField(
        "Standar kompetensi", validate_choice=False,
        choices=[SelectChoice("", "— pilih standar —")] + choices(GAP_STANDARD_LABELS),
        validators=[_one_of(GAP_STANDARD_LABELS, "Pilih standar kompetensi dari daftar.")])
    area = StringField("Area pengembangan", validators=_required("Area pengembangan", 300))


MENTOR_CHOICES = {"atasan": "Atasan langsung saya", "lain": "Pihak lain (perlu persetujuan atasan langsung, CU-03)"}


class StartForm(FlaskForm):
    """Ask a coach (CU-02) or a mentor (CU-03)."""

    pilihan = RadioField("Mentor", choices=choices(MENTOR_CHOICES), default="atasan",
                         validate_choice=False)
    nip = StringField("NIP coach/mentor", validators=[Length(max=30, message="NIP terlalu panjang.")],
                      render_kw=NIP_FIELD)
    kegiatan = TextAreaField("Kegiatan spesifik / hal yang ingin dibimbing",
                             validators=_required("Kegiatan", 2000))


class AgreementForm(FlaskForm):
    tujuan = TextAreaField("Tujuan yang ingin dicapai", validators=_required("Tujuan", 4000))
    sasaran = TextAreaField("Sasaran dan aspek yang akan didiskusikan",
                            validators=_required("Sasaran", 4000))


class MeetingForm(FlaskForm):
    tanggal = DateText("Tanggal pertemuan")
    topik = StringField("Topik", validators=_required("Topik", 300))
    hasil = TextAreaField("Hasil / rekomendasi", validators=_required("Hasil / rekomendasi", 4000))


class EvaluationForm(FlaskForm):
    evaluasi = TextAreaField("Evaluasi pelaksanaan", validators=_required("Evaluasi", 4000))
